#include "live_session_table.h"

#include "database.h"
#include "row_reader.h"
#include "statement.h"
#include "store_error.h"

namespace cs {

namespace {

const char *infoSelect = "SELECT id, label, device, policy_spec, pool_name, carbon_source, interval_s, "
                         "started_at, coalesce(ended_at, '') FROM live_sessions";

} // namespace

long long LiveSessionTable::begin(const LiveSessionInfo &info)
{
    Statement s = mDb.prepare("INSERT INTO live_sessions (label, device, policy_spec, pool_name, carbon_source, "
                              "interval_s) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, info.label).bind(2, info.device).bind(3, info.policySpec).bind(4, info.poolName);
    s.bind(5, info.carbonSource).bind(6, static_cast<std::int64_t>(info.intervalSeconds)).run();
    return mDb.lastInsertId();
}

void LiveSessionTable::append(long long sessionId, const LiveInterval &row)
{
    // Autocommit: the row is durable and visible to readers when this returns.
    Statement s = mDb.prepare(
        "INSERT INTO live_intervals (session_id, idx, t, intensity, model, served, dropped, energy_j, co2_g, "
        "latency_p50_ms, latency_p99_ms, mean_power_w, predicted_co2_g) VALUES (?, "
        "(SELECT count(*) FROM live_intervals WHERE session_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, static_cast<std::int64_t>(sessionId)).bind(2, static_cast<std::int64_t>(sessionId));
    s.bind(3, static_cast<std::int64_t>(row.time)).bind(4, row.intensity).bind(5, row.model);
    s.bind(6, row.served).bind(7, row.dropped).bind(8, row.energyJ).bind(9, row.co2G);
    s.bind(10, row.latencyP50Ms).bind(11, row.latencyP99Ms).bind(12, row.meanPowerW).bind(13, row.predictedCo2G);
    s.run();
}

void LiveSessionTable::end(long long sessionId)
{
    Statement s = mDb.prepare(
        "UPDATE live_sessions SET ended_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
    s.bind(1, static_cast<std::int64_t>(sessionId)).run();
}

LiveSessionInfo LiveSessionTable::readInfo(const Statement &s)
{
    LiveSessionInfo i;
    RowReader(s) >> i.id >> i.label >> i.device >> i.policySpec >> i.poolName >> i.carbonSource >> i.intervalSeconds
        >> i.startedAt >> i.endedAt;
    return i;
}

LiveInterval LiveSessionTable::readInterval(const Statement &s)
{
    LiveInterval r;
    RowReader(s) >> r.time >> r.intensity >> r.model >> r.served >> r.dropped >> r.energyJ >> r.co2G >> r.latencyP50Ms
        >> r.latencyP99Ms >> r.meanPowerW >> r.predictedCo2G;
    return r;
}

std::vector<LiveSessionInfo> LiveSessionTable::list()
{
    Statement s = mDb.prepare(std::string(infoSelect) + " ORDER BY id");
    return readRows(s, readInfo);
}

LiveSession LiveSessionTable::load(long long sessionId, long long afterIndex)
{
    LiveSession session;
    {
        Statement s = mDb.prepare(std::string(infoSelect) + " WHERE id = ?");
        s.bind(1, static_cast<std::int64_t>(sessionId));
        if (!s.step())
            throw StoreError(mDb.path() + ": no live session with id " + std::to_string(sessionId));
        session.info = readInfo(s);
    }
    Statement s = mDb.prepare("SELECT t, intensity, model, served, dropped, energy_j, co2_g, latency_p50_ms, "
                              "latency_p99_ms, mean_power_w, predicted_co2_g FROM live_intervals "
                              "WHERE session_id = ? AND idx >= ? ORDER BY idx");
    s.bind(1, static_cast<std::int64_t>(sessionId)).bind(2, static_cast<std::int64_t>(afterIndex));
    session.intervals = readRows(s, readInterval);
    return session;
}

} // namespace cs
