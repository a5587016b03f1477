#pragma once

#include "live_interval.h"

#include <QString>
#include <QVector>

namespace cs {

// A live session recorded in a project file (by `carbonscope-cli live --db` on a GPU server, or by this tab).
struct RecordedSession
{
    long long id = 0;
    QString label;
    QString device;
    QString policy;
    QString pool;
    QString startedAt;
    QString endedAt;     // empty while it still runs
};

// Sessions in a project file, and one session's rows (from `afterIndex` on, for following a running session).
// Throw InputError (the store's StoreError) naming the file and the problem; without a store in this build they
// throw too.
QVector<RecordedSession> listRecordedSessions(const QString &projectPath);
QVector<LiveInterval> loadRecordedRows(const QString &projectPath, long long sessionId, long long afterIndex = 0);

} // namespace cs
