#include "sweep_result.h"

namespace cs {

std::string sweepMetricKey(SweepMetric metric)
{
    switch (metric) {
    case SweepMetric::Co2SavedG: return "co2_saved_g";
    case SweepMetric::Co2SavedPct: return "co2_saved_pct";
    case SweepMetric::Efficiency: return "efficiency";
    case SweepMetric::RegretPct: return "regret_pct";
    case SweepMetric::RegretG: return "regret_g";
    case SweepMetric::ErrorPct: return "error_pct";
    case SweepMetric::Co2G: return "co2_g";
    }
    return {};
}

std::string sweepMetricLabel(SweepMetric metric)
{
    switch (metric) {
    case SweepMetric::Co2SavedG: return "CO2 saved vs baseline (g)";
    case SweepMetric::Co2SavedPct: return "CO2 saved vs baseline (%)";
    case SweepMetric::Efficiency: return "Efficiency (gain % / extra g)";
    case SweepMetric::RegretPct: return "Regret vs exact optimum (%)";
    case SweepMetric::RegretG: return "Regret vs exact optimum (g)";
    case SweepMetric::ErrorPct: return "Error (%)";
    case SweepMetric::Co2G: return "CO2 (g)";
    }
    return {};
}

double sweepMetric(SweepMetric metric, const SweepCell &cell, const PolicyCell &p)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    switch (metric) {
    case SweepMetric::Co2SavedG:
        return cell.baselineCo2G - p.co2G;
    case SweepMetric::Co2SavedPct:
        return cell.baselineCo2G > 0 ? 100 * (cell.baselineCo2G - p.co2G) / cell.baselineCo2G : nan;
    case SweepMetric::Efficiency: {
        // Extra CO2 within rounding of the baseline's (a policy that is the baseline, summed in another order)
        // is none: its ratio would be noise over noise.
        const double extra = p.co2G - cell.baselineCo2G;
        if (!(extra > 1e-9 * cell.baselineCo2G) || !(cell.baselineErrorPct > 0))
            return nan;
        return (cell.baselineErrorPct - p.errorPct) / cell.baselineErrorPct * 100 / extra;
    }
    case SweepMetric::RegretPct:
        return p.optimumCo2G > 0 ? 100 * (p.co2G - p.optimumCo2G) / p.optimumCo2G : nan;
    case SweepMetric::RegretG:
        return p.co2G - p.optimumCo2G;
    case SweepMetric::ErrorPct:
        return p.errorPct;
    case SweepMetric::Co2G:
        return p.co2G;
    }
    return nan;
}

} // namespace cs
