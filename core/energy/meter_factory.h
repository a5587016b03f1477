#pragma once

#include "energy_meter.h"

#include <memory>
#include <string>

namespace cs {

// A meter that measures nothing and says why (its notice): what the factory gives where no meter exists.
class NoMeter : public EnergyMeter
{
public:
    explicit NoMeter(std::string why) : mWhy(std::move(why)) {}
    std::string name() const override { return "none"; }
    bool available() const override { return false; }
    std::string notice() const override { return mWhy; }
    std::optional<EnergySample> sample() override { return std::nullopt; }
    std::optional<double> powerWatts() override { return std::nullopt; }

private:
    std::string mWhy;
};

// "auto" (NVML where a GPU answers, else RAPL, else none), "nvml", "rapl", "none", or "fake:WATTS": a constant
// power for tests and demonstrations (its name and notice say the figures are made up). Throws InputError for
// another kind. The result may be unavailable; its notice says why.
std::unique_ptr<EnergyMeter> makeEnergyMeter(const std::string &kind, bool gpu = true);

} // namespace cs
