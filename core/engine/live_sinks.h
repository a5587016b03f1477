#pragma once

#include "live_metrics.h"
#include "live_runner.h"

#include <string>
#include <vector>

namespace cs {

// Hands a session's rows to several sinks in turn (the project file, the metrics, the emissions file).
class FanOutSink : public LiveSink
{
public:
    void add(LiveSink *sink) { mSinks.push_back(sink); }
    bool empty() const { return mSinks.empty(); }

    void begin(const LiveSessionHeader &header) override;
    void append(const LiveRecord &record) override;
    void end() override;
    void latencies(std::span<const double> ms) override;

private:
    std::vector<LiveSink *> mSinks;
};

// Feeds a session into LiveMetrics, which a MetricsServer exposes to Prometheus.
class MetricsLiveSink : public LiveSink
{
public:
    // `models`: the pool's names; `energyMeasured`: the meter is available; `domain`: what it measures.
    MetricsLiveSink(LiveMetrics &metrics, std::vector<std::string> models, bool energyMeasured, EnergyDomain domain);

    void begin(const LiveSessionHeader &header) override;
    void append(const LiveRecord &record) override;
    void end() override {}
    void latencies(std::span<const double> ms) override { mLatencies.assign(ms.begin(), ms.end()); }

private:
    LiveMetrics &mMetrics;
    LiveMetrics::Session mSession;
    std::vector<double> mLatencies;
};

// The model serving at the end of an interval: the second of a split choice ("A>B" -> "B").
std::string modelAtIntervalEnd(const std::string &model);

} // namespace cs
