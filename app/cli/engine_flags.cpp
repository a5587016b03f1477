#include "engine_flags.h"

#include "idle_power.h"
#include "number_parse.h"
#include "option_checks.h"
#include "parse_error.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <sstream>

namespace cs::cli {

void addEngineFlags(CLI::App *c, EngineFlags &f)
{
    c->add_option("--device", f.device, "auto (CUDA where available, else CPU), cuda or cpu")->capture_default_str();
    c->add_option("--meter", f.meter, "Energy meter: auto, nvml, rapl, none, or fake:WATTS (a constant power: made-up figures, for tests)")->capture_default_str();
    c->add_flag("--no-graphs", f.noGraphs, "Run eagerly instead of replaying CUDA graphs");
    c->add_flag("--no-fold", f.noFold, "Keep batch-norm apart from the convolutions");
    c->add_flag("--no-fused", f.noFused, "Do not use cuDNN's fused conv+bias+ReLU kernels");
    c->add_flag("--no-channels-last", f.noChannelsLast, "Keep NCHW memory layout");
    c->add_option("--image-size", f.imageSize, "Synthetic input size (pixels a side)")
        ->check(wholeIn(8, 4096))
        ->capture_default_str();
    c->add_option("--idle-seconds", f.idleSeconds, "Measure idle power this long first (0: do not)")
        ->check(finiteIn(0, 3600))
        ->capture_default_str();
    c->add_flag("--exclude-idle", f.excludeIdle, "Energy per inference without idle power (default: with it)");
    c->add_option("--torchscript", f.torchscript, "Add a TorchScript model: PATH:NAME:TOP5_ERROR_PCT");
}

EngineOptions engineOptions(const EngineFlags &f, Precision p, std::vector<int> graphSizes)
{
    EngineOptions o;
    o.device = f.device;
    o.precision = p;
    o.cudaGraphs = !f.noGraphs;
    o.foldBatchNorm = !f.noFold;
    o.fusedConv = !f.noFused;
    o.channelsLast = !f.noChannelsLast;
    o.imageSize = f.imageSize;
    o.graphBatchSizes = std::move(graphSizes);
    return o;
}

ScriptModel parseScriptSpec(const std::string &spec)
{
    const auto b = spec.rfind(':');
    const auto a = b == std::string::npos ? std::string::npos : spec.rfind(':', b - 1);
    if (a == std::string::npos || a == 0 || b == a + 1)
        throw InputError("--torchscript '" + spec + "': expected PATH:NAME:TOP5_ERROR_PCT");
    ScriptModel m{spec.substr(0, a), spec.substr(a + 1, b - a - 1), 0};
    try {
        m.errorPct = std::stod(spec.substr(b + 1));
    } catch (const std::exception &) {
        throw InputError("--torchscript '" + spec + "': the error figure is not a number");
    }
    return m;
}

std::vector<ScriptModel> parseScriptSpecs(const std::vector<std::string> &specs)
{
    std::vector<ScriptModel> out;
    for (const std::string &s : specs)
        out.push_back(parseScriptSpec(s));
    return out;
}

int addPoolModel(InferenceEngine &engine, const std::string &name, const std::vector<ScriptModel> &scripts)
{
    for (auto s = scripts.rbegin(); s != scripts.rend(); ++s)
        if (s->name == name)
            return engine.addTorchScript(s->path, s->name);
    return engine.addBuiltin(name);
}

std::vector<std::string> splitList(const std::vector<std::string> &items)
{
    std::vector<std::string> out;
    for (const std::string &item : items) {
        std::stringstream ss(item);
        for (std::string s; std::getline(ss, s, ',');)
            if (!s.empty())
                out.push_back(s);
    }
    return out;
}

std::vector<double> numberList(const std::vector<std::string> &items, const std::string &option,
                               const std::string &what, const std::function<bool(double)> &fits)
{
    std::vector<double> out;
    for (const std::string &item : splitList(items)) {
        const std::optional<double> v = parseNumber(item);
        if (!v || !std::isfinite(*v) || !fits(*v))
            throw InputError(option + ": '" + item + "' is not " + what);
        out.push_back(*v);
    }
    return out;
}

std::optional<double> idleWatts(EnergyMeter &meter, double seconds)
{
    if (seconds <= 0 || !meter.available())
        return std::nullopt;
    std::fprintf(stderr, "measuring idle power for %.1f s...\n", seconds);
    return measureIdleWatts(meter, seconds);
}

std::string opt(const std::optional<double> &v, const char *fmt)
{
    if (!v)
        return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, *v);
    return buf;
}

nlohmann::json jsonOpt(const std::optional<double> &v)
{
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

} // namespace cs::cli
