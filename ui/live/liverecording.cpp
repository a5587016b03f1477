#include "liverecording.h"

#include "parse_error.h"
#ifdef CARBONSCOPE_HAVE_STORE
#include "project_store.h"
#endif

namespace cs {

QVector<RecordedSession> listRecordedSessions(const QString &projectPath)
{
#ifdef CARBONSCOPE_HAVE_STORE
    ProjectStore store = ProjectStore::open(projectPath.toStdString(), ProjectStore::OpenMode::MustExist);
    QVector<RecordedSession> out;
    for (const LiveSessionInfo &i : store.listLiveSessions())
        out.push_back({i.id, QString::fromStdString(i.label), QString::fromStdString(i.device),
                       QString::fromStdString(i.policySpec), QString::fromStdString(i.poolName),
                       QString::fromStdString(i.startedAt), QString::fromStdString(i.endedAt)});
    return out;
#else
    throw InputError(projectPath.toStdString() + ": this build has no project store");
#endif
}

QVector<LiveRow> loadRecordedRows(const QString &projectPath, long long sessionId, long long afterIndex)
{
#ifdef CARBONSCOPE_HAVE_STORE
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
#else
    Q_UNUSED(sessionId);
    Q_UNUSED(afterIndex);
    throw InputError(projectPath.toStdString() + ": this build has no project store");
#endif
}

} // namespace cs
