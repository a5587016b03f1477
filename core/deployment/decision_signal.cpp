#include "deployment/decision_signal.h"

#include "parse_error.h"

namespace cs {

Scenario decisionScenario(const Scenario &accounting, DecisionSignal signal, const std::vector<double> &series,
                          const std::string &seriesName)
{
    Scenario decision = accounting;
    switch (signal) {
    case DecisionSignal::Actual:
        return decision;
    case DecisionSignal::Forecast:
        if (accounting.forecast.size() != accounting.size())
            throw InputError("deciding on the forecast: the carbon trace '" + accounting.carbonSource +
                             "' has no forecast column");
        decision.intensity = accounting.forecast;
        break;
    case DecisionSignal::Series:
        if (series.size() != accounting.size())
            throw InputError("deciding on '" + seriesName + "': it has " + std::to_string(series.size()) +
                             " intervals on the scenario's grid, the scenario " +
                             std::to_string(accounting.size()));
        decision.intensity = series;
        break;
    }
    decision.name = accounting.name + " (decided on " +
                    (signal == DecisionSignal::Forecast ? std::string("the forecast") : seriesName) + ")";
    return decision;
}

SimulationResult simulateDecidingOn(const Scenario &accounting, const Scenario &decision, const ModelPool &pool,
                                    const Policy &policy, const Deployment &deployment)
{
    SimulationResult r = simulate(accounting, pool, policy.assign(decision, pool), deployment);
    r.policySpec = policy.spec();
    r.policyLabel = policy.label();
    return r;
}

SignalComparison compareDecisionSignals(const Scenario &accounting, const Scenario &decision, const ModelPool &pool,
                                        const Policy &policy, const Deployment &deployment)
{
    return {simulateDecidingOn(accounting, decision, pool, policy, deployment),
            simulate(accounting, pool, policy, deployment)};
}

} // namespace cs
