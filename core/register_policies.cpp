#include "register_policies.h"

#include "policies/heuristic_policy.h"
#include "policies/single_model_policy.h"
#include "policies/threshold_policy.h"

namespace cs {

// A new core policy: its kind next to its code (a static kind() in its .cpp), and one line here.
std::vector<PolicyKind> corePolicyKinds()
{
    return {
        SingleModelPolicy::kind(),
        HeuristicPolicy::kind(),
        ThresholdPolicy::kind(),
    };
}

} // namespace cs
