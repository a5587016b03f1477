#pragma once

#include "scenario.h"
#include "timebuckets.h"

#include <vector>

namespace cs {

// The share of requests each model served per calendar bucket (day, ISO week or month, UTC): what the Timeline's
// "Model chosen" panel draws zoomed out, where a step line per interval would be a solid block. Requests, not
// intervals, because the energy (and so the CO2) follows the requests a model serves.
struct ModelShares
{
    TimeBucket bucket = TimeBucket::Day;
    std::vector<UtcSeconds> starts;           // the buckets holding at least one interval, in time order
    std::vector<std::vector<double>> percent; // [rank][bucket]: % of the bucket's served requests, 0..100
};

// `choices` holds the model (pool index, -1: none) of each interval of `s`; `rankOf` maps a pool index to its row
// (models by energy, lowest first). An interval counts in the bucket its start lies in; intervals with no model or
// no finite, positive request count are left out, and a bucket with no request served has every share 0.
ModelShares modelShares(const Scenario &s, const std::vector<int> &choices, const std::vector<int> &rankOf,
                        TimeBucket bucket);

// Whether a span is drawn as shares rather than step lines: more than 10 days in view, or fewer than 3 px per
// interval with at least 3 days in view (fewer would be one or two bars).
bool showsModelShares(double spanSeconds, double intervalSeconds, int pixels);

} // namespace cs
