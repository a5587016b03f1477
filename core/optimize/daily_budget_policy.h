#pragma once

#include "policy.h"
#include "service_constraints.h"

namespace cs {

// budget:daily=G spends G grams of CO2 per UTC day, deciding interval by interval with what an operator knows
// at the start of an interval: the CO2 already spent today, the current intensity (as every policy here), and the
// requests expected, taken as those of the same slot the day before (persistence of the last count observed
// where that slot is missing; the very first interval, with no history, at its own count). The remaining budget is shared among today's remaining intervals in proportion to
// their expected requests; the interval gets the lowest-error model whose expected CO2 fits its share, or the
// least-energy model where none does. Spending is then counted at the actual requests, so a day may still end
// over budget: budgetDays() counts those days, never hides them. Optional ",gpus=N,slo-ms=MS".
class DailyBudgetPolicy : public Policy
{
public:
    DailyBudgetPolicy(double dailyGrams, ServiceConstraints constraints = {});
    static std::unique_ptr<DailyBudgetPolicy> parse(const std::string &spec, const std::string &args);

    std::string spec() const override;
    std::string label() const override;
    Assignment assign(const Scenario &scenario, const ModelPool &pool) const override;

    double dailyGrams() const { return mDailyGrams; }

private:
    double mDailyGrams;
    ServiceConstraints mConstraints;
};

// Per UTC day: CO2 spent against a daily budget.
struct BudgetDays
{
    std::size_t days = 0;
    std::size_t daysOver = 0;
    double worstOverG = 0;  // the largest overshoot of one day, grams
    double totalOverG = 0;  // overshoot summed over days
};
BudgetDays budgetDays(const Scenario &scenario, const ModelPool &pool, const Assignment &assignment,
                      double dailyGrams);

} // namespace cs
