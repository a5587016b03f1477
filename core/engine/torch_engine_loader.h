#pragma once

// The LibTorch engine is a module (libcarbonscope_torch.so) loaded on first use, so that a program that never runs
// a model does not pay for LibTorch's libraries (~160 MB resident from their static initialisers alone). Only the
// Torch-free InferenceEngine interface crosses the boundary; the module is built by the same compiler and never
// unloaded. makeInferenceEngine() and torchVersion() (inference_engine.h) load it.

#include "inference_engine.h"

#include <string>
#include <vector>

// The module's entry points (extern "C", looked up by name).
#define CARBONSCOPE_TORCH_MAKE_ENGINE "carbonscope_torch_make_engine"
#define CARBONSCOPE_TORCH_VERSION "carbonscope_torch_version"
#define CARBONSCOPE_TORCH_ABI "carbonscope_torch_abi"

namespace cs {

// Raised with the layout of EngineOptions or InferenceEngine: a module of another version is refused.
inline constexpr int torchEngineAbi = 1;

// The module's file name, and where it is looked for: $CARBONSCOPE_TORCH_MODULE alone where set; otherwise beside
// the executable, in ../lib/carbonscope/ from it, then where this build tree made it.
inline constexpr const char *torchModuleFileName = "libcarbonscope_torch.so";
std::vector<std::string> torchModuleCandidates();

// Loads the module once (later calls return the first outcome). Returns an empty string when it is loaded, else
// why not: "live mode needs the LibTorch engine module (libcarbonscope_torch.so): <dlerror>".
std::string loadTorchModule();

} // namespace cs
