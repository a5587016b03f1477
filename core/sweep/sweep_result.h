#pragma once

#include "scenario.h"
#include "sweep_period.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace cs {

// One series of a sweep (a zone, a region): its whole scenario, split into periods by the sweep.
struct SweepSeries
{
    std::string name;
    Scenario scenario;
};

// What a policy reached in one cell, and the exact split optimum at that error. NaN where not defined (the
// series has no data in the period; the error lies below the pool's least error).
struct PolicyCell
{
    double co2G = std::numeric_limits<double>::quiet_NaN();
    double errorPct = std::numeric_limits<double>::quiet_NaN();
    double optimumCo2G = std::numeric_limits<double>::quiet_NaN();
};

// One series x period cell: its size and the baseline's totals.
struct SweepCell
{
    std::size_t intervals = 0;
    double requests = 0;
    double baselineCo2G = std::numeric_limits<double>::quiet_NaN();
    double baselineErrorPct = std::numeric_limits<double>::quiet_NaN();
};

// The heat maps' quantities, per cell and policy.
enum class SweepMetric
{
    Co2SavedG,   // baseline CO2 - policy CO2
    Co2SavedPct, // the same, % of the baseline's
    Efficiency,  // relative quality gain (%) / extra CO2 (g) against the baseline; only where extra CO2 > 0
                 // (beyond a rounding tolerance of 1e-9 of the baseline's CO2)
    RegretPct,   // (policy CO2 - split optimum at its error) / split optimum, %
    RegretG,
    ErrorPct,
    Co2G,
};
inline constexpr SweepMetric allSweepMetrics[] = {SweepMetric::Co2SavedG, SweepMetric::Co2SavedPct,
                                                  SweepMetric::Efficiency, SweepMetric::RegretPct,
                                                  SweepMetric::RegretG,    SweepMetric::ErrorPct,
                                                  SweepMetric::Co2G};
std::string sweepMetricKey(SweepMetric metric);   // "co2_saved_g", as the CSV column
std::string sweepMetricLabel(SweepMetric metric); // "CO2 saved (g)", for the GUI

// The value of `metric` for a policy in a cell; NaN where not defined.
double sweepMetric(SweepMetric metric, const SweepCell &cell, const PolicyCell &policy);

// Every cell of a sweep: series x periods, each with every policy.
struct SweepResult
{
    std::vector<std::string> series;
    std::vector<PeriodSpan> periods;
    std::vector<std::string> policies;
    std::string baseline;
    SweepPeriod period = SweepPeriod::Month;
    std::vector<SweepCell> cells;      // series-major: cells[s * periods + q]
    std::vector<PolicyCell> values;    // values[(s * periods + q) * policies + p]

    const SweepCell &cell(std::size_t s, std::size_t q) const { return cells[s * periods.size() + q]; }
    const PolicyCell &value(std::size_t s, std::size_t q, std::size_t p) const
    {
        return values[(s * periods.size() + q) * policies.size() + p];
    }
    double metric(SweepMetric m, std::size_t s, std::size_t q, std::size_t p) const
    {
        return sweepMetric(m, cell(s, q), value(s, q, p));
    }
};

} // namespace cs
