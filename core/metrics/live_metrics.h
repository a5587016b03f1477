#pragma once

#include "latency_histogram.h"

#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cs {

// Where a session's energy meter measures: the GPU (NVML) or the host (RAPL's CPU packages, or no device).
enum class EnergyDomain { Gpu, Host };

// What one served interval adds to the metrics.
struct LiveMetricsInterval
{
    double intensity = 0;                 // gCO2/kWh the policy decided on
    std::string model;                    // the model serving at the interval's end
    std::int64_t served = 0;
    std::int64_t dropped = 0;
    std::optional<double> energyJ;        // empty: not measured
    std::optional<double> co2G;
    double predictedCo2G = 0;
    std::optional<double> meanPowerW;
    std::span<const double> latenciesMs;  // every served request's latency
};

// A live session's state as Prometheus metrics, updated by the session's thread and read by the metrics
// server's: every call takes one short lock, and exposition() formats outside it, so a scrape never holds up
// serving. What the machine does not measure (energy, CO2 without a meter) is left out, never shown as 0.
class LiveMetrics
{
public:
    struct Session
    {
        std::string policy;
        std::string pool;
        std::vector<std::string> models;  // the pool's models, each a series of carbonscope_model_in_use
        bool energyMeasured = false;
        EnergyDomain domain = EnergyDomain::Gpu;
    };

    void begin(const Session &session);
    void addInterval(const LiveMetricsInterval &interval);
    std::string exposition() const;

private:
    struct State
    {
        Session session;
        std::optional<double> intensity;
        std::string model;
        std::int64_t intervals = 0;
        std::int64_t served = 0;
        std::int64_t dropped = 0;
        bool energyComplete = false;      // every interval so far measured
        double energyJ = 0;
        double co2G = 0;
        double predictedCo2G = 0;
        std::optional<double> powerW;
        LatencyHistogram latency;
    };

    mutable std::mutex mMutex;
    State mState;
};

} // namespace cs
