#include "live_sinks.h"

namespace cs {

void FanOutSink::begin(const LiveSessionHeader &header)
{
    for (LiveSink *s : mSinks)
        s->begin(header);
}

void FanOutSink::append(const LiveRecord &record)
{
    for (LiveSink *s : mSinks)
        s->append(record);
}

void FanOutSink::end()
{
    for (LiveSink *s : mSinks)
        s->end();
}

void FanOutSink::latencies(std::span<const double> ms)
{
    for (LiveSink *s : mSinks)
        s->latencies(ms);
}

std::string modelAtIntervalEnd(const std::string &model)
{
    const auto split = model.rfind('>');
    return split == std::string::npos ? model : model.substr(split + 1);
}

MetricsLiveSink::MetricsLiveSink(LiveMetrics &metrics, std::vector<std::string> models, bool energyMeasured,
                                 EnergyDomain domain)
    : mMetrics(metrics)
{
    mSession.models = std::move(models);
    mSession.energyMeasured = energyMeasured;
    mSession.domain = domain;
}

void MetricsLiveSink::begin(const LiveSessionHeader &header)
{
    mSession.policy = header.policySpec;
    mSession.pool = header.poolName;
    mMetrics.begin(mSession);
}

void MetricsLiveSink::append(const LiveRecord &r)
{
    LiveMetricsInterval in;
    in.intensity = r.intensity;
    in.model = modelAtIntervalEnd(r.model);
    in.served = r.served;
    in.dropped = r.dropped;
    in.energyJ = r.energyJ;
    in.co2G = r.co2G;
    in.predictedCo2G = r.predictedCo2G.value_or(0);
    in.meanPowerW = r.meanPowerW;
    in.latenciesMs = mLatencies;
    mMetrics.addInterval(in);
    mLatencies.clear();
}

} // namespace cs
