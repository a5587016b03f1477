#pragma once

#include "batch_server.h"
#include "energy_meter.h"
#include "idle_power.h"
#include "inference_engine.h"
#include "intensity_feed.h"
#include "live_interval.h"
#include "model_pool.h"
#include "policy.h"

#include <atomic>
#include <functional>
#include <optional>
#include <span>
#include <string>

namespace cs {

struct LiveOptions
{
    double intervalWallSeconds = 1;  // wall time one trace interval takes (trace interval ÷ speed-up)
    double meanRequestRate = 50;     // requests per second at the trace's mean request count
    double durationSeconds = 0;      // stop after this much wall time; 0: when the feed ends
    double drainSeconds = 3;         // at an interval's end, wait this long at most for its queue to empty
    IdleMode idleMode = IdleMode::Include;
    std::optional<double> idleWatts;
    BatchServerOptions server;
    std::uint64_t seed = 7;
};

// The name the engine used for LiveInterval before it was one struct (core/live_interval.h).
using LiveRecord = LiveInterval;

struct LiveSessionHeader
{
    std::string label;
    std::string device;
    std::string meter;
    std::string policySpec;
    std::string poolName;
    std::string carbonSource;
    UtcSeconds intervalSeconds = 0;
};

// Where a live session's rows go as they happen (the project store, a test's vector).
class LiveSink
{
public:
    virtual ~LiveSink() = default;
    virtual void begin(const LiveSessionHeader &header) = 0;
    virtual void append(const LiveRecord &record) = 0;
    virtual void end() = 0;
    // The interval's per-request latencies, just before its append(); for sinks that keep a distribution.
    virtual void latencies(std::span<const double> ms) { (void)ms; }
};

// Runs a live session: per interval the policy picks the model from the intensities seen so far (the policy
// sees the trace up to and including this interval, never after it), the server serves the interval's
// requests (Poisson arrivals at the scaled request rate), and the measured energy and CO2 are written to the
// sink and passed to `progress`. Every pool model must be loaded in the engine under its pool name. `stop`, set
// from another thread, ends the session after the current interval.
struct LiveSummary
{
    int intervals = 0;
    std::int64_t served = 0;
    std::int64_t dropped = 0;
    std::optional<double> energyJ;
    std::optional<double> co2G;
    std::optional<double> predictedCo2G;
    double maxSwitchMs = 0;
    std::string error;                  // why serving stopped early, where it did
};

LiveSummary runLiveSession(InferenceEngine &engine, EnergyMeter &meter, IntensityFeed &feed, const Policy &policy,
                           const ModelPool &pool, const LiveSessionHeader &header, const LiveOptions &options,
                           LiveSink *sink, const std::function<void(const LiveRecord &)> &progress,
                           const std::atomic<bool> *stop = nullptr);

} // namespace cs
