#pragma once

#include "live_interval.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace cs {

// A session's running totals, as the CLI's summary and the Live tab's readouts and plot show them. The measured
// energy and CO2 are a total only while every interval was measured: one missing would make them too small.
struct LiveTotals
{
    int intervals = 0;
    std::int64_t served = 0;
    std::int64_t dropped = 0;
    double maxSwitchMs = 0;
    double measuredEnergyJ = 0; // over the intervals that were measured
    double measuredCo2G = 0;    // likewise
    double predictedCo2G = 0;
    bool allMeasured = true;

    void add(const LiveInterval &r)
    {
        ++intervals;
        served += r.served;
        dropped += r.dropped;
        maxSwitchMs = std::max(maxSwitchMs, r.switchMs);
        allMeasured = allMeasured && r.co2G.has_value();
        measuredEnergyJ += r.energyJ.value_or(0);
        measuredCo2G += r.co2G.value_or(0);
        predictedCo2G += r.predictedCo2G.value_or(0);
    }
    std::optional<double> energyJ() const { return whole(measuredEnergyJ); }
    std::optional<double> co2G() const { return whole(measuredCo2G); }

private:
    std::optional<double> whole(double sum) const
    {
        return allMeasured && intervals > 0 ? std::optional<double>(sum) : std::nullopt;
    }
};

} // namespace cs
