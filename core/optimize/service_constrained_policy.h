#pragma once

#include "policy.h"
#include "service_constraints.h"

namespace cs {

// service:gpus=N,slo-ms=MS,policy=SPEC runs any policy (the paper's heuristic, a threshold, a single model) under
// service constraints: wherever its model does not serve the interval, the serving model nearest in energy
// takes over (ties: lower error). `policy=` comes last and takes the rest of the spec, commas included.
// Intervals no model can serve stay violations; checkService() counts them.
class ServiceConstrainedPolicy : public Policy
{
public:
    ServiceConstrainedPolicy(PolicyPtr inner, ServiceConstraints constraints);
    static std::unique_ptr<ServiceConstrainedPolicy> parse(const std::string &spec, const std::string &args);

    std::string spec() const override;
    std::string label() const override;
    Assignment assign(const Scenario &scenario, const ModelPool &pool) const override;

    const ServiceConstraints &constraints() const { return mConstraints; }

private:
    PolicyPtr mInner;
    ServiceConstraints mConstraints;
};

} // namespace cs
