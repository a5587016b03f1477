#pragma once

#include "scenario.h"
#include "store_types.h"

#include <string>
#include <vector>

namespace cs {

class Database;
class Statement;

// The scenarios table of a project (ProjectStore's part for scenarios): a name for a carbon series, an optional
// request series, a pool and an optional period.
class ScenarioTable
{
public:
    explicit ScenarioTable(Database &db) : mDb(db) {}

    // The named series and pool must be in the project already.
    void save(const ScenarioSpec &spec, bool replace);
    ScenarioSpec spec(const std::string &name);
    std::vector<ScenarioSpec> list();
    // The scenario's traces aligned (cs::alignTraces, with the forecast where the carbon series has one), in its
    // period.
    Scenario load(const std::string &name);

private:
    static ScenarioSpec readSpec(const Statement &s); // the row reader, in the columns of specSelect

    Database &mDb;
};

} // namespace cs
