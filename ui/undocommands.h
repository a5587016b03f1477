#pragma once

namespace cs {

// Merge ids of the undo commands, in one place (Tiled's undocommands.h).
enum UndoCommandId {
    CmdChangeModel = 1,
    CmdReplacePool,
    CmdAddRemoveModel,
    CmdChangePolicies,
    CmdChangeTraces,
};

} // namespace cs
