#pragma once

#include <optional>
#include <string>

namespace cs {

// A reading of a cumulative energy counter: joules since an arbitrary origin, at a steady-clock time (seconds).
// The energy used between two readings is the difference of their joules.
struct EnergySample
{
    double seconds = 0;
    double joules = 0;
};

// Something that measures the energy a device uses. A meter that cannot measure says so (available() false and
// a notice saying why) and returns no readings: CarbonScope never invents a figure.
class EnergyMeter
{
public:
    virtual ~EnergyMeter() = default;

    virtual std::string name() const = 0;       // "NVML total-energy counter (NVIDIA H100 80GB HBM3)"
    virtual bool available() const = 0;
    virtual std::string notice() const = 0;     // how it measures, or why it cannot
    virtual std::optional<EnergySample> sample() = 0;
    virtual std::optional<double> powerWatts() = 0; // the latest instantaneous power, where the meter has one
    virtual bool measuresGpu() const { return false; } // a GPU's energy (NVML), not the host's
};

// Seconds on the steady clock, the time base of every EnergySample.
double steadySeconds();

// Joules between two readings; nothing where either is missing.
std::optional<double> energyBetween(const std::optional<EnergySample> &a, const std::optional<EnergySample> &b);

} // namespace cs
