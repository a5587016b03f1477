#include "window_price.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cs {

std::optional<double> fitWindowPrice(const PoolHull &hull, const SortedWindow &window, double targetErrorPct)
{
    const double total = window.totalRequests();
    if (!(total > 0))
        return std::nullopt;
    const auto &c = window.intensity();
    const std::size_t n = c.size();
    // The window's error when every step with a rate above `lambda` is taken (what modelAt does).
    auto errorAt = [&](double lambda) {
        double error = hull.leastErrorPct();
        for (std::size_t k = 0; k < hull.steps(); ++k) {
            std::size_t lo = 0, hi = n; // first position whose step k rate exceeds lambda
            while (lo < hi) {
                const std::size_t mid = lo + (hi - lo) / 2;
                if (hull.stepRate(k, c[mid]) > lambda)
                    hi = mid;
                else
                    lo = mid + 1;
            }
            error += hull.errorAdded(k) * window.requestsFrom(lo) / total;
        }
        return error;
    };
    const double limit = targetErrorPct + 1e-12 * std::max(1.0, targetErrorPct); // sums in another order
    if (hull.steps() == 0 || errorAt(0) <= limit)
        return 0.0;
    // errorAt falls as lambda rises and changes only at step rates: the answer is the least step rate at which
    // it is within the target. Per step k the rates rise with the window's (sorted) intensity.
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < hull.steps(); ++k) {
        std::size_t lo = 0, hi = n; // first position whose rate is within the target; n: none
        while (lo < hi) {
            const std::size_t mid = lo + (hi - lo) / 2;
            if (errorAt(hull.stepRate(k, c[mid])) <= limit)
                hi = mid;
            else
                lo = mid + 1;
        }
        if (lo < n)
            best = std::min(best, hull.stepRate(k, c[lo]));
    }
    // Below what the pool can reach: the price that takes no step in the window.
    return std::isfinite(best) ? best : hull.stepRate(0, c.back());
}

std::optional<double> windowHeuristicError(const HeuristicPolicy::SwitchPoints &switches, const SortedWindow &window)
{
    const double total = window.totalRequests();
    if (!(total > 0))
        return std::nullopt;
    const auto &c = window.intensity();
    const double lo = c.front(), hi = c.back();
    double error = 0;
    for (std::size_t i = 0; i < c.size(); ++i) {
        const double x = hi > lo ? (c[i] - lo) / (hi - lo) : 0.0;
        error += window.requests()[i] / total * switches.pool->at(switches.at(x)).errorPct;
    }
    return error;
}

} // namespace cs
