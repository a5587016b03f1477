#pragma once

#include "utc_time.h"

#include <vector>

namespace cs {

// [from, to): one request's span, or one span already cached.
struct FetchPeriod
{
    UtcSeconds from = 0;
    UtcSeconds to = 0;
    bool operator==(const FetchPeriod &) const = default;
};

// What is left to fetch of [from, to): its parts not covered by `cached` (any order; overlaps allowed), each cut
// into consecutive calls of at most `maxSpan` seconds from the start of the part, in time order. A download
// interrupted after k calls of a part resumes at call k+1 with the same boundaries as the first run.
std::vector<FetchPeriod> missingPeriods(UtcSeconds from, UtcSeconds to, std::vector<FetchPeriod> cached,
                                        UtcSeconds maxSpan);

} // namespace cs
