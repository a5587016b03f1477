#include "time_series.h"

#include <algorithm>
#include <numeric>

namespace cs {

UtcSeconds detectInterval(const std::vector<UtcSeconds> &times)
{
    IntervalTracker tracker;
    for (UtcSeconds t : times)
        if (!tracker.advance(t))
            return 0;
    return tracker.stepsFit() ? tracker.smallestStep() : 0;
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
