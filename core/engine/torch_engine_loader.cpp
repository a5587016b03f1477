#include "torch_engine_loader.h"

#include "parse_error.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace cs {

namespace {

using MakeEngine = InferenceEngine *(*)(const EngineOptions *);
using Version = const char *(*)();
using Abi = int (*)();

struct TorchModule
{
    MakeEngine make = nullptr;
    Version version = nullptr;
    std::string error; // empty once loaded
};

std::string executableDir()
{
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

TorchModule load()
{
    TorchModule m;
    const std::string prefix = std::string("live mode needs the LibTorch engine module (") + torchModuleFileName + "): ";
    const std::vector<std::string> candidates = torchModuleCandidates();
    // The first candidate that exists is the one loaded (a broken module is reported, not skipped); where none
    // exists, the first's dlerror says which file was missing.
    std::string path = candidates.empty() ? std::string(torchModuleFileName) : candidates.front();
    for (const std::string &c : candidates)
        if (::access(c.c_str(), F_OK) == 0) {
            path = c;
            break;
        }
    void *handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *why = ::dlerror();
        m.error = prefix + (why ? why : path + ": cannot be loaded");
        if (candidates.size() > 1 && ::access(path.c_str(), F_OK) != 0) {
            m.error += " (looked in";
            for (std::size_t i = 0; i < candidates.size(); ++i)
                m.error += (i ? ", " : " ") + candidates[i];
            m.error += ")";
        }
        return m;
    }
    const auto abi = reinterpret_cast<Abi>(::dlsym(handle, CARBONSCOPE_TORCH_ABI));
    m.make = reinterpret_cast<MakeEngine>(::dlsym(handle, CARBONSCOPE_TORCH_MAKE_ENGINE));
    m.version = reinterpret_cast<Version>(::dlsym(handle, CARBONSCOPE_TORCH_VERSION));
    if (!abi || !m.make || !m.version) {
        m.error = prefix + path + " lacks the entry points " CARBONSCOPE_TORCH_MAKE_ENGINE ", " CARBONSCOPE_TORCH_VERSION
                           " or " CARBONSCOPE_TORCH_ABI;
    } else if (abi() != torchEngineAbi) {
        m.error = prefix + path + " was built for engine interface " + std::to_string(abi()) + ", this program uses "
                  + std::to_string(torchEngineAbi);
    }
    if (!m.error.empty()) {
        m.make = nullptr;
        m.version = nullptr;
    }
    // Never unloaded: engines and the exceptions they throw hold its code.
    return m;
}

const TorchModule &torchModule()
{
    static const TorchModule module = load();
    return module;
}

} // namespace

std::vector<std::string> torchModuleCandidates()
{
    if (const char *env = std::getenv("CARBONSCOPE_TORCH_MODULE"); env && *env)
        return {env};
    std::vector<std::string> c;
    if (const std::string dir = executableDir(); !dir.empty()) {
        c.push_back(dir + "/" + torchModuleFileName);
        c.push_back(dir + "/../lib/carbonscope/" + torchModuleFileName);
    }
#ifdef CARBONSCOPE_TORCH_MODULE_BUILD_PATH
    c.push_back(CARBONSCOPE_TORCH_MODULE_BUILD_PATH);
#endif
    return c;
}

std::string loadTorchModule()
{
    return torchModule().error;
}

std::unique_ptr<InferenceEngine> makeInferenceEngine(const EngineOptions &options)
{
    const TorchModule &m = torchModule();
    if (!m.make)
        throw InputError(m.error);
    return std::unique_ptr<InferenceEngine>(m.make(&options));
}

std::string torchVersion()
{
    const TorchModule &m = torchModule();
    if (!m.version)
        throw InputError(m.error);
    return m.version();
}

} // namespace cs
