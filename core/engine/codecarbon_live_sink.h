#pragma once

#include "export/codecarbon_emissions.h"
#include "live_metrics.h"
#include "live_runner.h"

#include <string>

namespace cs {

// Keeps a live session's totals in CodeCarbon's emissions.csv (`live --emissions FILE`): one row for the run,
// cumulative as CodeCarbon's are, the whole file rewritten atomically after every interval so that a session
// stopped at any point leaves a complete file. The measured energy goes into gpu_energy (NVML) or cpu_energy
// (the host's meter); without a meter energy and emissions stay empty.
class CodeCarbonLiveSink : public LiveSink
{
public:
    CodeCarbonLiveSink(std::string path, bool energyMeasured, EnergyDomain domain, std::string gpuModel);

    void begin(const LiveSessionHeader &header) override;
    void append(const LiveRecord &record) override;
    void end() override { write(); }

    const CodeCarbonRun &run() const { return mRun; }

private:
    void write();

    std::string mPath;
    EnergyDomain mDomain;
    bool mComplete;        // every interval so far measured
    double mEnergyJ = 0;
    double mCo2G = 0;
    CodeCarbonRun mRun;
};

} // namespace cs
