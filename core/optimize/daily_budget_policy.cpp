#include "daily_budget_policy.h"

#include "number_checks.h"
#include "parse_error.h"
#include "policy_args.h"
#include "result_export.h"
#include "simulation.h"

#include <algorithm>
#include <unordered_map>

namespace cs {

DailyBudgetPolicy::DailyBudgetPolicy(double dailyGrams, ServiceConstraints constraints)
    : mDailyGrams(requireRange(dailyGrams, 0, limits::maxGrams, "policy 'budget': daily (g)"))
    , mConstraints(constraints)
{}

std::unique_ptr<DailyBudgetPolicy> DailyBudgetPolicy::parse(const std::string &spec, const std::string &args)
{
    const PolicyArgs a(spec, args);
    a.allowOnly("daily,gpus,slo-ms");
    return std::make_unique<DailyBudgetPolicy>(a.number("daily", limits::maxGrams), ServiceConstraints::fromArgs(a));
}

std::string DailyBudgetPolicy::spec() const
{
    return "budget:daily=" + plainDecimal(mDailyGrams) + mConstraints.argsText();
}

std::string DailyBudgetPolicy::label() const
{
    return "Daily budget " + plainDecimal(mDailyGrams) + " g";
}

Assignment DailyBudgetPolicy::assign(const Scenario &scenario, const ModelPool &pool) const
{
    const std::size_t n = scenario.size();
    Assignment out(n);
    if (n == 0)
        return out;
    pool.validate();
    if (mConstraints.active())
        mConstraints.checkPool(pool);
    const FeasibleModels feasible = feasibleModels(scenario, pool, mConstraints);

    // Expected requests of interval j, seen from the start of interval i: the same slot yesterday where the
    // scenario has it, else the last count already observed (interval i-1); the very first interval, with no
    // history at all, is taken at its own count.
    std::unordered_map<UtcSeconds, std::size_t> indexOfTime;
    indexOfTime.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        indexOfTime.emplace(scenario.times[i], i);
    std::vector<double> yesterday(n, -1);
    for (std::size_t i = 0; i < n; ++i)
        if (const auto it = indexOfTime.find(scenario.times[i] - 86400); it != indexOfTime.end())
            yesterday[i] = scenario.requests[it->second];

    std::size_t first = 0;
    while (first < n) {
        std::size_t last = first;
        while (last < n && utcDayStart(scenario.times[last]) == utcDayStart(scenario.times[first]))
            ++last;
        double spent = 0;
        for (std::size_t i = first; i < last; ++i) {
            const double persistence = i > 0 ? scenario.requests[i - 1] : scenario.requests[0];
            auto expected = [&](std::size_t j) { return yesterday[j] >= 0 ? yesterday[j] : persistence; };
            double remainingExpected = 0;
            for (std::size_t j = i; j < last; ++j)
                remainingExpected += expected(j);
            const double left = std::max(0.0, mDailyGrams - spent);
            const double share = remainingExpected > 0 ? left * (expected(i) / remainingExpected)
                                                       : left / static_cast<double>(last - i);
            int best = -1, cheapest = -1;
            for (int m : feasible.models[i]) {
                const Model &model = pool.at(m);
                if (cheapest < 0 || model.energyMj < pool.at(cheapest).energyMj)
                    cheapest = m;
                if (co2Grams(expected(i), model.energyMj, scenario.intensity[i]) <= share
                    && (best < 0 || model.errorPct < pool.at(best).errorPct))
                    best = m;
            }
            out[i] = Choice{best >= 0 ? best : cheapest};
            spent += co2Grams(scenario.requests[i], pool.at(out[i].model).energyMj, scenario.intensity[i]);
        }
        first = last;
    }
    return out;
}

BudgetDays budgetDays(const Scenario &scenario, const ModelPool &pool, const Assignment &assignment,
                      double dailyGrams)
{
    BudgetDays d;
    const SimulationResult result = simulate(scenario, pool, assignment);
    std::size_t first = 0;
    const std::size_t n = scenario.size();
    while (first < n) {
        std::size_t last = first;
        double spent = 0;
        while (last < n && utcDayStart(scenario.times[last]) == utcDayStart(scenario.times[first]))
            spent += result.intervals.co2G[last++];
        ++d.days;
        if (spent > dailyGrams * (1 + 1e-12)) {
            ++d.daysOver;
            d.worstOverG = std::max(d.worstOverG, spent - dailyGrams);
            d.totalOverG += spent - dailyGrams;
        }
        first = last;
    }
    return d;
}

} // namespace cs
