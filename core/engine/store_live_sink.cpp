#include "store_live_sink.h"

#include "project_store.h"

#include <chrono>

namespace cs {

StoreLiveSink::StoreLiveSink(const std::string &projectPath)
    : mStore(std::make_unique<ProjectStore>(ProjectStore::open(projectPath)))
{
}

StoreLiveSink::~StoreLiveSink() = default;

void StoreLiveSink::begin(const LiveSessionHeader &header)
{
    LiveSessionInfo info;
    info.label = header.label;
    info.device = header.device + (header.meter.empty() ? "" : "; meter: " + header.meter);
    info.policySpec = header.policySpec;
    info.poolName = header.poolName;
    info.carbonSource = header.carbonSource;
    info.intervalSeconds = header.intervalSeconds;
    info.startedAt = formatUtcTime(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    mSession = mStore->beginLiveSession(info);
}

void StoreLiveSink::append(const LiveRecord &r)
{
    LiveInterval row;
    row.time = r.time;
    row.intensity = r.intensity;
    row.model = r.model;
    row.served = r.served;
    row.dropped = r.dropped;
    row.energyJ = r.energyJ;
    row.co2G = r.co2G;
    row.latencyP50Ms = r.p50Ms;
    row.latencyP99Ms = r.p99Ms;
    row.meanPowerW = r.meanPowerW;
    row.predictedCo2G = r.predictedCo2G;
    mStore->appendLiveInterval(mSession, row);
}

void StoreLiveSink::end()
{
    if (mSession)
        mStore->endLiveSession(mSession);
}

} // namespace cs
