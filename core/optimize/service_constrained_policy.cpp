#include "service_constrained_policy.h"

#include "online_heuristic_policy.h"
#include "parse_error.h"
#include "policy_args.h"
#include "policy_factory.h"

namespace cs {

ServiceConstrainedPolicy::ServiceConstrainedPolicy(PolicyPtr inner, ServiceConstraints constraints)
    : mInner(std::move(inner))
    , mConstraints(constraints)
{}

std::unique_ptr<ServiceConstrainedPolicy> ServiceConstrainedPolicy::parse(const std::string &spec,
                                                                          const std::string &args)
{
    const std::size_t at = args.starts_with("policy=") ? 0 : args.find(",policy=");
    if (at == std::string::npos)
        throw InputError("policy '" + spec + "': name the policy to constrain last, e.g. "
                         "service:gpus=4,slo-ms=100,policy=heuristic");
    const std::string own = args.substr(0, at);
    const std::string inner = args.substr(at + (at == 0 ? 7 : 8));
    const PolicyArgs a(spec, own);
    a.allowOnly("gpus,slo-ms");
    const ServiceConstraints c = ServiceConstraints::fromArgs(a);
    if (!c.active())
        throw InputError("policy '" + spec + "': give gpus=N and/or slo-ms=MS");
    return std::make_unique<ServiceConstrainedPolicy>(makePolicy(inner), c);
}

std::string ServiceConstrainedPolicy::spec() const
{
    return "service:" + mConstraints.argsText().substr(1) + ",policy=" + mInner->spec();
}

std::string ServiceConstrainedPolicy::label() const
{
    return mInner->label() + " within service constraints";
}

Assignment ServiceConstrainedPolicy::assign(const Scenario &scenario, const ModelPool &pool) const
{
    mConstraints.checkPool(pool);
    Assignment a = mInner->assign(scenario, pool);
    keepToServingModels(a, scenario, pool, mConstraints);
    return a;
}

} // namespace cs
