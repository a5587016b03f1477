#pragma once

#include "batch_server.h"
#include "deployment/load_curve.h"
#include "energy_meter.h"
#include "inference_engine.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

// Measures a model's load curve (issue #16): power at request rates from idle to saturation, served by the
// batch server with its real batching (max batch, max delay) and Poisson arrivals, as a live session serves.
struct LoadProfileOptions
{
    std::vector<double> levels{0.01, 0.03, 0.10, 0.30, 0.90}; // fractions of the measured capacity
    double seconds = 4;        // measuring window per level
    double settleSeconds = 1;  // served at the level before the window opens
    double idleSeconds = 3;    // idle power, measured first with nothing running
    BatchServerOptions server;
    std::uint64_t seed = 11;
};

struct LoadLevel
{
    double level = 0;          // fraction of capacity asked for
    double targetPerS = 0;
    double servedPerS = 0;     // what the window served
    double watts = 0;          // mean power over the window
    std::int64_t dropped = 0;
};

struct LoadProfile
{
    std::string model;
    double idleWatts = 0;
    double capacityPerS = 0;   // served per second with the queue never empty
    double wattsAtCapacity = 0;
    std::vector<LoadLevel> levels;

    // The curve the simulator uses: idle, each level at its served rate, capacity last; a level's power is
    // never below idle (meter noise at 1 % load), and rates ascend (a level too close to the next is left out).
    LoadCurve curve() const;
};

// Throws InputError where the meter cannot measure (a curve without energy would be invented) or the engine
// stops serving.
LoadProfile profileLoad(InferenceEngine &engine, int model, EnergyMeter &meter, const LoadProfileOptions &options);

} // namespace cs
