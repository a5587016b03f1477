#pragma once

#include "simulation.h"

#include <string>

namespace cs {

// A policy simulated on the document's scenario and pool: the whole-scenario result, and the totals over the
// selected range (the whole scenario when no range is selected), each against the baseline.
struct PolicyRun
{
    std::string spec;
    std::string label;
    std::string error;                  // why the policy could not run on this pool; empty when it ran
    SimulationResult result;
    BaselineComparison vsBaseline;
    Totals rangeTotals;
    BaselineComparison rangeVsBaseline;

    bool ok() const { return error.empty(); }
    bool isSingleModel() const { return spec.rfind("model:", 0) == 0; }
};

} // namespace cs
