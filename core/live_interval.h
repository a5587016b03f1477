#pragma once

#include "utc_time.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cs {

// One interval of a live session: what the engine served and measured, what the project file stores and what
// the Live tab shows, whether it ran here or was recorded elsewhere. Plain C++ (no Qt): the engine, the store and
// the UI all use this one struct. Figures the machine cannot measure stay empty, never a made-up number.
// The first eleven fields are what a project file keeps, in its order; the last four live only while a session
// runs (a recorded interval reads them as 0).
struct LiveInterval
{
    UtcSeconds time = 0;                  // UTC seconds of the trace interval
    double intensity = 0;                 // gCO2/kWh the policy decided on
    std::string model;                    // the model that served it ("A>B" where the policy split it)
    std::int64_t served = 0;
    std::int64_t dropped = 0;
    std::optional<double> energyJ;        // measured (per the idle mode), joules
    std::optional<double> co2G;           // energyJ x intensity
    std::optional<double> latencyP50Ms;
    std::optional<double> latencyP99Ms;
    std::optional<double> meanPowerW;     // measured, idle included
    std::optional<double> predictedCo2G;  // the pool's energy per inference x served x intensity

    int index = 0;                        // position in its session
    std::int64_t arrived = 0;             // requests that arrived (served + dropped)
    double wallSeconds = 0;               // wall time the interval took, its drain included
    double switchMs = 0;                  // how long the switch call took (0 when the model stayed)
};

} // namespace cs
