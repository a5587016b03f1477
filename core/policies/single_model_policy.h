#pragma once

#include "policy.h"
#include "policy_kind.h"

namespace cs {

// Serves every request with one named model: the baselines.
class SingleModelPolicy : public Policy
{
public:
    explicit SingleModelPolicy(std::string modelName);
    static PolicyKind kind(); // its entry in the policy registry

    std::string spec() const override { return "model:" + mModelName; }
    std::string label() const override { return mModelName; }
    Assignment assign(const Scenario &scenario, const ModelPool &pool) const override;

private:
    std::string mModelName;
};

// The pool index of a model named by a policy, or InputError naming the policy, the pool and its models.
int requireModel(const ModelPool &pool, const std::string &modelName, const std::string &policySpec);

} // namespace cs
