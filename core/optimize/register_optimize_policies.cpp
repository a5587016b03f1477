#include "register_optimize_policies.h"

#include "daily_budget_policy.h"
#include "online_heuristic_policy.h"
#include "online_price_policy.h"
#include "optimal_policy.h"
#include "policy_factory.h"
#include "service_constrained_policy.h"

namespace cs {

void registerOptimizePolicies()
{
    registerPolicyKind(
        "optimal",
        [](const std::string &spec, const std::string &args) -> PolicyPtr {
            return OptimalPolicy::parse(spec, args, false);
        },
        "optimal:max-error=PCT|max-co2=G  hindsight optimum, one model per interval (exact branch and bound)");
    registerPolicyKind(
        "optimal-split",
        [](const std::string &spec, const std::string &args) -> PolicyPtr {
            return OptimalPolicy::parse(spec, args, true);
        },
        "optimal-split:max-error=PCT|max-co2=G  hindsight optimum, requests may be split (exact LP)");
    registerPolicyKind(
        "online",
        [](const std::string &spec, const std::string &args) -> PolicyPtr {
            return OnlineHeuristicPolicy::parse(spec, args, OnlineHeuristicPolicy::Source::TrailingWindow);
        },
        "online[:window=7d][,printed]    heuristic, C_low/C_high over the trailing window (past data only)");
    registerPolicyKind(
        "forecast",
        [](const std::string &spec, const std::string &args) -> PolicyPtr {
            return OnlineHeuristicPolicy::parse(spec, args, OnlineHeuristicPolicy::Source::DayAheadForecast);
        },
        "forecast[:printed]              heuristic on the day-ahead forecast, priced on the actual");
    registerPolicyKind(
        "budget",
        [](const std::string &spec, const std::string &args) -> PolicyPtr {
            return DailyBudgetPolicy::parse(spec, args);
        },
        "budget:daily=G                  best model within a daily CO2 budget, decided online");
    registerPolicyKind(
        "service",
        [](const std::string &spec, const std::string &args) -> PolicyPtr {
            return ServiceConstrainedPolicy::parse(spec, args);
        },
        "service:gpus=N,slo-ms=MS,policy=SPEC  any policy kept to models that serve the load within the SLO");
    OnlinePricePolicy::registerKinds();
}

} // namespace cs
