#include "live_outputs.h"

#include "energy_meter.h"

namespace cs {

LiveOutputs::LiveOutputs(const Options &o, const ModelPool &pool, const EnergyMeter &meter,
                         const std::string &gpuModel)
{
    const EnergyDomain domain = meter.measuresGpu() ? EnergyDomain::Gpu : EnergyDomain::Host;
    if (!o.projectPath.empty())
        mSinks.add((mStore = std::make_unique<StoreLiveSink>(o.projectPath)).get());
    if (!o.metricsAddress.empty()) {
        std::vector<std::string> names;
        for (const Model &m : pool.models)
            names.push_back(m.name);
        mMetricsSink = std::make_unique<MetricsLiveSink>(mMetrics, names, meter.available(), domain);
        mServer = std::make_unique<MetricsServer>(parseListenAddress(o.metricsAddress),
                                                  [this] { return mMetrics.exposition(); });
        mSinks.add(mMetricsSink.get());
    }
    if (!o.emissionsPath.empty())
        mSinks.add((mEmissions = std::make_unique<CodeCarbonLiveSink>(o.emissionsPath, meter.available(), domain,
                                                                      gpuModel))
                       .get());
}

LiveOutputs::~LiveOutputs()
{
    if (mServer)
        mServer->stop(); // before the metrics it reads go
}

void LiveOutputs::start(const LiveSessionHeader &header)
{
    if (!mServer)
        return;
    mMetricsSink->begin(header);
    mServer->start();
}

} // namespace cs
