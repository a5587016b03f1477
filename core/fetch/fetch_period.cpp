#include "fetch_period.h"

#include <algorithm>
#include <stdexcept>

namespace cs {

std::vector<FetchPeriod> missingPeriods(UtcSeconds from, UtcSeconds to, std::vector<FetchPeriod> cached,
                                        UtcSeconds maxSpan)
{
    if (maxSpan <= 0)
        throw std::invalid_argument("missingPeriods: the span per call must be positive");
    std::sort(cached.begin(), cached.end(), [](const FetchPeriod &a, const FetchPeriod &b) { return a.from < b.from; });
    std::vector<FetchPeriod> calls;
    const auto cut = [&](UtcSeconds a, UtcSeconds b) {
        for (UtcSeconds t = a; t < b; t += std::min(maxSpan, b - t))
            calls.push_back({t, std::min(b, t + maxSpan)});
    };
    UtcSeconds cursor = from;
    for (const FetchPeriod &c : cached) {
        if (c.to <= cursor || c.from >= c.to)
            continue;
        if (c.from >= to)
            break;
        if (c.from > cursor)
            cut(cursor, c.from);
        cursor = std::max(cursor, c.to);
        if (cursor >= to)
            break;
    }
    if (cursor < to)
        cut(cursor, to);
    return calls;
}

} // namespace cs
