// Live sessions: rows are committed one by one and another connection reads them while the session runs.
#include "store_test_util.h"

#include <QTest>

using namespace cs;

class TestLiveSession : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreVisibleToAnotherConnectionWhileRunning()
    {
        const TempProject project("live.csdb");
        ProjectStore writer = ProjectStore::open(project.file());
        ProjectStore reader = ProjectStore::open(project.file(), ProjectStore::OpenMode::MustExist);
        LiveSessionInfo info;
        info.label = "sw-replay";
        info.device = "CPU";
        info.policySpec = "heuristic";
        info.poolName = "resnets";
        info.intervalSeconds = 1800;
        const long long id = writer.beginLiveSession(info);

        LiveInterval row;
        row.time = T0;
        row.intensity = 357;
        row.model = "ResNet50";
        row.served = 640;
        row.dropped = 2;
        row.energyJ = 28.3;
        row.co2G = 28.3 / 3.6e6 * 357; // J -> kWh x g/kWh
        row.latencyP50Ms = 4.5;
        row.latencyP99Ms = 9.25;
        row.meanPowerW = 141.5;
        // predicted CO2 left empty: not every run has a simulation beside it
        writer.appendLiveInterval(id, row);

        LiveSession seen = reader.loadLiveSession(id);
        QCOMPARE(seen.info.label, std::string("sw-replay"));
        QVERIFY(seen.info.endedAt.empty()); // still running
        QCOMPARE(seen.intervals.size(), std::size_t(1));
        const LiveInterval &r = seen.intervals[0];
        QCOMPARE(r.time, T0);
        QCOMPARE(r.model, std::string("ResNet50"));
        QCOMPARE(r.served, std::int64_t(640));
        QCOMPARE(r.dropped, std::int64_t(2));
        QCOMPARE(*r.energyJ, 28.3);
        QCOMPARE(*r.latencyP99Ms, 9.25);
        QVERIFY(!r.predictedCo2G);

        row.time = T0 + 1800;
        row.model = "ResNet18";
        writer.appendLiveInterval(id, row);
        // A poller asks only for rows after those it has.
        const LiveSession more = reader.loadLiveSession(id, 1);
        QCOMPARE(more.intervals.size(), std::size_t(1));
        QCOMPARE(more.intervals[0].model, std::string("ResNet18"));

        writer.endLiveSession(id);
        QVERIFY(!reader.loadLiveSession(id).info.endedAt.empty());
        QCOMPARE(reader.listLiveSessions().size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestLiveSession)
#include "test_live_session.moc"
