#include "tradeoff_problem.h"

#include "parse_error.h"
#include "scenario_checks.h"
#include "simulation.h"

#include <algorithm>

namespace cs {

TradeoffProblem::TradeoffProblem(const Scenario &scenario, const ModelPool &pool,
                                 const ServiceConstraints &constraints)
    : mIntensity(scenario.intensity)
    , mTimes(scenario.times)
{
    pool.validate();
    if (constraints.active())
        constraints.checkPool(pool);
    checkScenarioRanges(scenario); // with the pool's ranges, every option below is finite
    for (double r : scenario.requests)
        mTotalRequests += r;
    const std::size_t n = scenario.size();
    mBegin.reserve(n + 1);
    mOptions.reserve(n * static_cast<std::size_t>(pool.size()));
    const double weight = mTotalRequests > 0 ? 1.0 / mTotalRequests : 0.0;
    auto byError = [](const TradeoffOption &a, const TradeoffOption &b) {
        if (a.errorPct != b.errorPct)
            return a.errorPct < b.errorPct;
        if (a.co2G != b.co2G)
            return a.co2G < b.co2G;
        return a.model < b.model;
    };

    if (!constraints.active()) {
        // The fast path: one Pareto order for the pool (positive scaling of both axes keeps it).
        std::vector<TradeoffOption> models;
        for (int m = 0; m < pool.size(); ++m)
            models.push_back({m, pool.at(m).energyMj, pool.at(m).errorPct});
        std::sort(models.begin(), models.end(), byError);
        for (std::size_t k = 0; k < models.size(); ++k)
            if (k == 0 || models[k].co2G < pool.at(mParetoModels.back()).energyMj)
                mParetoModels.push_back(models[k].model);
        mUnservable.assign(n, false);
        for (std::size_t i = 0; i < n; ++i) {
            mBegin.push_back(mOptions.size());
            const double r = scenario.requests[i], c = scenario.intensity[i];
            const bool scaled = r > 0 && c > 0;
            for (int m : mParetoModels) {
                const Model &model = pool.at(m);
                mOptions.push_back({m, co2Grams(r, model.energyMj, c), r * weight * model.errorPct});
                if (!scaled)
                    break; // all options cost nothing or add nothing: the least-error one alone
            }
        }
        mBegin.push_back(mOptions.size());
        return;
    }

    const FeasibleModels feasible = feasibleModels(scenario, pool, constraints);
    mUnservable = feasible.unservable;
    std::vector<TradeoffOption> local;
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
        std::sort(local.begin(), local.end(), byError);
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
