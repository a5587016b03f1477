#pragma once

#include "policy.h"
#include "simulation.h"

#include <string>
#include <vector>

namespace cs {

// A policy may decide on one signal while CO2 is accounted on another (issue #16): decide on the day-ahead
// forecast, or on a marginal signal such as WattTime's MOER, and account on the actual average intensity.
enum class DecisionSignal
{
    Actual,   // decide on what is accounted (the paper's setting: hindsight)
    Forecast, // the carbon source's forecast column
    Series,   // another series on the same grid (a marginal signal)
};

// The scenario a policy decides on: `accounting` with its intensity replaced by the decision signal. Throws
// InputError where the signal is missing (no forecast) or does not cover the accounting grid.
Scenario decisionScenario(const Scenario &accounting, DecisionSignal signal,
                          const std::vector<double> &series = {}, const std::string &seriesName = {});

// The policy run on the decision signal, accounted on the accounting signal.
SimulationResult simulateDecidingOn(const Scenario &accounting, const Scenario &decision, const ModelPool &pool,
                                    const Policy &policy, const Deployment &deployment = {});

// What deciding on another signal changed: the policy run on the decision signal and on the accounting signal,
// both accounted on the accounting signal.
struct SignalComparison
{
    SimulationResult decidedOnSignal;
    SimulationResult decidedOnActual;
    double extraCo2G() const { return decidedOnSignal.totals.co2G - decidedOnActual.totals.co2G; }
};

SignalComparison compareDecisionSignals(const Scenario &accounting, const Scenario &decision, const ModelPool &pool,
                                        const Policy &policy, const Deployment &deployment = {});

} // namespace cs
