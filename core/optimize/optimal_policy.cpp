#include "optimal_policy.h"

#include "number_checks.h"
#include "parse_error.h"
#include "policy_args.h"
#include "result_export.h"

namespace cs {

OptimalPolicy::OptimalPolicy(bool split, OptimumTarget target, ServiceConstraints constraints)
    : mSplit(split)
    , mTarget(target)
    , mConstraints(constraints)
{
    const bool byError = target.kind == OptimumTarget::MaxError;
    requireRange(target.value, 0, byError ? limits::maxErrorPct : limits::maxGrams,
                 byError ? "policy 'optimal': max-error (%)" : "policy 'optimal': max-co2 (g)");
}

std::unique_ptr<OptimalPolicy> OptimalPolicy::parse(const std::string &spec, const std::string &args, bool split)
{
    const PolicyArgs a(spec, args);
    a.allowOnly("max-error,max-co2,gpus,slo-ms");
    if (a.has("max-error") == a.has("max-co2"))
        throw InputError("policy '" + spec + "': give exactly one of max-error=PCT and max-co2=GRAMS");
    OptimumTarget target;
    if (a.has("max-error")) {
        target = {OptimumTarget::MaxError, a.number("max-error", limits::maxErrorPct)};
    } else {
        target = {OptimumTarget::MaxCo2, a.number("max-co2", limits::maxGrams)};
    }
    return std::make_unique<OptimalPolicy>(split, target, ServiceConstraints::fromArgs(a));
}

std::string OptimalPolicy::spec() const
{
    return std::string(mSplit ? "optimal-split:" : "optimal:")
           + (mTarget.kind == OptimumTarget::MaxError ? "max-error=" : "max-co2=") + plainDecimal(mTarget.value)
           + mConstraints.argsText();
}

std::string OptimalPolicy::label() const
{
    return std::string(mSplit ? "Optimum, split (LP), " : "Optimum, one model, ")
           + (mTarget.kind == OptimumTarget::MaxError ? "error <= " + plainDecimal(mTarget.value) + " %"
                                                      : "CO2 <= " + plainDecimal(mTarget.value) + " g");
}

OneModelOptimum OptimalPolicy::solve(const Scenario &scenario, const ModelPool &pool) const
{
    const TradeoffProblem problem(scenario, pool, mConstraints);
    const ParetoFrontier frontier(problem);
    const bool byError = mTarget.kind == OptimumTarget::MaxError;
    auto infeasible = [&]() {
        const FrontierPoint best = byError ? frontier.leastError() : frontier.leastCo2();
        return InputError("policy '" + spec() + "': cannot be met on scenario '" + scenario.name + "'; the least "
                          + (byError ? "error possible is " + plainDecimal(best.errorPct) + " %"
                                     : "CO2 possible is " + plainDecimal(best.co2G) + " g"));
    };
    if (mSplit) {
        const auto p = byError ? frontier.atError(mTarget.value) : frontier.atCo2(mTarget.value);
        if (!p)
            throw infeasible();
        OneModelOptimum out;
        out.assignment = frontier.assignment(*p);
        out.co2G = p->co2G;
        out.errorPct = p->errorPct;
        out.objective = out.lowerBound = byError ? p->co2G : p->errorPct;
        out.proven = true;
        return out;
    }
    auto result = solveOneModel(frontier, mTarget);
    if (!result)
        throw infeasible();
    return *result;
}

Assignment OptimalPolicy::assign(const Scenario &scenario, const ModelPool &pool) const
{
    if (scenario.empty())
        return {};
    return solve(scenario, pool).assignment;
}

} // namespace cs
