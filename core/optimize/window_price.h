#pragma once

#include "policies/heuristic_policy.h"
#include "pool_hull.h"
#include "sorted_window.h"

#include <optional>

namespace cs {

// The price (grams per request per error point) at which the window's split optimum reaches `targetErrorPct`
// (request-weighted over the window): the LP multiplier there. Walking the hull steps in falling rate order from
// the least-error assignment, it is the rate of the first step not taken whole (the one the target cuts, or the
// next one where the target falls on a breakpoint), so PoolHull::modelAt at this price gives back the window's
// optimum without its cut step. Equivalently: the least step rate at which "take every step above it" stays
// within the target, found by binary search per hull step (O(steps^2 log^2 n)). 0 where every step fits; the
// highest step rate where the target lies below the pool's least error. Nothing where the window has no requests.
std::optional<double> fitWindowPrice(const PoolHull &hull, const SortedWindow &window, double targetErrorPct);

// The request-weighted error of Jung 2024's heuristic (text reading, `switches` from
// HeuristicPolicy::switchPoints) on the window with C_low/C_high the window's own minimum and maximum: the
// default target of the learned-price policies. Nothing where the window has no requests.
std::optional<double> windowHeuristicError(const HeuristicPolicy::SwitchPoints &switches, const SortedWindow &window);

} // namespace cs
