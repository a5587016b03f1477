#include "tradeoff_problem.h"

#include "parse_error.h"
#include "simulation.h"

#include <algorithm>

namespace cs {

TradeoffProblem::TradeoffProblem(const Scenario &scenario, const ModelPool &pool,
                                 const ServiceConstraints &constraints)
{
    pool.validate();
    if (constraints.active())
        constraints.checkPool(pool);
    if (scenario.intensity.size() != scenario.size() || scenario.requests.size() != scenario.size())
        throw InputError("scenario '" + scenario.name + "' has columns of different lengths");
    for (double r : scenario.requests)
        mTotalRequests += r;
    const FeasibleModels feasible = feasibleModels(scenario, pool, constraints);
    mUnservable = feasible.unservable;

    const std::size_t n = scenario.size();
    mBegin.reserve(n + 1);
    mOptions.reserve(n * static_cast<std::size_t>(pool.size()));
    std::vector<TradeoffOption> local;
    const double weight = mTotalRequests > 0 ? 1.0 / mTotalRequests : 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        mBegin.push_back(mOptions.size());
        local.clear();
        for (int m : feasible.models[i]) {
            const Model &model = pool.at(m);
            local.push_back({m, co2Grams(scenario.requests[i], model.energyMj, scenario.intensity[i]),
                             scenario.requests[i] * weight * model.errorPct});
        }
        // Pareto filter: by error ascending (CO2 ascending, pool order on ties), keep options strictly cheaper
        // than every option with less or equal error.
        std::sort(local.begin(), local.end(), [](const TradeoffOption &a, const TradeoffOption &b) {
            if (a.errorPct != b.errorPct)
                return a.errorPct < b.errorPct;
            if (a.co2G != b.co2G)
                return a.co2G < b.co2G;
            return a.model < b.model;
        });
        double cheapest = 0;
        for (std::size_t k = 0; k < local.size(); ++k) {
            if (k == 0 || local[k].co2G < cheapest) {
                mOptions.push_back(local[k]);
                cheapest = local[k].co2G;
            }
        }
    }
    mBegin.push_back(mOptions.size());
}

TradeoffProblem::Totals TradeoffProblem::evaluate(const Scenario &scenario, const ModelPool &pool,
                                                  const Assignment &assignment) const
{
    Totals t;
    const double weight = mTotalRequests > 0 ? 1.0 / mTotalRequests : 0.0;
    for (std::size_t i = 0; i < scenario.size() && i < assignment.size(); ++i) {
        const Choice &c = assignment[i];
        const double altShare = c.alt >= 0 ? c.altShare : 0.0;
        auto add = [&](int m, double share) {
            if (m < 0 || share <= 0)
                return;
            const Model &model = pool.at(m);
            t.co2G += share * co2Grams(scenario.requests[i], model.energyMj, scenario.intensity[i]);
            t.errorPct += share * scenario.requests[i] * weight * model.errorPct;
        };
        add(c.model, 1.0 - altShare);
        add(c.alt, altShare);
    }
    return t;
}

} // namespace cs
