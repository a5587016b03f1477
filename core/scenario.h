#pragma once

#include "time_series.h"

#include <optional>
#include <string>
#include <vector>

namespace cs {

// What a policy sees and the simulator prices: intervals on one grid, each with a carbon intensity and a
// request count. Intervals missing from either trace are left out and listed in `gaps`.
struct Scenario
{
    std::string name;
    std::string carbonSource;
    std::string requestSource;      // empty: one request per interval
    UtcSeconds intervalSeconds = 0;
    std::vector<UtcSeconds> times;  // interval starts
    std::vector<double> intensity;  // gCO2/kWh, time-weighted mean over the interval
    std::vector<double> requests;   // requests in the interval
    std::vector<double> forecast;   // forecast intensity where the carbon source has one, else empty
    std::vector<Gap> gaps;          // intervals of the common period with no complete data

    std::size_t size() const { return times.size(); }
    bool empty() const { return times.empty(); }
};

// Puts a carbon trace and an optional request trace on one grid: the coarser of the two intervals (which must
// be a multiple of the finer one). Counts are summed and intensity is time-weighted averaged over each grid
// interval; a grid interval with any part missing in either trace is a gap, reported and not simulated.
// Without requests every interval of the carbon trace has one request. Throws InputError where the traces do
// not overlap or their intervals do not fit.
// A forecast series, where given, is aligned like the intensity; its missing points are gaps too.
Scenario alignTraces(const TimeSeries &carbon, const std::optional<TimeSeries> &requests,
                     const std::optional<TimeSeries> &forecast = std::nullopt);

// The intervals of `s` whose start lies in [from, to).
Scenario sliceScenario(const Scenario &s, UtcSeconds from, UtcSeconds to);

} // namespace cs
