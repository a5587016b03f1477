// libFuzzer target: the policy-spec parser (makePolicy, with the optimize library's kinds registered: optimal,
// optimal-split, online, forecast, budget, service). The input is the spec. A spec must end in a policy or in
// InputError/ParseError; a policy made must then assign every interval of a small fixed scenario a model of the
// pool (or refuse with InputError), and the simulation of that assignment must give finite, non-negative figures.
// Anything else aborts: a finding.
#include "model_pool.h"
#include "parse_error.h"
#include "policy_factory.h"
#include "register_optimize_policies.h"
#include "simulation.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

[[noreturn]] void fail(const std::string &spec, const char *what)
{
    std::fprintf(stderr, "fuzz_policy_spec: '%s': %s\n", spec.c_str(), what);
    std::abort();
}

// Two days of 6-hour intervals (one day boundary for daily policies), intensity and forecast varied.
const cs::Scenario &scenario()
{
    static const cs::Scenario s = [] {
        cs::Scenario s;
        s.name = "fuzz";
        s.carbonSource = "fuzz";
        s.intervalSeconds = 6 * 3600;
        const cs::UtcSeconds t0 = 1685577600; // 2023-06-01T00:00Z
        for (int i = 0; i < 8; ++i)
            s.times.push_back(t0 + i * s.intervalSeconds);
        s.intensity = {120, 250, 80, 310, 150, 90, 400, 60};
        s.forecast = {110, 260, 90, 300, 140, 100, 380, 70};
        s.requests = {100, 400, 50, 800, 0, 300, 1200, 20};
        return s;
    }();
    return s;
}

bool finiteNonNegative(double v)
{
    return std::isfinite(v) && v >= 0;
}

void checkPolicy(const std::string &spec, const cs::Policy &policy)
{
    const cs::ModelPool pool = cs::paperPool();
    if (policy.spec().empty())
        fail(spec, "a policy without a spec");
    cs::Assignment a;
    try {
        a = policy.assign(scenario(), pool);
    } catch (const cs::InputError &) {
        return; // e.g. a model the pool lacks, named with the reason
    }
    if (a.size() != scenario().size())
        fail(spec, "an assignment of another length than the scenario");
    for (const cs::Choice &c : a) {
        if (c.model < 0 || c.model >= pool.size())
            fail(spec, "a choice outside the pool");
        if (c.alt < -1 || c.alt >= pool.size())
            fail(spec, "an alternative outside the pool");
        if (!(c.altShare >= 0 && c.altShare <= 1))
            fail(spec, "a share outside [0, 1]");
    }
    const cs::SimulationResult r = cs::simulate(scenario(), pool, a);
    if (!finiteNonNegative(r.totals.co2G) || !finiteNonNegative(r.totals.energyKwh)
        || !(r.totals.errorPct >= 0 && r.totals.errorPct <= 100))
        fail(spec, "totals that are not finite or out of range");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const bool registered = (cs::registerOptimizePolicies(), true);
    (void)registered;
    const std::string spec(reinterpret_cast<const char *>(data), size);
    cs::PolicyPtr policy;
    try {
        policy = cs::makePolicy(spec);
    } catch (const cs::ParseError &) {
        return 0;
    } catch (const cs::InputError &) {
        return 0;
    }
    if (!policy)
        fail(spec, "no policy and no error");
    checkPolicy(spec, *policy);
    return 0;
}
