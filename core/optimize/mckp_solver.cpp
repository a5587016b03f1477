#include "mckp_solver.h"

#include "number_checks.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cs {

namespace {

// The knapsack in one orientation: minimise the sum of f subject to the sum of g <= cap.
struct Item
{
    double f, g, rc;
    int model;
};

struct CoreSegment
{
    std::size_t interval; // core position
    double dF, dG;        // f saved and g added by the step
    double rate;
    std::size_t step;     // position along its interval's hull
};

struct Search
{
    std::vector<std::vector<Item>> core; // candidate items of the undecided intervals, rc ascending
    std::vector<bool> sameAsPrevious;    // identical to the previous core interval: symmetry breaking
    std::vector<double> minGSuffix, maxGSuffix, startFSuffix, startGSuffix;
    std::vector<CoreSegment> segments;   // hull steps of every core interval, falling rate
    double cap = 0, lambda = 0, lagrangian = 0;
    double bestF = 0;
    std::vector<int> current, best;      // chosen item index per core interval
    std::size_t nodes = 0, limit = 0;
    bool stopped = false;

    // The LP bound of the undecided intervals d.. given f and g of the decided ones.
    double lpBound(std::size_t d, double f, double g) const
    {
        double F = f + startFSuffix[d], G = g + startGSuffix[d];
        if (G > cap * (1 + 1e-12))
            return INFINITY;
        for (const CoreSegment &s : segments) {
            if (s.interval < d)
                continue;
            if (G + s.dG <= cap) {
                G += s.dG;
                F -= s.dF;
            } else {
                F -= s.dF * (cap - G) / s.dG;
                break;
            }
        }
        return F;
    }

    void run(std::size_t d, double f, double g, double rcSum)
    {
        if (stopped)
            return;
        if (++nodes > limit) {
            stopped = true;
            return;
        }
        if (d == core.size()) {
            if (g <= cap * (1 + 1e-12) + 1e-300 && f < bestF) {
                bestF = f;
                best = current;
            }
            return;
        }
        const double tol = 1e-12 * std::abs(bestF);
        const int first = sameAsPrevious[d] ? current[d - 1] : 0;
        for (int k = first; k < static_cast<int>(core[d].size()); ++k) {
            const Item &it = core[d][k];
            const double f2 = f + it.f, g2 = g + it.g, rc2 = rcSum + it.rc;
            if (g2 + minGSuffix[d + 1] > cap * (1 + 1e-12))
                continue; // cannot fit whatever follows
            const double slack = std::max(0.0, cap - g2 - maxGSuffix[d + 1]);
            if (lagrangian + rc2 + lambda * slack >= bestF - tol)
                continue; // the Lagrangian identity's bound: cheap, tried first
            if (lpBound(d + 1, f2, g2) >= bestF - tol)
                continue; // the LP of the rest: no improvement below this node
            current[d] = k;
            run(d + 1, f2, g2, rc2);
        }
    }
};

} // namespace

