#include "paperexperiment.h"

#include "policy_factory.h"
#include "simulation.h"

#include <cmath>
#include <cstdio>

namespace cs {

std::string optimumAtHeuristicErrorSpec(const Scenario &scenario, const ModelPool &pool)
{
    try {
        const double error = simulate(scenario, pool, *makePolicy(paper::Heuristic)).totals.errorPct;
        char spec[64];
        std::snprintf(spec, sizeof spec, "optimal:max-error=%.3f", std::ceil(error * 1000.0 - 1e-9) / 1000.0);
        makePolicy(spec); // throws where the optimiser is not registered
        return spec;
    } catch (const std::exception &) {
        return {};
    }
}

PolicySet paperExperimentPolicies(const Scenario &scenario, const ModelPool &pool)
{
    PolicySet set;
    for (const char *spec : {paper::Heuristic, paper::PrintedHeuristic, paper::Baseline, "model:ResNet101",
                             "model:ResNet152"})
        set.entries.push_back({spec, {}});
    if (const std::string optimum = optimumAtHeuristicErrorSpec(scenario, pool); !optimum.empty())
        set.entries.push_back({optimum, {}});
    set.baseline = paper::Baseline;
    assignStyleSlots(set);
    return set;
}

std::string policyExplanation(const std::string &spec)
{
    if (spec == paper::Heuristic || spec == "heuristic:daily")
        return "the paper's text: low intensity → big (accurate) model, high intensity → small model";
    if (spec.rfind(paper::PrintedHeuristic, 0) == 0)
        return "printed equation: high intensity → big model, the opposite of the paper's text";
    if (spec.rfind("optimal:max-error=", 0) == 0)
        return "exact hindsight optimum: the least CO₂ for at most this error (knows the whole month)";
    return {};
}

} // namespace cs
