#include "cell_evaluator.h"

#include "parse_error.h"
#include "simulation.h"

#include <algorithm>

namespace cs {

CellEvaluator::CellEvaluator(const ModelPool &pool, int baseline, const std::vector<const Policy *> &policies)
    : mPool(pool)
    , mBaseline(baseline)
    , mPolicies(policies)
    , mOptimum(pool)
{
    for (const Model &m : pool.models)
        mKwhPerRequest.push_back(m.energyMj / 1000.0 / 3.6e6);
}

void CellEvaluator::slice(const Scenario &series, const PeriodSpan &span, std::size_t first, std::size_t last)
{
    // assign() keeps each vector's capacity: after the largest cell no more allocation.
    auto b = static_cast<std::ptrdiff_t>(first), e = static_cast<std::ptrdiff_t>(last);
    mCell.name = series.name;
    mCell.carbonSource = series.carbonSource;
    mCell.requestSource = series.requestSource;
    mCell.intervalSeconds = series.intervalSeconds;
    mCell.times.assign(series.times.begin() + b, series.times.begin() + e);
    mCell.intensity.assign(series.intensity.begin() + b, series.intensity.begin() + e);
    mCell.requests.assign(series.requests.begin() + b, series.requests.begin() + e);
    if (series.forecast.empty())
        mCell.forecast.clear();
    else
        mCell.forecast.assign(series.forecast.begin() + b, series.forecast.begin() + e);
    mCell.gaps.clear();
    for (const Gap &g : series.gaps) // clipped to the period, as sliceScenario does
        if (g.to > span.from && g.from < span.to)
            mCell.gaps.push_back({std::max(g.from, span.from), std::min(g.to, span.to)});
}

CellEvaluator::Totals CellEvaluator::totals(const Assignment &assignment) const
{
    const std::size_t n = mCell.size();
    if (assignment.size() != n)
        throw InputError("internal: an assignment of " + std::to_string(assignment.size()) + " choices for " +
                         std::to_string(n) + " intervals");
    const int models = mPool.size();
    double co2 = 0, weightedError = 0, requests = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Choice &c = assignment[i];
        if (c.model < 0 || c.model >= models || (c.altShare > 0 && (c.alt < 0 || c.alt >= models)))
            throw InputError("internal: interval " + std::to_string(i) + " is assigned a model outside the pool");
        const double share = c.altShare > 0 ? c.altShare : 0.0;
        const double req = mCell.requests[i];
        double kwh = req * (1 - share) * mKwhPerRequest[static_cast<std::size_t>(c.model)];
        double error = (1 - share) * mPool.at(c.model).errorPct;
        if (share > 0) {
            kwh += req * share * mKwhPerRequest[static_cast<std::size_t>(c.alt)];
            error += share * mPool.at(c.alt).errorPct;
        }
        co2 += kwh * mCell.intensity[i];
        weightedError += req * error;
        requests += req;
    }
    return {co2, requests > 0 ? weightedError / requests : 0.0};
}

void CellEvaluator::evaluate(const Scenario &series, const PeriodSpan &span, SweepCell &cell, PolicyCell *out)
{
    const auto [first, last] = indexRange(series.times, span);
    cell = SweepCell{};
    for (std::size_t p = 0; p < mPolicies.size(); ++p)
        out[p] = PolicyCell{};
    if (first >= last)
        return;
    slice(series, span, first, last);
    mOptimum.reset(mCell.intensity.data(), mCell.requests.data(), mCell.size());
    cell.intervals = mCell.size();
    cell.requests = mOptimum.totalRequests();
    const double kwhBase = mKwhPerRequest[static_cast<std::size_t>(mBaseline)];
    double baseCo2 = 0;
    for (std::size_t i = 0; i < mCell.size(); ++i)
        baseCo2 += mCell.requests[i] * kwhBase * mCell.intensity[i];
    cell.baselineCo2G = baseCo2;
    cell.baselineErrorPct = cell.requests > 0 ? mPool.at(mBaseline).errorPct : 0.0;

    for (std::size_t p = 0; p < mPolicies.size(); ++p) {
        Totals t;
        try {
            t = totals(mPolicies[p]->assign(mCell, mPool));
        } catch (const std::exception &e) {
            throw InputError(mPolicies[p]->spec() + ": " + e.what());
        }
        out[p].co2G = t.co2G;
        out[p].errorPct = t.errorPct;
        if (const auto optimum = mOptimum.co2AtError(t.errorPct))
            out[p].optimumCo2G = *optimum;
    }
}

} // namespace cs
