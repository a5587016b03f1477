#pragma once

#include "simulation.h"

#include <ostream>
#include <string>

namespace cs {

// The per-interval table as tidy CSV, units in the header:
// time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct
void writeIntervalCsv(std::ostream &out, const Scenario &scenario, const ModelPool &pool,
                      const SimulationResult &result);

// The totals as one JSON object (the CLI's `simulate --json`), numbers as plain decimals with full precision.
std::string totalsJson(const SimulationResult &result, const ModelPool &pool, const BaselineComparison &vsBaseline);

// A double as the shortest plain decimal that reads back to the same value ("0.005221...", never "5e-3");
// "null" for NaN and infinities.
std::string plainDecimal(double value);

} // namespace cs
