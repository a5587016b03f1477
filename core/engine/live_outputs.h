#pragma once

#include "codecarbon_live_sink.h"
#include "live_metrics.h"
#include "live_sinks.h"
#include "metrics_server.h"
#include "model_pool.h"
#include "store_live_sink.h"

#include <memory>
#include <string>

namespace cs {

class EnergyMeter;

// Everywhere a live session's intervals go besides the screen, set up the same way by the CLI and the Live tab:
// a project file (StoreLiveSink), Prometheus metrics with their /metrics server, CodeCarbon's emissions.csv.
// Each is optional (an empty path or address leaves it out).
class LiveOutputs
{
public:
    struct Options
    {
        std::string projectPath;
        std::string metricsAddress; // HOST:PORT (parseListenAddress)
        std::string emissionsPath;
    };

    // Checks the address and opens the project before anything is served; throws InputError or OutputError.
    // `gpuModel`: the engine's device name when it serves on a GPU, else empty.
    LiveOutputs(const Options &options, const ModelPool &pool, const EnergyMeter &meter, const std::string &gpuModel);
    ~LiveOutputs();

    // Starts the metrics server (the series exist, at 0, from the first scrape on). Throws InputError when the
    // address cannot be bound.
    void start(const LiveSessionHeader &header);
    LiveSink *sink() { return mSinks.empty() ? nullptr : &mSinks; }
    std::string metricsUrl() const { return mServer ? mServer->url() : std::string(); }

private:
    FanOutSink mSinks;
    std::unique_ptr<StoreLiveSink> mStore;
    LiveMetrics mMetrics;
    std::unique_ptr<MetricsLiveSink> mMetricsSink;
    std::unique_ptr<MetricsServer> mServer;
    std::unique_ptr<CodeCarbonLiveSink> mEmissions;
};

} // namespace cs
