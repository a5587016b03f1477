#pragma once

#include "tradeoff_problem.h"

#include <vector>

namespace cs {

// A point of the CO2-error frontier: `segments` hull segments taken whole, then a share `fraction` of the next.
// With fraction 0 the point is one model per interval (integral).
struct FrontierPoint
{
    double co2G = 0;
    double errorPct = 0;
    std::size_t segments = 0;
    double fraction = 0;
    double rate = 0; // grams saved per error point on the segment being taken: the LP's multiplier there
};

// The exact optimum of the linear programme "requests of an interval may be split between models", in both
// directions, and its whole frontier. Separable and convex: each interval's options are reduced to their lower
// convex hull in the (error, CO2) plane; a hull segment trades error for CO2 at a fixed rate, rates fall along
// each interval's hull, so taking segments in falling-rate order from the least-error assignment walks the
// frontier exactly (a fractional knapsack; the one segment cut short is the one split interval).
class ParetoFrontier
{
public:
    // Keeps a reference to `problem`, which must outlive the frontier.
    explicit ParetoFrontier(const TradeoffProblem &problem);
    ParetoFrontier(TradeoffProblem &&) = delete;

    // The frontier's two ends: everything at least error, and everything at least CO2.
    FrontierPoint leastError() const { return pointAt(0, 0); }
    FrontierPoint leastCo2() const { return pointAt(mSegments.size(), 0); }

    // Least CO2 with error <= maxErrorPct; least error with CO2 <= maxCo2G. Nothing where infeasible.
    std::optional<FrontierPoint> atError(double maxErrorPct) const;
    std::optional<FrontierPoint> atCo2(double maxCo2G) const;

    // n points at evenly spaced errors between the ends (the LP optimum at each); with `integral`, the nearest
    // breakpoint of the frontier below each such error instead: a one-model-per-interval assignment on the LP
    // frontier, hence optimal for the one-model problem too. Duplicates are dropped, so fewer may come back.
    std::vector<FrontierPoint> points(int n, bool integral) const;

    Assignment assignment(const FrontierPoint &point) const;

    // Every breakpoint (segments taken whole), least error first.
    std::size_t breakpoints() const { return mSegments.size() + 1; }
    FrontierPoint breakpoint(std::size_t k) const { return pointAt(k, 0); }

    const TradeoffProblem &problem() const { return mProblem; }

    // Every hull segment in frontier order (falling rate), or backwards; `from` is the option the step leaves
    // (in walking direction), `to` the one it reaches.
    template<typename F>
    void forEachSegment(F &&visit, bool backwards = false) const
    {
        if (!backwards)
            for (const Segment &s : mSegments)
                visit(s.interval, s.from, s.to);
        else
            for (auto it = mSegments.rbegin(); it != mSegments.rend(); ++it)
                visit(it->interval, it->to, it->from);
    }

private:
    struct Segment
    {
        std::size_t interval;
        std::size_t from, to;  // option indices into the problem
        double dError, dCo2;   // error added (> 0), CO2 saved (>= 0)
        double rate;           // dCo2 / dError
    };
    FrontierPoint pointAt(std::size_t k, double fraction) const;
    void buildGeneric();
    void buildUniform();
    void checkSegments() const;

    const TradeoffProblem &mProblem;
    std::vector<Segment> mSegments;       // all hull segments, falling rate
    std::vector<double> mError, mCo2;     // totals after k whole segments (size segments + 1)
};

} // namespace cs
