// A live session end to end without Torch: a stub engine, a scripted 100 W meter, a threshold policy over four
// intervals, rows written to a project file as they happen and read by a second connection while it runs.
// Nothing asserted depends on this machine's speed: the meter's readings are scripted (not drawn from the clock),
// queued requests never age out and each interval's drain waits as long as it takes.
#include "fake_meter.h"
#include "live_runner.h"
#include "policy_factory.h"
#include "project_store.h"
#include "store_live_sink.h"
#include "stub_engine.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cs;

class TestLiveSession : public QObject
{
    Q_OBJECT

private slots:
    void rowsAreWrittenAsTheyHappen()
    {
        QTemporaryDir dir;
        const std::string db = dir.filePath("live.csdb").toStdString();
        StubEngine engine({"Small", "Big"}, 0.5);
        // Two readings an interval (before and after it): 25 J over 0.25 s each time, 100 W.
        FakeMeter meter({{0, 0}, {0.25, 25}, {1, 100}, {1.25, 125}, {2, 200}, {2.25, 225}, {3, 300}, {3.25, 325}});
        ModelPool pool;
        pool.name = "test pool";
        pool.models = {{"Big", 10.0, 5.0, {}, {}, "test"}, {"Small", 1.0, 10.0, {}, {}, "test"}};
        const PolicyPtr policy = makePolicy("threshold:Big@200,Small"); // Big below 200 g/kWh, Small from 200

        Scenario s;
        s.carbonSource = "test";
        s.intervalSeconds = 3600;
        s.times = {0, 3600, 7200, 10800};
        s.intensity = {100, 400, 150, 300};
        s.requests = {1, 1, 1, 1};
        ReplayFeed feed(s);

        LiveOptions o;
        o.intervalWallSeconds = 0.25;
        o.meanRequestRate = 80; // about 20 requests an interval
        o.server.maxBatch = 4;
        o.server.maxDelayMs = 2;
        o.server.dropAfterMs = 1e9; // never too old, however loaded the machine
        o.drainSeconds = 600;       // an interval's requests are all counted in it
        LiveSessionHeader h;
        h.label = "test session";
        h.device = "stub";
        h.policySpec = policy->spec();
        h.poolName = pool.name;
        h.carbonSource = "test";
        h.intervalSeconds = 3600;

        StoreLiveSink sink(db);
        std::vector<LiveRecord> seen;
        std::vector<std::size_t> rowsVisibleDuring;
        const LiveSummary sum = runLiveSession(engine, meter, feed, *policy, pool, h, o, &sink,
                                               [&](const LiveRecord &r) {
                                                   seen.push_back(r);
                                                   // Another connection, as the GUI would open it.
                                                   ProjectStore reader = ProjectStore::open(
                                                       db, ProjectStore::OpenMode::MustExist);
                                                   const LiveSession ls = reader.loadLiveSession(sink.sessionId());
                                                   rowsVisibleDuring.push_back(ls.intervals.size());
                                                   QVERIFY(ls.info.endedAt.empty()); // still running
                                               });
        QCOMPARE(sum.intervals, 4);
        QCOMPARE(rowsVisibleDuring, (std::vector<std::size_t>{1, 2, 3, 4}));
        const QStringList expected{"Big", "Small", "Big", "Small"};
        for (int i = 0; i < 4; ++i) {
            const LiveRecord &r = seen[static_cast<std::size_t>(i)];
            QCOMPARE(QString::fromStdString(r.model), expected[i]);
            QCOMPARE(r.served + r.dropped, r.arrived);
            QCOMPARE(r.dropped, std::int64_t(0));
            QVERIFY(r.served > 0);
            // The meter's two readings of the interval: 25 J in 0.25 s.
            QCOMPARE(*r.energyJ, 25.0);
            QCOMPARE(*r.meanPowerW, 100.0);
            QCOMPARE(*r.co2G, *r.energyJ / 3.6e6 * r.intensity);
            const double mj = expected[i] == "Big" ? 10.0 : 1.0;
            QVERIFY(qAbs(*r.predictedCo2G - r.served * mj / 1000.0 / 3.6e6 * r.intensity) < 1e-15);
        }
        QCOMPARE(engine.modelsRun, (std::set<int>{0, 1}));
        QCOMPARE(meter.samplesTaken(), 8);

        ProjectStore reader = ProjectStore::open(db, ProjectStore::OpenMode::MustExist);
        const LiveSession ls = reader.loadLiveSession(sink.sessionId());
        QCOMPARE(ls.intervals.size(), std::size_t(4));
        QVERIFY(!ls.info.endedAt.empty());
        QCOMPARE(QString::fromStdString(ls.intervals[1].model), QStringLiteral("Small"));
        QCOMPARE(ls.intervals[1].served, seen[1].served);
        QCOMPARE(*ls.intervals[1].energyJ, *seen[1].energyJ);
        QCOMPARE(ls.intervals[3].intensity, 300.0);
    }
};

QTEST_GUILESS_MAIN(TestLiveSession)
#include "test_engine_live_session.moc"
