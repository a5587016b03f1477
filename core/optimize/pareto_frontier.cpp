#include "pareto_frontier.h"

#include "number_checks.h"
#include "parse_error.h"

#include <algorithm>
#include <cmath>

namespace cs {

ParetoFrontier::ParetoFrontier(const TradeoffProblem &problem)
    : mProblem(problem)
{
    const auto &opt = problem.options();
    double error = 0, co2 = 0;
    for (std::size_t i = 0; i < problem.intervals(); ++i) {
        error += opt[problem.begin(i)].errorPct;
        co2 += opt[problem.begin(i)].co2G;
    }
    if (!problem.paretoModels().empty())
        buildUniform();
    else
        buildGeneric();
    checkSegments();
    mError.resize(mSegments.size() + 1);
    mCo2.resize(mSegments.size() + 1);
    mError[0] = error;
    mCo2[0] = co2;
    for (std::size_t k = 0; k < mSegments.size(); ++k) {
        error += mSegments[k].dError;
        co2 -= mSegments[k].dCo2;
        mError[k + 1] = error;
        mCo2[k + 1] = co2;
    }
}

void ParetoFrontier::checkSegments() const
{
    // A segment whose error step vanished in rounding (a tiny share of the requests) or whose rate overflowed
    // would break the falling-rate order that everything below relies on: refuse it, naming the interval.
    for (const Segment &s : mSegments)
        if (!(s.dError > 0) || !std::isfinite(s.rate) || !std::isfinite(s.dCo2))
            throw InputError("the interval at " + formatUtcTime(mProblem.times()[s.interval]) +
                             ": the CO2 saved per point of error (" + shortNumber(s.dCo2) + " g over " +
                             shortNumber(s.dError) + " points) is not a finite number; its requests are too few "
                             "beside the scenario's total to be told apart");
}

void ParetoFrontier::buildGeneric()
{
    const TradeoffProblem &problem = mProblem;
    const auto &opt = problem.options();
    std::vector<std::size_t> hull;
    for (std::size_t i = 0; i < problem.intervals(); ++i) {
        const std::size_t b = problem.begin(i), e = problem.end(i);
        // Lower convex hull of the Pareto options (error rising, CO2 falling): drop a middle point that lies
        // strictly above the line of its neighbours. Collinear points stay: more integral breakpoints.
        hull.clear();
        for (std::size_t k = b; k < e; ++k) {
            while (hull.size() >= 2) {
                const TradeoffOption &p = opt[hull[hull.size() - 2]], &q = opt[hull.back()], &r = opt[k];
                const double cross = (q.errorPct - p.errorPct) * (r.co2G - p.co2G)
                                     - (q.co2G - p.co2G) * (r.errorPct - p.errorPct);
                if (cross < 0) // q above the chord p-r
                    hull.pop_back();
                else
                    break;
            }
            hull.push_back(k);
        }
        for (std::size_t h = 0; h + 1 < hull.size(); ++h) {
            const TradeoffOption &p = opt[hull[h]], &q = opt[hull[h + 1]];
            const double dError = q.errorPct - p.errorPct, dCo2 = p.co2G - q.co2G;
            mSegments.push_back({i, hull[h], hull[h + 1], dError, dCo2, dCo2 / dError});
        }
    }
    // Falling rate; ties by interval then hull position, so each interval's segments stay in hull order.
    std::sort(mSegments.begin(), mSegments.end(), [](const Segment &a, const Segment &b) {
        if (a.rate != b.rate)
            return a.rate > b.rate;
        if (a.interval != b.interval)
            return a.interval < b.interval;
        return a.from < b.from;
    });
}

void ParetoFrontier::buildUniform()
{
    // Every interval with more than one option has the pool's Pareto models, scaled by r_i c_i on the CO2 axis
    // and r_i / R on the error axis; positive scaling keeps the lower convex hull, so it is found once. A step's
    // rate is then c_i x (its energy saved per error point) x R / 3.6e9: within a step, intervals fall in order
    // of intensity. Sorting the intervals once by intensity and merging the steps replaces sorting all segments.
    const TradeoffProblem &problem = mProblem;
    const auto &opt = problem.options();
    const std::size_t models = problem.paretoModels().size();
    const std::vector<double> &intensity = problem.intensity();
    std::vector<std::size_t> order; // intervals with every option, by intensity falling (index rising on ties)
    for (std::size_t i = 0; i < problem.intervals(); ++i)
        if (problem.end(i) - problem.begin(i) == models)
            order.push_back(i);
    if (order.empty() || models < 2)
        return;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double ca = intensity[a], cb = intensity[b];
        return ca != cb ? ca > cb : a < b;
    });
    // The hull, and each step's rate divided by intensity, from one interval.
    const std::size_t b0 = problem.begin(order.front());
    std::vector<std::size_t> hull; // positions among the options
    for (std::size_t k = 0; k < models; ++k) {
        while (hull.size() >= 2) {
            const TradeoffOption &p = opt[b0 + hull[hull.size() - 2]], &q = opt[b0 + hull.back()], &r = opt[b0 + k];
            const double cross
                = (q.errorPct - p.errorPct) * (r.co2G - p.co2G) - (q.co2G - p.co2G) * (r.errorPct - p.errorPct);
            if (cross < 0)
                hull.pop_back();
            else
                break;
        }
        hull.push_back(k);
    }
    const std::size_t steps = hull.size() - 1;
    std::vector<double> slope(steps);
    for (std::size_t k = 0; k < steps; ++k) {
        const TradeoffOption &from = opt[b0 + hull[k]], &to = opt[b0 + hull[k + 1]];
        slope[k] = (from.co2G - to.co2G) / (to.errorPct - from.errorPct) / intensity[order.front()];
    }
    // Merge the steps' lists (each in `order`) by rate falling; ties by interval, then step.
    mSegments.reserve(order.size() * steps);
    std::vector<std::size_t> head(steps, 0);
    auto rateOf = [&](std::size_t k) { return intensity[order[head[k]]] * slope[k]; };
    while (true) {
        std::size_t best = steps;
        double bestRate = 0;
        for (std::size_t k = 0; k < steps; ++k) {
            if (head[k] == order.size())
                continue;
            const double rate = rateOf(k);
            if (best == steps || rate > bestRate
                || (rate == bestRate && (order[head[k]] < order[head[best]]
                                         || (order[head[k]] == order[head[best]] && k < best)))) {
                best = k;
                bestRate = rate;
            }
        }
        if (best == steps)
            break;
        const std::size_t i = order[head[best]++];
        const std::size_t b = problem.begin(i);
        const std::size_t from = b + hull[best], to = b + hull[best + 1];
        mSegments.push_back({i, from, to, opt[to].errorPct - opt[from].errorPct, opt[from].co2G - opt[to].co2G,
                             bestRate});
    }
}

