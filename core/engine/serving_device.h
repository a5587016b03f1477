#pragma once

#include <optional>
#include <string>

namespace cs {

// What a live session would run on, known before anything is loaded: whether the LibTorch module is there to
// load, and the GPU NVML sees (its name), if any.
struct ServingDevice
{
    bool moduleFound = false;
    std::optional<std::string> gpu;
};

// Looks for the module (torchModuleCandidates) and asks NVML for GPU 0; loads neither LibTorch nor CUDA.
ServingDevice probeServingDevice();

// One line for the user: "NVIDIA H200 (CUDA)", "no GPU found: will serve on the CPU", or "LibTorch module not
// installed: ..." (a CPU-only module on a GPU machine is found out at Start, when the engine says so).
std::string servingDeviceText(const ServingDevice &device);

} // namespace cs
