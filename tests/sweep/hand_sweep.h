#pragma once
// The hand-worked sweep of the sweep suites: two series (A, B) of four hourly intervals across the January/February
// 2024 boundary, 100,000 requests an interval, and a three-model pool whose CO2 per interval is simple: with
// r = 1e5, serving at c gCO2/kWh costs r e c / 3.6e9 = c/50 g (Big, 720 mJ), c/100 (Mid, 360 mJ), c/200 (Small,
// 180 mJ). Errors 5, 6, 8 %; baseline Mid.
#include "model_pool.h"
#include "request_profile.h"
#include "sweep_result.h"
#include "utc_time.h"

#include <vector>

namespace cs::test {

inline ModelPool handPool()
{
    ModelPool pool;
    pool.name = "hand";
    pool.models = {Model{"Big", 720, 5, {}, {}, ""}, Model{"Mid", 360, 6, {}, {}, ""},
                   Model{"Small", 180, 8, {}, {}, ""}};
    return pool;
}

// 2024-01-31 22:00Z and 23:00Z (January), 2024-02-01 00:00Z and 01:00Z (February).
inline SweepSeries handSeries(const char *name, std::vector<double> intensity)
{
    TimeSeries t;
    t.name = name;
    t.source = name;
    t.unit = "gCO2/kWh";
    t.intervalSeconds = 3600;
    const UtcSeconds start = daysFromCivil(2024, 1, 31) * 86400 + 22 * 3600;
    for (std::size_t i = 0; i < intensity.size(); ++i)
        t.times.push_back(start + static_cast<UtcSeconds>(i) * 3600);
    t.values = std::move(intensity);
    return {name, scenarioWithConstantRequests(t, 1e5)};
}

// A: January 100, 300; February 200, 120. B: January 50, 250; February 400, 100.
inline std::vector<SweepSeries> handSweepSeries()
{
    return {handSeries("A", {100, 300, 200, 120}), handSeries("B", {50, 250, 400, 100})};
}

// Big always, Small always, and a threshold rule: Big below 150 gCO2/kWh, Small at or above.
inline std::vector<std::string> handPolicies()
{
    return {"model:Big", "model:Small", "threshold:Big@150,Small"};
}

} // namespace cs::test
