// profile and live: measure the pool on this machine's device (cmd_engine_profile.cpp), and serve a
// carbon-driven live session (cmd_engine_live.cpp). What both share is in engine_flags.h.
#include "commands.h"

namespace cs::cli {

void addProfileCommand(CLI::App &app); // cmd_engine_profile.cpp
void addLiveCommand(CLI::App &app);    // cmd_engine_live.cpp

void addEngineCommands(CLI::App &app)
{
    addProfileCommand(app);
    addLiveCommand(app);
}

} // namespace cs::cli
