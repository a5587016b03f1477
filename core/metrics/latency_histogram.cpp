#include "latency_histogram.h"

#include <algorithm>

namespace cs {

void LatencyHistogram::observe(std::span<const double> latenciesMs)
{
    for (double ms : latenciesMs) {
        const auto it = std::lower_bound(boundsMs.begin(), boundsMs.end(), ms); // first bound >= ms
        if (it != boundsMs.end())
            ++mBucket[static_cast<std::size_t>(it - boundsMs.begin())];
        ++mCount;
        mSumMs += ms;
    }
}

std::uint64_t LatencyHistogram::cumulative(std::size_t bound) const
{
    std::uint64_t n = 0;
    for (std::size_t i = 0; i <= bound && i < mBucket.size(); ++i)
        n += mBucket[i];
    return n;
}

} // namespace cs
