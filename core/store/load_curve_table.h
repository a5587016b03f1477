#pragma once

#include "model_pool.h"

namespace cs {

class Database;

// The load curves of a pool's models (issue #16), kept beside the models table. The table is created with the
// first curve saved (as fetch_cache's tables), so a project without curves stays byte-for-byte what older
// versions write and read; a reader that does not know it ignores it.
class LoadCurveTable
{
public:
    explicit LoadCurveTable(Database &db) : mDb(db) {}

    // Replaces the stored curves of pool `poolId` by those of `pool` (by model position).
    void save(long long poolId, const ModelPool &pool);
    // Sets each model's curve from the table; StoreError where a stored curve is damaged.
    void load(long long poolId, ModelPool &pool);

private:
    bool exists();

    Database &mDb;
};

} // namespace cs
