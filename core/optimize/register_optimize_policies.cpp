#include "register_optimize_policies.h"

#include "daily_budget_policy.h"
#include "online_heuristic_policy.h"
#include "online_price_policy.h"
#include "optimal_policy.h"
#include "policy_factory.h"
#include "service_constrained_policy.h"

namespace cs {

namespace {

using Online = OnlineHeuristicPolicy::Source;
using Price = OnlinePricePolicy::Source;

// The optimize library's kinds, one entry each: name, syntax, help, examples, how the spec is parsed. A new
// policy here: its class with a static parse(spec, args), and one entry.
std::vector<PolicyKind> optimizePolicyKinds()
{
    return {
        {"optimal", "optimal:max-error=PCT|max-co2=G",
         "hindsight optimum, one model per interval (exact branch and bound)",
         {"optimal:max-error=8", "optimal:max-co2=50000"},
         [](const std::string &spec, const std::string &args) -> PolicyPtr {
             return OptimalPolicy::parse(spec, args, false);
         }},
        {"optimal-split", "optimal-split:max-error=PCT|max-co2=G",
         "hindsight optimum, requests may be split (exact LP)", {"optimal-split:max-error=8"},
         [](const std::string &spec, const std::string &args) -> PolicyPtr {
             return OptimalPolicy::parse(spec, args, true);
         }},
        {"online", "online[:window=7d][,printed]",
         "heuristic, C_low/C_high over the trailing window (past data only)", {"online:window=7d"},
         [](const std::string &spec, const std::string &args) -> PolicyPtr {
             return OnlineHeuristicPolicy::parse(spec, args, Online::TrailingWindow);
         }},
        {"forecast", "forecast[:printed]", "heuristic on the day-ahead forecast, priced on the actual", {"forecast"},
         [](const std::string &spec, const std::string &args) -> PolicyPtr {
             return OnlineHeuristicPolicy::parse(spec, args, Online::DayAheadForecast);
         }},
        {"budget", "budget:daily=G", "best model within a daily CO2 budget, decided online", {"budget:daily=2000"},
         [](const std::string &spec, const std::string &args) -> PolicyPtr {
             return DailyBudgetPolicy::parse(spec, args);
         }},
        {"service", "service:gpus=N,slo-ms=MS,policy=SPEC",
         "any policy kept to models that serve the load within the SLO",
         {"service:gpus=4,slo-ms=100,policy=heuristic"},
         [](const std::string &spec, const std::string &args) -> PolicyPtr {
             return ServiceConstrainedPolicy::parse(spec, args);
         }},
        {"online:price", "online:price[:window=7d][,max-error=PCT]",
         "the optimum's price of error learned on the trailing window", {"online:price:window=7d,max-error=8"},
         [](const std::string &spec, const std::string &args) -> PolicyPtr {
             return OnlinePricePolicy::parse(spec, args, Price::TrailingWindow);
         }},
        {"forecast:price", "forecast:price[:window=7d][,max-error=PCT]",
         "the same learned on the day-ahead forecast, once a day", {"forecast:price"},
         [](const std::string &spec, const std::string &args) -> PolicyPtr {
             return OnlinePricePolicy::parse(spec, args, Price::DayAheadForecast);
         }},
    };
}

} // namespace

void registerOptimizePolicies()
{
    for (PolicyKind &kind : optimizePolicyKinds())
        registerPolicyKind(std::move(kind));
}

} // namespace cs
