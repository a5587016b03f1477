// carbonscope-cli: the headless front end. It links core and the subsystem libraries, never Qt, so it runs on a
// GPU server without Qt.
#include "commands.h"
#include "help_export.h"
#include "io/atomic_file.h"
#include "parse_error.h"

#include "register_optimize_policies.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>
#include <string>

// A command succeeded only when its standard output was written: `carbonscope-cli list ... > /dev/full` fails
// with the OS error and status 2, as coreutils do. A failed command keeps its own status.
static int finishStandardOutput(int status)
{
    const std::string error = cs::finishStandardOutput();
    if (error.empty())
        return status;
    std::fprintf(stderr, "carbonscope-cli: error: standard output: %s\n", error.c_str());
    return 2;
}

// What the user can put right (bad input or options, a file that cannot be written): the message alone, status 2.
static int userError(const std::exception &e)
{
    std::fprintf(stderr, "carbonscope-cli: error: %s\n", e.what());
    return 2;
}

int main(int argc, char **argv)
{
    cs::registerOptimizePolicies(); // optimal:, optimal-split:, online:, forecast, budget: ...
    CLI::App app{"CarbonScope: carbon-intensity-aware model selection for DNN inference", "carbonscope-cli"};
    app.require_subcommand(1);
    cs::cli::addSimulateCommands(app);
    cs::cli::addStoreCommands(app);
    cs::cli::addOptimizeCommands(app);
    cs::cli::addEcoCommands(app);
    cs::cli::addEngineCommands(app);
    cs::cli::addSweepCommands(app);
    cs::cli::addFetchCommands(app);

    // The installed version (cmake/packaging.cmake); the man pages and completion are exported from this app.
    app.set_version_flag("--version", std::string("carbonscope-cli ") + CARBONSCOPE_VERSION,
                         "Print the version and exit");

    try {
        if (const auto status = cs::cli::runHelpExport(app, argc, argv, CARBONSCOPE_VERSION))
            return finishStandardOutput(*status); // hidden: --generate-man DIR, --generate-completion bash|zsh
        app.parse(argc, argv);
    } catch (const CLI::Success &e) {
        return finishStandardOutput(app.exit(e)); // --help: CLI11 printed it to std::cout
    } catch (const CLI::ParseError &e) {
        app.exit(e);
        return 2;
    } catch (const cs::ParseError &e) {
        return userError(e);
    } catch (const cs::InputError &e) {
        return userError(e);
    } catch (const cs::OutputError &e) {
        return userError(e);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "carbonscope-cli: internal error: %s\n", e.what());
        return 1;
    }
    return finishStandardOutput(0);
}
