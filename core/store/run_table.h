#pragma once

#include "model_pool.h"
#include "scenario.h"
#include "simulation.h"
#include "store_types.h"

#include <ostream>
#include <string>
#include <vector>

namespace cs {

class Database;
class Statement;

// The runs and run_intervals tables of a project (ProjectStore's part for simulation runs).
class RunTable
{
public:
    explicit RunTable(Database &db) : mDb(db) {}

    // The run and its intervals in one transaction; its id.
    long long save(const std::string &scenarioName, const Scenario &scenario, const ModelPool &pool,
                   const SimulationResult &result);
    std::vector<RunInfo> list();
    // time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct
    void exportCsv(long long runId, std::ostream &out);

private:
    static RunInfo readRun(const Statement &s); // the row reader, in list()'s column order

    Database &mDb;
};

} // namespace cs
