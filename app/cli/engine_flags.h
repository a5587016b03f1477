#pragma once
// What profile and live share: the engine's options, TorchScript model specs, idle power, and printing figures
// that may not be measured.
#include "energy_meter.h"
#include "inference_engine.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace CLI { class App; }

namespace cs::cli {

struct EngineFlags
{
    std::string device = "auto";
    std::string meter = "auto";
    bool noGraphs = false;
    bool noFold = false;
    bool noFused = false;
    bool noChannelsLast = false;
    int imageSize = 224;
    double idleSeconds = 2;
    bool excludeIdle = false;
    std::vector<std::string> torchscript; // PATH:NAME:ERROR_PCT
};

void addEngineFlags(CLI::App *command, EngineFlags &flags);
EngineOptions engineOptions(const EngineFlags &flags, Precision precision, std::vector<int> graphSizes);

struct ScriptModel
{
    std::string path, name;
    double errorPct = 0;
};
ScriptModel parseScriptSpec(const std::string &spec);
std::vector<ScriptModel> parseScriptSpecs(const std::vector<std::string> &specs);

// Adds the pool's model `name`: the --torchscript model of that name where one was given (the last), else the
// built-in. Returns its index in the engine.
int addPoolModel(InferenceEngine &engine, const std::string &name, const std::vector<ScriptModel> &scripts);

// "1,64" and "fp32" "fp16" alike: the items of comma-separated lists, empty items dropped.
std::vector<std::string> splitList(const std::vector<std::string> &items);
// The items of such lists as numbers: each whole item a finite number that `fits`, else InputError
// "OPTION: 'ITEM' is not WHAT".
std::vector<double> numberList(const std::vector<std::string> &items, const std::string &option,
                               const std::string &what, const std::function<bool(double)> &fits);

// Idle power measured for `seconds` first (announced on stderr); nothing without a meter or with 0 s.
std::optional<double> idleWatts(EnergyMeter &meter, double seconds);

// A figure for a table ("n/a" where not measured) and for JSON (null where not measured).
std::string opt(const std::optional<double> &v, const char *fmt = "%.2f");
nlohmann::json jsonOpt(const std::optional<double> &v);

} // namespace cs::cli
