#pragma once

#include "policy.h"
#include "policy_kind.h"

#include <vector>

namespace cs {

// Fixed intensity bands chosen by the user: the first step's model while intensity < its bound, the next step's
// while < the next bound, ..., the last step's model (which has no bound) above.
class ThresholdPolicy : public Policy
{
public:
    struct Step
    {
        std::string model;
        double below = 0; // gCO2/kWh; ignored for the last step
    };

    // Throws InputError where a bound is not a finite intensity from 0 to 10,000 gCO2/kWh, the bounds do not
    // increase, or a step is malformed.
    explicit ThresholdPolicy(std::vector<Step> steps);
    static PolicyKind kind(); // its entry in the policy registry
    // Parses "M1@C1,M2@C2,...,Mn".
    static ThresholdPolicy parse(const std::string &args);

    std::string spec() const override;
    std::string label() const override { return "Threshold"; }
    Assignment assign(const Scenario &scenario, const ModelPool &pool) const override;

private:
    std::vector<Step> mSteps;
};

} // namespace cs
