#include "codecarbon_live_sink.h"

namespace cs {

CodeCarbonLiveSink::CodeCarbonLiveSink(std::string path, bool energyMeasured, EnergyDomain domain,
                                       std::string gpuModel)
    : mPath(std::move(path)), mDomain(domain), mComplete(energyMeasured)
{
    mRun.gpuModel = std::move(gpuModel);
    mRun.gpuCount = mRun.gpuModel.empty() ? 0 : 1;
}

void CodeCarbonLiveSink::begin(const LiveSessionHeader &header)
{
    mRun.projectName = header.label;
    mRun.runId = newRunId();
    mRun.experimentId = header.policySpec;
    mRun.region = header.carbonSource;
    mRun.timestamp = codeCarbonTimestamp();
}

void CodeCarbonLiveSink::append(const LiveRecord &r)
{
    mRun.durationSeconds += r.wallSeconds;
    if (r.energyJ && r.co2G) {
        mEnergyJ += *r.energyJ;
        mCo2G += *r.co2G;
    } else {
        mComplete = false;
    }
    write();
}

void CodeCarbonLiveSink::write()
{
    mRun.timestamp = codeCarbonTimestamp();
    mRun.cpuEnergyKwh.reset();
    mRun.gpuEnergyKwh.reset();
    mRun.emissionsKg.reset();
    if (mComplete) {
        (mDomain == EnergyDomain::Gpu ? mRun.gpuEnergyKwh : mRun.cpuEnergyKwh) = mEnergyJ / 3.6e6;
        mRun.emissionsKg = mCo2G / 1000.0;
    }
    writeCodeCarbonFile(mPath, {mRun});
}

} // namespace cs
