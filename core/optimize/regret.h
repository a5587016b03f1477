#pragma once

#include "mckp_solver.h"
#include "service_constraints.h"
#include "simulation.h"

namespace cs {

// How far a policy is from the hindsight optimum at the same request-weighted error: the least CO2 any split
// assignment (LP) and any one-model assignment reaches with error <= the policy's. Regret = policy CO2 minus the
// optimum's. The one-model figure comes with its proven gap; where the search did not close it the true optimum
// lies in [oneModelLowerBoundG, oneModelCo2G] and the regret in the matching range.
struct Regret
{
    double policyCo2G = 0;
    double policyErrorPct = 0;
    double splitOptimumCo2G = 0;
    double oneModelCo2G = 0;
    double oneModelLowerBoundG = 0;
    bool oneModelProven = false;
    double regretVsSplitG() const { return policyCo2G - splitOptimumCo2G; }
    double regretVsOneModelG() const { return policyCo2G - oneModelCo2G; }
    double regretVsSplitPct() const { return splitOptimumCo2G > 0 ? 100 * regretVsSplitG() / splitOptimumCo2G : 0; }
};

// Nothing where the policy's error lies below what the pool can reach (it cannot: that is the frontier's end).
std::optional<Regret> regretOf(const ParetoFrontier &frontier, const Totals &policy,
                               std::size_t nodeLimit = 100'000);

} // namespace cs
