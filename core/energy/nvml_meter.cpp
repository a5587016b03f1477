#include "nvml_meter.h"

#include <dlfcn.h>

#include <chrono>

namespace cs {

// The few NVML entry points used, declared here so no nvml.h is needed at build time (their ABI is stable).
struct NvmlMeter::Api
{
    using Device = void *;
    void *lib = nullptr;
    int (*init)() = nullptr;
    int (*shutdown)() = nullptr;
    int (*handleByIndex)(unsigned, Device *) = nullptr;
    int (*deviceName)(Device, char *, unsigned) = nullptr;
    int (*totalEnergy)(Device, unsigned long long *) = nullptr;
    int (*powerUsage)(Device, unsigned *) = nullptr;
    const char *(*errorString)(int) = nullptr;
    bool initialised = false;

    std::string error(int code) const
    {
        return errorString ? errorString(code) : "NVML error " + std::to_string(code);
    }
    ~Api()
    {
        if (initialised && shutdown)
            shutdown();
        if (lib)
            dlclose(lib);
    }
};

namespace {
template <typename F>
bool resolve(void *lib, const char *symbol, F &out)
{
    out = reinterpret_cast<F>(dlsym(lib, symbol));
    return out != nullptr;
}
} // namespace

NvmlMeter::NvmlMeter(unsigned gpuIndex, int sampleMs)
    : mApi(std::make_unique<Api>())
    , mSampleMs(sampleMs)
{
    Api &api = *mApi;
    api.lib = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!api.lib) {
        mNotice = "no NVIDIA GPU energy meter: libnvidia-ml.so.1 could not be loaded (no NVIDIA driver here)";
        return;
    }
    if (!resolve(api.lib, "nvmlInit_v2", api.init) || !resolve(api.lib, "nvmlShutdown", api.shutdown)
        || !resolve(api.lib, "nvmlDeviceGetHandleByIndex_v2", api.handleByIndex)
        || !resolve(api.lib, "nvmlDeviceGetName", api.deviceName)) {
        mNotice = "no NVIDIA GPU energy meter: libnvidia-ml.so.1 lacks the NVML entry points needed";
        return;
    }
    resolve(api.lib, "nvmlErrorString", api.errorString);
    resolve(api.lib, "nvmlDeviceGetTotalEnergyConsumption", api.totalEnergy);
    resolve(api.lib, "nvmlDeviceGetPowerUsage", api.powerUsage);

    if (int rc = api.init(); rc != 0) {
        mNotice = "no NVIDIA GPU energy meter: nvmlInit failed: " + api.error(rc);
        return;
    }
    api.initialised = true;
    if (int rc = api.handleByIndex(gpuIndex, &mDevice); rc != 0) {
        mNotice = "no NVIDIA GPU energy meter: GPU " + std::to_string(gpuIndex) + " not found: " + api.error(rc);
        return;
    }
    char name[96] = {};
    if (api.deviceName(mDevice, name, sizeof name) == 0)
        mGpuName = name;

    unsigned long long mj = 0;
    if (api.totalEnergy && api.totalEnergy(mDevice, &mj) == 0) {
        mCounter = true;
        mAvailable = true;
        mNotice = "NVML total-energy counter of " + mGpuName + " (whole GPU, idle power included)";
        return;
    }
    unsigned mw = 0;
    if (api.powerUsage && api.powerUsage(mDevice, &mw) == 0) {
        mAvailable = true;
        mNotice = "NVML power of " + mGpuName + " sampled every " + std::to_string(mSampleMs)
                  + " ms and integrated (this GPU has no total-energy counter)";
        mLastSampleTime = steadySeconds();
        mLastWatts = mw / 1000.0;
        mSampler = std::thread([this] { samplerLoop(); });
        return;
    }
    mNotice = "no NVIDIA GPU energy meter: " + mGpuName + " reports neither energy nor power through NVML";
}

NvmlMeter::~NvmlMeter()
{
    mStop = true;
    if (mSampler.joinable())
        mSampler.join();
}

std::string NvmlMeter::name() const
{
    if (!mAvailable)
        return "NVML (unavailable)";
    return (mCounter ? "NVML energy counter (" : "NVML power sampling (") + mGpuName + ")";
}

void NvmlMeter::samplerLoop()
{
    while (!mStop) {
        std::this_thread::sleep_for(std::chrono::milliseconds(mSampleMs));
        unsigned mw = 0;
        if (mApi->powerUsage(mDevice, &mw) != 0)
            continue;
        const double now = steadySeconds();
        const double watts = mw / 1000.0;
        std::lock_guard lock(mMutex);
        mIntegratedJoules += 0.5 * (watts + mLastWatts) * (now - mLastSampleTime);
        mLastSampleTime = now;
        mLastWatts = watts;
    }
}

std::optional<EnergySample> NvmlMeter::sample()
{
    if (!mAvailable)
        return std::nullopt;
    if (mCounter) {
        unsigned long long mj = 0;
        const double now = steadySeconds();
        if (mApi->totalEnergy(mDevice, &mj) != 0)
            return std::nullopt;
        return EnergySample{now, mj / 1000.0};
    }
    std::lock_guard lock(mMutex);
    // Extend the integral to now with the last power seen, so readings between samples stay consistent.
    const double now = steadySeconds();
    return EnergySample{now, mIntegratedJoules + mLastWatts * (now - mLastSampleTime)};
}

std::optional<double> NvmlMeter::powerWatts()
{
    if (!mAvailable || !mApi->powerUsage)
        return std::nullopt;
    unsigned mw = 0;
    if (mApi->powerUsage(mDevice, &mw) != 0)
        return std::nullopt;
    return mw / 1000.0;
}

} // namespace cs