FrontierPoint ParetoFrontier::pointAt(std::size_t k, double fraction) const
{
    FrontierPoint p;
    p.segments = k;
    p.fraction = fraction;
    p.errorPct = mError[k];
    p.co2G = mCo2[k];
    if (k < mSegments.size()) {
        p.rate = mSegments[k].rate;
        p.errorPct += fraction * mSegments[k].dError;
        p.co2G -= fraction * mSegments[k].dCo2;
    } else if (!mSegments.empty()) {
        p.rate = mSegments.back().rate;
    }
    return p;
}

std::optional<FrontierPoint> ParetoFrontier::atError(double maxErrorPct) const
{
    // Tolerance for targets read back from a simulation (sums in another order differ in the last bits).
    const double tol = 1e-12 * std::max(1.0, std::abs(maxErrorPct));
    if (maxErrorPct < mError.front() - tol)
        return std::nullopt;
    // The last breakpoint with error <= target, then a share of the next segment.
    const std::size_t k = static_cast<std::size_t>(
        std::upper_bound(mError.begin(), mError.end(), maxErrorPct) - mError.begin());
    if (k == 0)
        return pointAt(0, 0);
    const std::size_t whole = k - 1;
    if (whole >= mSegments.size())
        return pointAt(mSegments.size(), 0);
    const double fraction = std::clamp((maxErrorPct - mError[whole]) / mSegments[whole].dError, 0.0, 1.0);
    return pointAt(whole, fraction);
}

std::optional<FrontierPoint> ParetoFrontier::atCo2(double maxCo2G) const
{
    const double tol = 1e-12 * std::max(1.0, std::abs(maxCo2G));
    if (maxCo2G < mCo2.back() - tol)
        return std::nullopt;
    // mCo2 falls with k: the first breakpoint with CO2 <= budget, reached by a share of the segment before it.
    const std::size_t k = static_cast<std::size_t>(
        std::lower_bound(mCo2.begin(), mCo2.end(), maxCo2G, [](double a, double b) { return a > b; })
        - mCo2.begin());
    if (k == 0)
        return pointAt(0, 0);
    if (k > mSegments.size())
        return pointAt(mSegments.size(), 0);
    const std::size_t whole = k - 1;
    const double fraction
        = mSegments[whole].dCo2 > 0 ? std::clamp((mCo2[whole] - maxCo2G) / mSegments[whole].dCo2, 0.0, 1.0) : 1.0;
    if (fraction >= 1.0)
        return pointAt(k, 0);
    return pointAt(whole, fraction);
}

std::vector<FrontierPoint> ParetoFrontier::points(int n, bool integral) const
{
    std::vector<FrontierPoint> out;
    if (n <= 0)
        return out;
    const double lo = mError.front(), hi = mError.back();
    std::size_t lastK = static_cast<std::size_t>(-1);
    for (int j = 0; j < n; ++j) {
        const double target = n == 1 ? lo : lo + (hi - lo) * j / (n - 1);
        FrontierPoint p = j == n - 1 ? pointAt(mSegments.size(), 0) : *atError(target);
        if (integral) {
            p = pointAt(p.segments, 0);
            if (p.segments == lastK)
                continue;
            lastK = p.segments;
        }
        out.push_back(p);
    }
    return out;
}

Assignment ParetoFrontier::assignment(const FrontierPoint &point) const
{
    const auto &opt = mProblem.options();
    const std::size_t n = mProblem.intervals();
    std::vector<std::size_t> at(n);
    for (std::size_t i = 0; i < n; ++i)
        at[i] = mProblem.begin(i);
    for (std::size_t k = 0; k < point.segments && k < mSegments.size(); ++k)
        at[mSegments[k].interval] = mSegments[k].to;
    Assignment a(n);
    for (std::size_t i = 0; i < n; ++i)
        a[i].model = opt[at[i]].model;
    if (point.fraction > 0 && point.segments < mSegments.size()) {
        const Segment &s = mSegments[point.segments];
        a[s.interval].alt = opt[s.to].model;
        a[s.interval].altShare = point.fraction;
    }
    return a;
}

} // namespace cs
