#pragma once

#include "simulation.h"

#include <ostream>
#include <string>
#include <string_view>

namespace cs {

// The per-interval table as tidy CSV, units in the header:
// time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct
void writeIntervalCsv(std::ostream &out, const Scenario &scenario, const ModelPool &pool,
                      const SimulationResult &result);
// The same table for the intervals [begin, end) only (a selected period), cumulative_co2_g counted from `begin`
// so that its last row is the period's total.
void writeIntervalCsvPeriod(std::ostream &out, const Scenario &scenario, const ModelPool &pool,
                            const SimulationResult &result, std::size_t begin, std::size_t end);

// The totals as one JSON object (the CLI's `simulate --json`), numbers as plain decimals with full precision;
// rel_gain_pct and efficiency are left out where undefined (baseline error 0, no extra CO2). Throws InputError
// where a number is not finite. `moreMembers`: members the caller adds at the end, each as ',"key":value'.
std::string totalsJson(const SimulationResult &result, const ModelPool &pool, const BaselineComparison &vsBaseline,
                       const std::string &moreMembers = {});

// A double as the shortest plain decimal that reads back to the same value ("0.005221...", never "5e-3");
// "null" for NaN and infinities.
std::string plainDecimal(double value);

// plainDecimal of a value that must be finite: throws InputError naming `what` where it is not, so that no
// output holds null, inf or nan. Every exporter writes its numbers through this.
std::string finiteDecimal(double value, std::string_view what);

// A quantity that is undefined by definition (an efficiency with no extra CO2) is NaN in core; outputs leave it
// out (JSON) or show "-" (tables), and refuse an infinity.
bool isUndefined(double value);

// A value printf-formatted for a table ("%.6g"): throws InputError naming `what` where it is infinite, or NaN
// unless `mayBeUndefined` (then "-").
std::string formatFinite(double value, const char *format, std::string_view what, bool mayBeUndefined = false);

} // namespace cs
