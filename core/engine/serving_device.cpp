#include "serving_device.h"

#include "nvml_meter.h"
#include "torch_engine_loader.h"

#include <filesystem>

namespace cs {

ServingDevice probeServingDevice()
{
    ServingDevice d;
    for (const std::string &candidate : torchModuleCandidates())
        if (std::filesystem::exists(candidate)) {
            d.moduleFound = true;
            break;
        }
    NvmlMeter nvml;
    if (!nvml.gpuName().empty()) // a GPU NVML sees, whether or not it reports energy
        d.gpu = nvml.gpuName();
    return d;
}

std::string servingDeviceText(const ServingDevice &device)
{
    if (!device.moduleFound)
        return "LibTorch module not installed: recorded sessions can be replayed, nothing can be served";
    if (device.gpu)
        return *device.gpu + " (CUDA)";
    return "no GPU found: will serve on the CPU";
}

} // namespace cs
