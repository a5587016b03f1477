// libFuzzer target: carbonscope-cli's option parser. The real CLI11 app is built as app/cli/main.cpp builds it
// (every command: simulate, compare, import, list, export, scenario, zones, frontier, optimize, eco, profile,
// live), and parses an argv made from the input split on NUL bytes; the commands' run callbacks are kept (they own
// the options' storage) but never run: parsing stops where CLI11 would start them.
// Parsing must end in success or in a CLI11 error, cs::ParseError or cs::InputError (what main() reports with
// status 2); any other exception, a crash or undefined behaviour is a finding.
#include "commands.h"
#include "inference_engine.h"
#include "parse_error.h"
#include "register_optimize_policies.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

// The LibTorch engine is not in this build (no Torch here); its two entry points are only reached from the run
// callbacks, which never run.
std::unique_ptr<cs::InferenceEngine> cs::makeInferenceEngine(const cs::EngineOptions &)
{
    std::abort();
}
std::string cs::torchVersion()
{
    std::abort();
}

namespace {

// Thrown where CLI11 has parsed, validated and checked the requirements of every option and would now run the
// command: a command's work (reading traces, writing files, running models) is not the parser's.
struct ParsedOnly
{
};

// The top-level app; CLI11 calls pre_callback() first in run_callback(), before any subcommand's callback.
class ParseOnlyApp : public CLI::App
{
public:
    using CLI::App::App;
    void pre_callback() override { throw ParsedOnly{}; }
};

std::vector<std::string> argumentsOf(const std::uint8_t *data, std::size_t size)
{
    std::vector<std::string> args{"carbonscope-cli"};
    std::string current;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            args.push_back(current);
            current.clear();
        } else {
            current.push_back(static_cast<char>(data[i]));
        }
    }
    if (size > 0)
        args.push_back(current);
    return args;
}

// Built once per process: building the app's ~150 options costs ~7 ms under ASan, parsing ~0.1 ms. Between inputs
// clear() resets what CLI11 parsed; values left in the options' variables are read only by the run callbacks,
// which never run, so one input's parse does not depend on the previous one (a finding replayed alone, as libFuzzer
// replays it, meets a fresh app anyway).
ParseOnlyApp &cliApp()
{
    static ParseOnlyApp *app = [] {
        cs::registerOptimizePolicies();
        auto *a = new ParseOnlyApp{"CarbonScope (fuzzed)", "carbonscope-cli"};
        a->require_subcommand(1);
        cs::cli::addSimulateCommands(*a);
        cs::cli::addStoreCommands(*a);
        cs::cli::addOptimizeCommands(*a);
        cs::cli::addEcoCommands(*a);
        cs::cli::addEngineCommands(*a);
        return a;
    }();
    return *app;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    std::vector<std::string> args = argumentsOf(data, size);
    std::vector<char *> argv;
    for (std::string &a : args)
        argv.push_back(a.data());

    ParseOnlyApp &app = cliApp();
    app.clear();
    try {
        app.parse(static_cast<int>(argv.size()), argv.data());
    } catch (const ParsedOnly &) {
    } catch (const CLI::Error &) {
    } catch (const cs::ParseError &) {
    } catch (const cs::InputError &) {
    }
    return 0;
}
