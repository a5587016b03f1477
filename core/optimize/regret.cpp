#include "regret.h"

namespace cs {

std::optional<Regret> regretOf(const ParetoFrontier &frontier, const Totals &policy, std::size_t nodeLimit)
{
    const auto lp = frontier.atError(policy.errorPct);
    if (!lp)
        return std::nullopt;
    Regret r;
    r.policyCo2G = policy.co2G;
    r.policyErrorPct = policy.errorPct;
    r.splitOptimumCo2G = lp->co2G;
    // The target gets a hair of slack so that a one-model policy can meet its own error read back from the
    // simulator (sums in another order).
    const double target = policy.errorPct * (1 + 1e-12);
    const auto one = solveOneModel(frontier, {OptimumTarget::MaxError, target}, nodeLimit);
    if (one) {
        r.oneModelCo2G = one->co2G;
        r.oneModelLowerBoundG = one->lowerBound;
        r.oneModelProven = one->proven;
    }
    return r;
}

} // namespace cs
