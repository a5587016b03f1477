#pragma once

#include "energy_meter.h"

#include <mutex>
#include <vector>

namespace cs {

// A meter for tests. Either it replays a script of readings (one per sample() call, the last one repeated), or
// it draws a constant power from the steady clock, so that energy = watts × elapsed seconds.
class FakeMeter : public EnergyMeter
{
public:
    explicit FakeMeter(std::vector<EnergySample> script);
    explicit FakeMeter(double constantWatts);

    std::string name() const override { return "fake meter (tests)"; }
    bool available() const override { return true; }
    std::string notice() const override { return "a fake meter: its figures are made up for tests"; }
    std::optional<EnergySample> sample() override;
    std::optional<double> powerWatts() override;

    int samplesTaken() const;

private:
    mutable std::mutex mMutex;
    std::vector<EnergySample> mScript;
    std::size_t mNext = 0;
    double mWatts = 0;
    double mStart = 0;
    int mTaken = 0;
};

} // namespace cs
