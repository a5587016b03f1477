#pragma once

#include "energy_meter.h"

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace cs {

// CPU package energy from Linux powercap (Intel RAPL, also used for AMD): the top-level zones
// /sys/class/powercap/intel-rapl:N/energy_uj, summed over packages. The counters wrap at max_energy_range_uj;
// a wrap between two readings is added back, so read at least once per wrap period (minutes at full load).
// Often readable only by root: then the meter is unavailable and says so.
class RaplMeter : public EnergyMeter
{
public:
    explicit RaplMeter(std::string powercapRoot = "/sys/class/powercap");

    std::string name() const override { return "RAPL CPU package energy"; }
    bool available() const override { return mAvailable; }
    std::string notice() const override { return mNotice; }
    std::optional<EnergySample> sample() override;
    std::optional<double> powerWatts() override { return std::nullopt; }

    int zoneCount() const { return static_cast<int>(mZones.size()); }

private:
    struct Zone
    {
        std::string energyPath;
        std::uint64_t maxRange = 0;
        std::uint64_t last = 0;
        double total = 0; // joules accumulated since construction
    };

    std::mutex mMutex;
    std::vector<Zone> mZones;
    bool mAvailable = false;
    std::string mNotice;
};

// The energy counted between two readings of a wrapping counter (both in the counter's unit).
std::uint64_t wrappedDelta(std::uint64_t previous, std::uint64_t current, std::uint64_t maxRange);

} // namespace cs
