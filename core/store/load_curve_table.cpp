#include "load_curve_table.h"

#include "database.h"
#include "parse_error.h"
#include "statement.h"
#include "store_error.h"

#include <charconv>
#include <cstdio>

namespace cs {

namespace {

// "rate:watts;rate:watts", shortest round-trip decimals.
std::string pointsText(const LoadCurve &c)
{
    std::string out;
    char buffer[64];
    for (const LoadPoint &p : c.points) {
        std::snprintf(buffer, sizeof buffer, "%s%.17g:%.17g", out.empty() ? "" : ";", p.requestsPerS, p.watts);
        out += buffer;
    }
    return out;
}

std::vector<LoadPoint> parsePoints(const std::string &text, const std::string &where)
{
    std::vector<LoadPoint> points;
    const char *at = text.data(), *end = text.data() + text.size();
    while (at < end) {
        LoadPoint p;
        auto r = std::from_chars(at, end, p.requestsPerS);
        if (r.ec != std::errc() || r.ptr == end || *r.ptr != ':')
            throw StoreError(where + ": a damaged load curve point");
        r = std::from_chars(r.ptr + 1, end, p.watts);
        if (r.ec != std::errc() || (r.ptr != end && *r.ptr != ';'))
            throw StoreError(where + ": a damaged load curve point");
        points.push_back(p);
        at = r.ptr == end ? end : r.ptr + 1;
    }
    return points;
}

} // namespace

bool LoadCurveTable::exists()
{
    return mDb.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'model_load_curves'") > 0;
}

void LoadCurveTable::save(long long poolId, const ModelPool &pool)
{
    bool any = false;
    for (const Model &m : pool.models)
        any = any || (m.loadCurve && !m.loadCurve->empty());
    if (!any && !exists())
        return;
    mDb.exec("CREATE TABLE IF NOT EXISTS model_load_curves ("
             "pool_id INTEGER NOT NULL REFERENCES pools(id) ON DELETE CASCADE, position INTEGER NOT NULL, "
             "idle_w REAL NOT NULL, points TEXT NOT NULL, PRIMARY KEY (pool_id, position))");
    Statement clear(mDb, "DELETE FROM model_load_curves WHERE pool_id = ?");
    clear.bind(1, static_cast<std::int64_t>(poolId)).run();
    Statement insert(mDb, "INSERT INTO model_load_curves (pool_id, position, idle_w, points) VALUES (?, ?, ?, ?)");
    for (int i = 0; i < pool.size(); ++i)
        if (const auto &c = pool.at(i).loadCurve; c && !c->empty()) {
            insert.bind(1, static_cast<std::int64_t>(poolId)).bind(2, i).bind(3, c->idleWatts).bind(4, pointsText(*c));
            insert.run();
        }
}

void LoadCurveTable::load(long long poolId, ModelPool &pool)
{
    if (!exists())
        return;
    Statement s(mDb, "SELECT position, idle_w, points FROM model_load_curves WHERE pool_id = ? ORDER BY position");
    s.bind(1, static_cast<std::int64_t>(poolId));
    while (s.step()) {
        const std::int64_t position = s.columnInt64(0);
        const std::string where = mDb.path() + ": pool \"" + pool.name + "\" model " + std::to_string(position + 1);
        if (position < 0 || position >= pool.size())
            throw StoreError(where + ": a load curve for a model that is not there");
        LoadCurve c{s.columnDouble(1), parsePoints(s.columnText(2), where)};
        try {
            c.validate(where);
        } catch (const InputError &e) {
            throw StoreError(e.what());
        }
        pool.models[static_cast<std::size_t>(position)].loadCurve = std::move(c);
    }
}

} // namespace cs
