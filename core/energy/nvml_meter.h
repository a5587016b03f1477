#pragma once

#include "energy_meter.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace cs {

// An NVIDIA GPU's energy through NVML, loaded at run time with dlopen("libnvidia-ml.so.1"), so CarbonScope builds
// and runs without NVIDIA's libraries. Volta and newer have a total-energy counter (millijoules since the driver
// loaded), which is read directly; older GPUs only report power, which a thread samples every `sampleMs` and
// integrates (trapezoids). Without NVML or a GPU the meter is unavailable and its notice says why.
class NvmlMeter : public EnergyMeter
{
public:
    explicit NvmlMeter(unsigned gpuIndex = 0, int sampleMs = 20);
    ~NvmlMeter() override;
    NvmlMeter(const NvmlMeter &) = delete;
    NvmlMeter &operator=(const NvmlMeter &) = delete;

    std::string name() const override;
    bool available() const override { return mAvailable; }
    std::string notice() const override { return mNotice; }
    std::optional<EnergySample> sample() override;
    std::optional<double> powerWatts() override;
    bool measuresGpu() const override { return true; }

    bool usesEnergyCounter() const { return mCounter; }
    std::string gpuName() const { return mGpuName; }

private:
    struct Api;
    void samplerLoop();

    std::unique_ptr<Api> mApi;
    void *mDevice = nullptr;
    bool mAvailable = false;
    bool mCounter = false;
    std::string mNotice;
    std::string mGpuName;

    // Power-sampling fallback.
    int mSampleMs;
    std::thread mSampler;
    std::atomic<bool> mStop{false};
    std::mutex mMutex;
    double mIntegratedJoules = 0;
    double mLastSampleTime = 0;
    double mLastWatts = -1;
};

} // namespace cs
