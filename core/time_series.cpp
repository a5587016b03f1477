#include "time_series.h"

#include <numeric>

#include <algorithm>

namespace cs {

UtcSeconds detectInterval(const std::vector<UtcSeconds> &times)
{
    if (times.size() < 2)
        return 0;
    UtcSeconds smallest = 0;
    for (std::size_t i = 1; i < times.size(); ++i) {
        const UtcSeconds d = times[i] - times[i - 1];
        if (d <= 0)
            return 0;
        smallest = smallest == 0 ? d : std::min(smallest, d);
    }
    for (std::size_t i = 1; i < times.size(); ++i)
        if ((times[i] - times[i - 1]) % smallest != 0)
            return 0;
    return smallest;
}

bool IntervalTracker::advance(UtcSeconds time)
{
    if (mLast) {
        const UtcSeconds d = time - *mLast;
        if (d <= 0)
            return false;
        mMinStep = mMinStep == 0 ? d : std::min(mMinStep, d);
        mGcd = std::gcd(mGcd, d);
    }
    mLast = time;
    return true;
}

std::vector<Gap> TimeSeries::gaps() const
{
    std::vector<Gap> result;
    if (intervalSeconds <= 0)
        return result;
    for (std::size_t i = 1; i < times.size(); ++i)
        if (times[i] - times[i - 1] > intervalSeconds)
            result.push_back({times[i - 1] + intervalSeconds, times[i]});
    return result;
}

} // namespace cs
