#pragma once

#include "utc_time.h"

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

} // namespace cs
