#include "timebuckets.h"

#include <cmath>

namespace cs {

namespace {
constexpr UtcSeconds Day = 86400;
constexpr UtcSeconds Week = 7 * Day;
constexpr UtcSeconds FirstMonday = 4 * Day; // 1970-01-05, the first Monday after the epoch (a Thursday)

UtcSeconds floorDiv(UtcSeconds a, UtcSeconds b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// Howard Hinnant's days_from_civil and civil_from_days (public domain), for the month's first day.
UtcSeconds daysFromCivil(long long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

void civilFromDays(long long z, long long *y, unsigned *m)
{
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = static_cast<long long>(yoe) + era * 400 + (*m <= 2);
}
} // namespace

namespace {

// Days up to `dayUpTo` days in view, weeks up to `weekUpTo`, months beyond.
TimeBucket bucketBySpan(double seconds, double dayUpTo, double weekUpTo)
{
    if (seconds <= dayUpTo * Day)
        return TimeBucket::Day;
    return seconds <= weekUpTo * Day ? TimeBucket::Week : TimeBucket::Month;
}

} // namespace

TimeBucket bucketForSpan(double seconds)
{
    return bucketBySpan(seconds, 62.0, 214.0);
}

TimeBucket shareBucketForSpan(double seconds)
{
    return bucketBySpan(seconds, 92.0, 731.0);
}

UtcSeconds bucketStart(TimeBucket bucket, UtcSeconds t)
{
    switch (bucket) {
    case TimeBucket::Day:
        return floorDiv(t, Day) * Day;
    case TimeBucket::Week:
        return floorDiv(t - FirstMonday, Week) * Week + FirstMonday;
    case TimeBucket::Month: {
        long long y = 0;
        unsigned m = 0;
        civilFromDays(floorDiv(t, Day), &y, &m);
        return daysFromCivil(y, m, 1) * Day;
    }
    }
    return t;
}

UtcSeconds bucketEnd(TimeBucket bucket, UtcSeconds start)
{
    switch (bucket) {
    case TimeBucket::Day:
        return start + Day;
    case TimeBucket::Week:
        return start + Week;
    case TimeBucket::Month: {
        long long y = 0;
        unsigned m = 0;
        civilFromDays(floorDiv(start, Day), &y, &m);
        return (m == 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1)) * Day;
    }
    }
    return start;
}

double bucketMid(TimeBucket bucket, UtcSeconds start)
{
    return (static_cast<double>(start) + static_cast<double>(bucketEnd(bucket, start))) / 2;
}

} // namespace cs
