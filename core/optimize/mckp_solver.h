#pragma once

#include "pareto_frontier.h"

#include <cstddef>
#include <optional>

namespace cs {

// What the hindsight optimum minimises: CO2 under an error cap, or error under a CO2 cap.
struct OptimumTarget
{
    enum Kind { MaxError, MaxCo2 } kind = MaxError;
    double value = 0; // percent for MaxError, grams for MaxCo2
};

// The one-model-per-interval optimum (a multiple-choice knapsack) with its proof: `lowerBound` holds for every
// assignment within the cap, so `objective - lowerBound` bounds how far `assignment` can be from the optimum;
// `proven` says the search closed that gap (the assignment is optimal).
struct OneModelOptimum
{
    Assignment assignment;
    double co2G = 0;
    double errorPct = 0;
    double objective = 0;  // co2G or errorPct, as the target asks
    double lowerBound = 0; // of the objective
    bool proven = false;
    std::size_t nodes = 0; // branch-and-bound nodes visited
    double gap() const { return objective - lowerBound; }
};

// Exact branch and bound seeded by the LP. The LP's multiplier gives every option a reduced cost, and for every
// assignment x within the cap, objective(x) = L + sum of reduced costs(x) + multiplier x unused cap, where L is
// the LP optimum. Options whose reduced cost exceeds the gap between the best assignment known and L cannot be
// in a better one and are dropped; the few intervals left with more than one option are searched depth first
// with that identity as the bound. Stops after `nodeLimit` nodes with the proven gap. Nothing where infeasible.
std::optional<OneModelOptimum> solveOneModel(const ParetoFrontier &frontier, OptimumTarget target,
                                             std::size_t nodeLimit = 100'000);

} // namespace cs
