#pragma once

#include "model_pool.h"

#include <string>
#include <vector>

namespace cs {

class Database;
class Statement;

// The pools and models tables of a project (ProjectStore's part for model pools).
class PoolTable
{
public:
    explicit PoolTable(Database &db) : mDb(db) {}

    void save(const ModelPool &pool, bool replace);
    ModelPool load(const std::string &name);
    std::vector<std::string> list();
    long long id(const std::string &name); // StoreError where there is none

private:
    static Model readModel(const Statement &s); // the row reader: one model, in load()'s column order

    Database &mDb;
};

} // namespace cs
