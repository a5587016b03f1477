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
    mStore->appendLiveInterval(mSession, r);
}

void StoreLiveSink::end()
{
    if (mSession)
        mStore->endLiveSession(mSession);
}

} // namespace cs
