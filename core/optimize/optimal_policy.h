#pragma once

#include "mckp_solver.h"
#include "policy.h"
#include "service_constraints.h"

#include <optional>

namespace cs {

// The hindsight optimum over the whole scenario with everything known in advance: optimal:max-error=PCT,
// optimal:max-co2=G (one model per interval, exact by branch and bound) and optimal-split:... (the LP: an
// interval's requests may be split between two models). Optional ",gpus=N,slo-ms=MS" restricts every interval
// to the models that serve it (see ServiceConstraints).
class OptimalPolicy : public Policy
{
public:
    OptimalPolicy(bool split, OptimumTarget target, ServiceConstraints constraints = {});
    static std::unique_ptr<OptimalPolicy> parse(const std::string &spec, const std::string &args, bool split);

    std::string spec() const override;
    std::string label() const override;
    // Throws InputError where the target cannot be met (naming the range that can).
    Assignment assign(const Scenario &scenario, const ModelPool &pool) const override;

    // The solution with its proof: for the split variant lowerBound = objective and proven is true.
    OneModelOptimum solve(const Scenario &scenario, const ModelPool &pool) const;

private:
    bool mSplit;
    OptimumTarget mTarget;
    ServiceConstraints mConstraints;
};

} // namespace cs