std::optional<OneModelOptimum> solveOneModel(const ParetoFrontier &frontier, OptimumTarget target,
                                             std::size_t nodeLimit)
{
    const bool byError = target.kind == OptimumTarget::MaxError;
    const std::optional<FrontierPoint> lp = byError ? frontier.atError(target.value) : frontier.atCo2(target.value);
    if (!lp)
        return std::nullopt;
    const TradeoffProblem &problem = frontier.problem();
    const auto &opt = problem.options();
    const std::size_t n = problem.intervals();
    auto fOf = [&](const TradeoffOption &o) { return byError ? o.co2G : o.errorPct; };
    auto gOf = [&](const TradeoffOption &o) { return byError ? o.errorPct : o.co2G; };

    OneModelOptimum out;
    auto finish = [&](const Assignment &a) {
        out.assignment = a;
        out.co2G = 0;
        out.errorPct = 0;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t k = problem.begin(i); k < problem.end(i); ++k)
                if (opt[k].model == a[i].model) {
                    out.co2G += opt[k].co2G;
                    out.errorPct += opt[k].errorPct;
                }
        out.objective = byError ? out.co2G : out.errorPct;
    };

    // The LP optimum is integral: it is the one-model optimum as well.
    if (lp->fraction == 0) {
        finish(frontier.assignment(*lp));
        out.lowerBound = out.objective;
        out.proven = true;
        return out;
    }

    // Incumbent: the LP's whole segments (the split interval stays at its lower-g end), which fits the cap.
    const double cap = target.value;
    FrontierPoint floor = *lp;
    floor.fraction = 0;
    if (!byError)
        floor.segments += 1; // towards less CO2 the cut segment's far end is the feasible one
    Assignment incumbent = frontier.assignment(floor);
    finish(incumbent);
    // Greedy fill: walk on along the frontier's segments, taking each that keeps within the cap and
    // starts where its interval stands.
    {
        std::vector<std::size_t> at(n);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t k = problem.begin(i); k < problem.end(i); ++k)
                if (opt[k].model == incumbent[i].model)
                    at[i] = k;
        double g = byError ? out.errorPct : out.co2G;
        double f = out.objective;
        bool improved = false;
        frontier.forEachSegment([&](std::size_t interval, std::size_t from, std::size_t to) {
            if (at[interval] != from)
                return;
            const double dG = gOf(opt[to]) - gOf(opt[from]), dF = fOf(opt[to]) - fOf(opt[from]);
            // Towards less error (max-co2) the frontier is walked backwards: from/to swap roles.
            if (dF < 0 && g + dG <= cap) {
                g += dG;
                f += dF;
                at[interval] = to;
                improved = true;
            }
        }, !byError);
        if (improved) {
            for (std::size_t i = 0; i < n; ++i)
                incumbent[i] = Choice{opt[at[i]].model};
            finish(incumbent);
        }
    }
    double bestF = out.objective;

    // Multiplier of the cap in this orientation, and the Lagrangian bound L = sum of min(f + lambda g) - lambda cap.
    const double lambda = byError ? lp->rate : (lp->rate > 0 ? 1.0 / lp->rate : 0.0);
    double lagrangian = -lambda * cap;
    std::vector<double> minReduced(n);
    for (std::size_t i = 0; i < n; ++i) {
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t k = problem.begin(i); k < problem.end(i); ++k)
            best = std::min(best, fOf(opt[k]) + lambda * gOf(opt[k]));
        minReduced[i] = best;
        lagrangian += best;
    }
    // Every bound and reduced cost below must be finite: a NaN would break the sorts' ordering.
    requireFiniteResult(lambda, "the one-model optimum's multiplier (g per point of error)");
    requireFiniteResult(lagrangian, "the one-model optimum's Lagrangian bound");
    // The LP value and L agree up to rounding; the larger of the two is the bound.
    const double lpValue = byError ? lp->co2G : lp->errorPct;
    const double lowerBound = std::max(lagrangian, std::min(lpValue, bestF));

    // Reduce: keep the options whose reduced cost fits in the gap; fix intervals left with one option.
    Search s;
    s.cap = cap;
    s.lambda = lambda;
    s.lagrangian = lagrangian;
    s.bestF = bestF;
    s.limit = nodeLimit;
    const double gap = bestF - lagrangian;
    const double tol = 1e-12 * std::max(1.0, std::abs(bestF));
    double fixedF = 0, fixedG = 0;
    std::vector<std::size_t> coreIntervals;
    std::vector<int> fixedModel(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<Item> items;
        for (std::size_t k = problem.begin(i); k < problem.end(i); ++k) {
            const double rc = fOf(opt[k]) + lambda * gOf(opt[k]) - minReduced[i];
            if (!std::isfinite(rc))
                requireFiniteResult(rc, "the reduced cost of an option at " + formatUtcTime(problem.times()[i]));
            if (rc <= gap + tol)
                items.push_back({fOf(opt[k]), gOf(opt[k]), std::max(0.0, rc), opt[k].model});
        }
        if (items.size() == 1) {
            fixedF += items[0].f;
            fixedG += items[0].g;
            fixedModel[i] = items[0].model;
            continue;
        }
        std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
            return a.rc != b.rc ? a.rc < b.rc : a.g > b.g;
        });
        coreIntervals.push_back(i);
        s.core.push_back(std::move(items));
    }
    // Identical intervals next to each other, so that symmetric assignments are searched once.
    std::vector<std::size_t> order(s.core.size());
    for (std::size_t j = 0; j < order.size(); ++j)
        order[j] = j;
    auto key = [&](std::size_t j) {
        std::vector<double> v;
        for (const Item &it : s.core[j]) {
            v.push_back(it.f);
            v.push_back(it.g);
        }
        return v;
    };
    std::vector<std::vector<double>> keys(order.size());
    for (std::size_t j = 0; j < order.size(); ++j)
        keys[j] = key(j);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    std::vector<std::vector<Item>> core;
    std::vector<std::size_t> coreIdx;
    for (std::size_t j : order) {
        s.sameAsPrevious.push_back(!core.empty() && keys[j] == keys[coreIdx.back()]);
        core.push_back(s.core[j]);
        coreIdx.push_back(j);
    }
    s.core = std::move(core);
    const std::size_t m = s.core.size();
    s.minGSuffix.assign(m + 1, 0);
    s.maxGSuffix.assign(m + 1, 0);
    for (std::size_t j = m; j-- > 0;) {
        double lo = std::numeric_limits<double>::infinity(), hi = 0;
        for (const Item &it : s.core[j]) {
            lo = std::min(lo, it.g);
            hi = std::max(hi, it.g);
        }
        s.minGSuffix[j] = s.minGSuffix[j + 1] + lo;
        s.maxGSuffix[j] = s.maxGSuffix[j + 1] + hi;
    }
    // Each core interval's lower convex hull in (g, f): the LP bound's steps.
    s.startFSuffix.assign(m + 1, 0);
    s.startGSuffix.assign(m + 1, 0);
    for (std::size_t j = m; j-- > 0;) {
        std::vector<Item> items = s.core[j];
        std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
            return a.g != b.g ? a.g < b.g : a.f < b.f;
        });
        std::vector<Item> hull;
        for (const Item &it : items) {
            if (!hull.empty() && it.f >= hull.back().f)
                continue; // not Pareto in (g, f)
            while (hull.size() >= 2) {
                const Item &p = hull[hull.size() - 2], &q = hull.back();
                const double cross = (q.g - p.g) * (it.f - p.f) - (q.f - p.f) * (it.g - p.g);
                if (cross < 0)
                    hull.pop_back();
                else
                    break;
            }
            hull.push_back(it);
        }
        s.startFSuffix[j] = s.startFSuffix[j + 1] + hull.front().f;
        s.startGSuffix[j] = s.startGSuffix[j + 1] + hull.front().g;
        for (std::size_t h = 0; h + 1 < hull.size(); ++h) {
            const double dG = hull[h + 1].g - hull[h].g, dF = hull[h].f - hull[h + 1].f;
            s.segments.push_back({j, dF, dG, dF / dG, h});
        }
    }
    std::sort(s.segments.begin(), s.segments.end(),
              [](const CoreSegment &a, const CoreSegment &b) {
                  if (a.rate != b.rate)
                      return a.rate > b.rate;
                  return a.interval != b.interval ? a.interval < b.interval : a.step < b.step;
              });
    s.cap = cap - fixedG;
    // bestF in the search counts only the core's f; shift the incumbent and the bound by the fixed part.
    s.bestF = bestF - fixedF;
    s.lagrangian = lagrangian - fixedF;
    s.current.assign(m, 0);
    s.run(0, 0.0, 0.0, 0.0);

    out.nodes = s.nodes;
    if (!s.best.empty() || m == 0) {
        if (!s.best.empty()) {
            Assignment a(n);
            for (std::size_t i = 0; i < n; ++i)
                a[i].model = fixedModel[i];
            for (std::size_t j = 0; j < m; ++j)
                a[coreIntervals[coreIdx[j]]].model = s.core[j][s.best[j]].model;
            finish(a);
        }
    }
    out.proven = !s.stopped;
    out.lowerBound = out.proven ? out.objective : std::min(lowerBound, out.objective);
    return out;
}

} // namespace cs
