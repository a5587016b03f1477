#pragma once

namespace CLI { class App; }

namespace cs::cli {

// Each subsystem adds its subcommands to the one CLI11 app. A command's callback throws cs::ParseError or
// cs::InputError for bad input; main() prints it and exits with status 2.
void addSimulateCommands(CLI::App &app); // simulate, compare          (cmd_simulate.cpp)
void addStoreCommands(CLI::App &app);    // import, list, export       (cmd_store.cpp)
void addOptimizeCommands(CLI::App &app); // frontier                   (cmd_optimize.cpp)
void addEcoCommands(CLI::App &app);      // eco                        (cmd_eco.cpp)
void addEngineCommands(CLI::App &app);   // profile, live              (cmd_engine.cpp)
void addSweepCommands(CLI::App &app);    // sweep                      (cmd_sweep.cpp)
void addFetchCommands(CLI::App &app);    // fetch                      (cmd_fetch.cpp)

} // namespace cs::cli
