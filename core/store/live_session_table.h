#pragma once

#include "store_types.h"

#include <vector>

namespace cs {

class Database;
class Statement;

// The live_sessions and live_intervals tables of a project (ProjectStore's part for live sessions). A session is
// written as it runs, one committed row per interval, so another connection can follow it.
class LiveSessionTable
{
public:
    explicit LiveSessionTable(Database &db) : mDb(db) {}

    long long begin(const LiveSessionInfo &info);
    // Committed at once (one row, one transaction): another connection sees it while the session runs.
    void append(long long sessionId, const LiveInterval &row);
    void end(long long sessionId);
    std::vector<LiveSessionInfo> list();
    // All rows, or those after index `afterIndex` (0-based count already read), for polling readers.
    LiveSession load(long long sessionId, long long afterIndex);

private:
    // The row readers, in the column orders of infoSelect and load()'s interval query.
    static LiveSessionInfo readInfo(const Statement &s);
    static LiveInterval readInterval(const Statement &s);

    Database &mDb;
};

} // namespace cs
