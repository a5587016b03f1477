#pragma once

#include "model_pool.h"
#include "scenario.h"

#include <string>

namespace CLI { class App; }

namespace cs::cli {

// The options that name a scenario from files: a carbon trace, an optional request trace and a pool.
struct ScenarioOptions
{
    std::string carbon;
    std::string carbonColumn;
    std::string carbonFormat = "auto";
    bool zeroActualIsMissing = false;
    std::string requests;
    std::string requestsColumn;
    std::string requestsFormat = "auto";
    std::string pool = "paper";
    std::string from; // ISO time; empty: the start of the data
    std::string to;   // ISO time, exclusive; empty: the end of the data
};

void addScenarioOptions(CLI::App &command, ScenarioOptions &options);

struct LoadedScenario
{
    Scenario scenario;
    ModelPool pool;
};

// Reads the traces (any format `import` reads, or a project's series: core/importers/trace_file.h) and the pool,
// aligns them, and prints a note on stderr for every gap left out, every part of a trace cut off by the alignment
// and a carbon trace's doubtful values (zeros, runs of repeated values).
// Throws ParseError/InputError for bad input.
LoadedScenario loadScenario(const ScenarioOptions &options);

// The baseline's pool index: the named model, or ResNet50 (the paper's baseline) when none is named.
int resolveBaseline(const ModelPool &pool, const std::string &name);

// Prints the scenario's gaps (intervals left out) on stderr, one line each.
void reportGaps(const Scenario &scenario);

} // namespace cs::cli
