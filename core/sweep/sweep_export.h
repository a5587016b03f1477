#pragma once

#include "sweep_result.h"

#include <ostream>
#include <string>

namespace cs {

// A sweep as tidy CSV, one row per series x period x policy:
// series,period,period_start_utc,policy,intervals,requests,baseline_co2_g,baseline_error_pct,co2_g,error_pct,
// optimum_co2_g,co2_saved_g,co2_saved_pct,efficiency,regret_g,regret_pct
// A figure that is not defined (no data in the period, no extra CO2 for the efficiency) is an empty field; a
// cell without data still has its rows, so every series has every period.
void writeSweepCsv(std::ostream &out, const SweepResult &result);

// The same rows as JSON: {"baseline", "period", "series": [...], "periods": [{"label", "start_utc"}],
// "policies": [...], "rows": [{...}]}, undefined figures null.
std::string sweepJson(const SweepResult &result);

// Through writeFileAtomically: the file is complete or untouched; OutputError names the path and the OS error.
void saveSweepCsv(const std::string &path, const SweepResult &result);
void saveSweepJson(const std::string &path, const SweepResult &result);

} // namespace cs
