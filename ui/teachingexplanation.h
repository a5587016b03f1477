#pragma once

#include "model_pool.h"
#include "scenario.h"

#include <QString>

#include <string>
#include <vector>

namespace cs {

// Why a policy chose its model in one interval, in one sentence for a lecture, and the heuristic's reference lines.
struct HeuristicLines
{
    bool valid = false;
    double cLow = 0, cHigh = 0;        // the intensities the position x runs between (gCO2/kWh)
    std::vector<double> switchLevels; // intensities where the nearest model changes
};

// C_low, C_high and the switch points of a heuristic spec over the range holding interval i (the whole scenario,
// or i's UTC day for ":daily"); invalid for other policies.
HeuristicLines heuristicLines(const Scenario &s, const ModelPool &pool, const std::string &spec, std::size_t i);

// E.g. "intensity 212 g/kWh is 63 % of the way from C_low 45 to C_high 380 g/kWh → E_sel = 523.4 mJ (text reading:
// the cleaner, the bigger) → nearest: ResNet50 (420.6 mJ)". `chosen` is the model the run chose (-1: none).
QString explainStep(const Scenario &s, const ModelPool &pool, const std::string &spec, const std::string &label,
                    int chosen, std::size_t i);

} // namespace cs
