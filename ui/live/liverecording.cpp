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

QVector<LiveRow> loadRecordedRows(const QString &projectPath, long long sessionId, long long afterIndex)
{
    ProjectStore store = ProjectStore::open(projectPath.toStdString(), ProjectStore::OpenMode::MustExist);
    const LiveSession s = store.loadLiveSession(sessionId, afterIndex);
    QVector<LiveRow> out;
    for (const LiveInterval &r : s.intervals) {
        LiveRow row;
        row.time = r.time;
        row.intensity = r.intensity;
        row.model = QString::fromStdString(r.model);
        row.served = r.served;
        row.dropped = r.dropped;
        row.energyJ = r.energyJ;
        row.co2G = r.co2G;
        row.predictedCo2G = r.predictedCo2G;
        row.powerW = r.meanPowerW;
        row.p50Ms = r.latencyP50Ms;
        row.p99Ms = r.latencyP99Ms;
        out.push_back(row);
    }
    return out;
}

} // namespace cs
