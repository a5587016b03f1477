#pragma once

#include "utc_time.h"

#include <optional>
#include <string>
#include <vector>

namespace cs {

// A missing stretch of a series: intervals starting at `from` up to (not including) `to` have no value.
struct Gap
{
    UtcSeconds from = 0;
    UtcSeconds to = 0;
};

// Values on UTC instants at a fixed interval. A point's value holds from its time for one interval.
// Times are strictly increasing multiples of the interval apart; a missing multiple is a gap.
struct TimeSeries
{
    std::string name;
    std::string unit;          // "gCO2/kWh", "requests"
    std::string source;        // file or provenance, for the user
    UtcSeconds intervalSeconds = 0;
    std::vector<UtcSeconds> times;
    std::vector<double> values;

    std::size_t size() const { return times.size(); }
    bool empty() const { return times.empty(); }

    // The stretches where a point is missing between the first and the last.
    std::vector<Gap> gaps() const;
};

// The interval of strictly increasing times: the smallest difference, which every other difference must be a
// multiple of. Returns 0 where there are fewer than two times or the differences do not fit one interval.
UtcSeconds detectInterval(const std::vector<UtcSeconds> &times);

// The same worked out as times arrive one by one (an import streaming rows, a row without a value included).
class IntervalTracker
{
public:
    // Takes the next time; false (and nothing kept) where it does not come after the last, for the caller to
    // report in its own words.
    [[nodiscard]] bool advance(UtcSeconds time);
    // The last time taken; 0 before the first.
    UtcSeconds last() const { return mLast.value_or(0); }
    // The smallest step so far; 0 until there are two times.
    UtcSeconds smallestStep() const { return mMinStep; }
    // The greatest common divisor of the steps: equal to smallestStep() where every step is a multiple of it.
    UtcSeconds commonDivisor() const { return mGcd; }
    bool stepsFit() const { return mGcd == mMinStep; }

private:
    std::optional<UtcSeconds> mLast;
    UtcSeconds mMinStep = 0;
    UtcSeconds mGcd = 0;
};

} // namespace cs
