#include "liverecording.h"

#include "parse_error.h"
#include "project_store.h"

namespace cs {

QVector<RecordedSession> listRecordedSessions(const QString &projectPath)
{
    ProjectStore store = ProjectStore::open(projectPath.toStdString(), ProjectStore::OpenMode::MustExist);
    QVector<RecordedSession> out;
    for (const LiveSessionInfo &i : store.listLiveSessions())
        out.push_back({i.id, QString::fromStdString(i.label), QString::fromStdString(i.device),
                       QString::fromStdString(i.policySpec), QString::fromStdString(i.poolName),
                       QString::fromStdString(i.startedAt), QString::fromStdString(i.endedAt)});
    return out;
}

QVector<LiveInterval> loadRecordedRows(const QString &projectPath, long long sessionId, long long afterIndex)
{
    ProjectStore store = ProjectStore::open(projectPath.toStdString(), ProjectStore::OpenMode::MustExist);
    LiveSession s = store.loadLiveSession(sessionId, afterIndex);
    return QVector<LiveInterval>(std::make_move_iterator(s.intervals.begin()), std::make_move_iterator(s.intervals.end()));
}

} // namespace cs
