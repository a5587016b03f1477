#include "pool_table.h"

#include "database.h"
#include "load_curve_table.h"
#include "row_reader.h"
#include "statement.h"
#include "store_error.h"
#include "transaction.h"

namespace cs {

long long PoolTable::id(const std::string &name)
{
    const std::optional<long long> found = mDb.idByName("pools", name);
    if (!found)
        throw StoreError(mDb.path() + ": no model pool named \"" + name + "\"");
    return *found;
}

void PoolTable::save(const ModelPool &pool, bool replace)
{
    pool.validate();
    Transaction tx(mDb);
    long long poolId = 0;
    if (const std::optional<long long> existing = mDb.idByName("pools", pool.name)) {
        if (!replace)
            throw StoreError(mDb.path() + ": a model pool named \"" + pool.name + "\" exists already");
        poolId = *existing;
        Statement clear = mDb.prepare("DELETE FROM models WHERE pool_id = ?");
        clear.bind(1, static_cast<std::int64_t>(poolId)).run();
    } else {
        Statement insert = mDb.prepare("INSERT INTO pools (name) VALUES (?)");
        insert.bind(1, pool.name).run();
        poolId = mDb.lastInsertId();
    }
    Statement model = mDb.prepare("INSERT INTO models (pool_id, position, name, energy_mj, error_pct, latency_ms, "
                                  "throughput_per_s, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < pool.size(); ++i) {
        const Model &m = pool.at(i);
        model.bind(1, static_cast<std::int64_t>(poolId)).bind(2, i).bind(3, m.name).bind(4, m.energyMj);
        model.bind(5, m.errorPct).bind(6, m.latencyMs).bind(7, m.throughputPerS).bind(8, m.source);
        model.run();
    }
    LoadCurveTable(mDb).save(poolId, pool);
    tx.commit();
}

Model PoolTable::readModel(const Statement &s)
{
    Model m;
    RowReader(s) >> m.name >> m.energyMj >> m.errorPct >> m.latencyMs >> m.throughputPerS >> m.source;
    return m;
}

ModelPool PoolTable::load(const std::string &name)
{
    const long long poolId = id(name);
    ModelPool pool;
    pool.name = name;
    Statement s = mDb.prepare("SELECT name, energy_mj, error_pct, latency_ms, throughput_per_s, source FROM models "
                              "WHERE pool_id = ? ORDER BY position");
    s.bind(1, static_cast<std::int64_t>(poolId));
    pool.models = readRows(s, readModel);
    LoadCurveTable(mDb).load(poolId, pool);
    return pool;
}

std::vector<std::string> PoolTable::list()
{
    Statement s = mDb.prepare("SELECT name FROM pools ORDER BY name");
    return readRows(s, [](const Statement &row) { return row.columnText(0); });
}

} // namespace cs
