#include "run_table.h"

#include "database.h"
#include "result_export.h"
#include "row_reader.h"
#include "statement.h"
#include "store_error.h"
#include "transaction.h"

namespace cs {

long long RunTable::save(const std::string &scenarioName, const Scenario &scenario, const ModelPool &pool,
                         const SimulationResult &result)
{
    Transaction tx(mDb);
    const std::optional<long long> scenarioId = mDb.idByName("scenarios", scenarioName);
    Statement run = mDb.prepare("INSERT INTO runs (scenario_id, scenario_name, pool_name, policy_spec, policy_label, "
                                "co2_g, energy_kwh, error_pct, requests, intervals) VALUES (?,?,?,?,?,?,?,?,?,?)");
    if (scenarioId) run.bind(1, static_cast<std::int64_t>(*scenarioId)); else run.bindNull(1);
    run.bind(2, scenarioName).bind(3, pool.name).bind(4, result.policySpec).bind(5, result.policyLabel);
    run.bind(6, result.totals.co2G).bind(7, result.totals.energyKwh).bind(8, result.totals.errorPct);
    run.bind(9, result.totals.requests).bind(10, static_cast<std::int64_t>(result.totals.intervals)).run();
    const long long id = mDb.lastInsertId();
    Statement row = mDb.prepare("INSERT INTO run_intervals (run_id, idx, t, intensity, requests, model, energy_kwh, "
                                "co2_g, cumulative_co2_g, error_pct) VALUES (?,?,?,?,?,?,?,?,?,?)");
    const IntervalResults &r = result.intervals;
    for (std::size_t i = 0; i < scenario.size() && i < r.model.size(); ++i) {
        const int m = r.model[i];
        row.bind(1, static_cast<std::int64_t>(id)).bind(2, static_cast<std::int64_t>(i));
        row.bind(3, static_cast<std::int64_t>(scenario.times[i])).bind(4, scenario.intensity[i]);
        row.bind(5, scenario.requests[i]).bind(6, m >= 0 && m < pool.size() ? pool.at(m).name : std::string());
        row.bind(7, r.energyKwh[i]).bind(8, r.co2G[i]).bind(9, r.cumulativeCo2G[i]).bind(10, r.errorPct[i]);
        row.run();
    }
    tx.commit();
    return id;
}

RunInfo RunTable::readRun(const Statement &s)
{
    RunInfo r;
    RowReader(s) >> r.id >> r.scenario >> r.pool >> r.policySpec >> r.policyLabel >> r.createdAt >> r.co2G
        >> r.energyKwh >> r.errorPct >> r.requests >> r.intervals;
    return r;
}

std::vector<RunInfo> RunTable::list()
{
    Statement s = mDb.prepare("SELECT id, scenario_name, pool_name, policy_spec, policy_label, created_at, co2_g, "
                              "energy_kwh, error_pct, requests, intervals FROM runs ORDER BY id");
    return readRows(s, readRun);
}

void RunTable::exportCsv(long long runId, std::ostream &out)
{
    Statement exists = mDb.prepare("SELECT 1 FROM runs WHERE id = ?");
    exists.bind(1, static_cast<std::int64_t>(runId));
    if (!exists.step())
        throw StoreError(mDb.path() + ": no run with id " + std::to_string(runId));
    Statement s = mDb.prepare("SELECT t, intensity, requests, model, energy_kwh, co2_g, cumulative_co2_g, error_pct "
                              "FROM run_intervals WHERE run_id = ? ORDER BY idx");
    s.bind(1, static_cast<std::int64_t>(runId));
    out << "time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct\n";
    while (s.step()) {
        out << formatUtcTime(s.columnInt64(0)) << ',' << plainDecimal(s.columnDouble(1)) << ','
            << plainDecimal(s.columnDouble(2)) << ',' << s.columnText(3) << ',' << plainDecimal(s.columnDouble(4))
            << ',' << plainDecimal(s.columnDouble(5)) << ',' << plainDecimal(s.columnDouble(6)) << ','
            << plainDecimal(s.columnDouble(7)) << '\n';
    }
}

} // namespace cs
