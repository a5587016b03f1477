#pragma once

#include "model_pool.h"
#include "policyset.h"
#include "scenario.h"

#include <string>

namespace cs {

// Jung 2024's headline experiment, the one the app opens on: the four ResNets, ResNet50 as baseline, the heuristic
// as the paper's text describes it, the equation as printed, ResNet101 and ResNet152 alone, and the exact hindsight
// optimum allowed the heuristic's error (so it shows what the heuristic leaves on the table).
namespace paper {
// The paper's figures for the heuristic against ResNet50 (Twitter request trace; docs/reproduction.md).
constexpr double HeuristicErrorPct = 6.57;
constexpr double HeuristicGainPct = 8.00;
constexpr double HeuristicExtraCo2G = 1532;
constexpr const char *Baseline = "model:ResNet50";
constexpr const char *Heuristic = "heuristic";
constexpr const char *PrintedHeuristic = "heuristic:printed";
} // namespace paper

// "optimal:max-error=E" with E the heuristic's error on `scenario` and `pool`, rounded up to 0.001 % so the optimum
// may use all the error the heuristic does; empty where the heuristic cannot run or no optimiser is registered.
std::string optimumAtHeuristicErrorSpec(const Scenario &scenario, const ModelPool &pool);

// The experiment's policies on `scenario` with `pool` (the ResNet pool), baseline ResNet50.
PolicySet paperExperimentPolicies(const Scenario &scenario, const ModelPool &pool);

// What a spec means, in words, where the label alone misleads (the printed reading, the optimum); empty otherwise.
std::string policyExplanation(const std::string &spec);

} // namespace cs
