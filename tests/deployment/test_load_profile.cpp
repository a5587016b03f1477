// The load profiler's curve and the prediction of a recorded live session (issue #16), by hand; and one short
// profile through the real batch server with a stub engine and a constant-power meter.
#include "../engine/stub_engine.h"
#include "fake_meter.h"
#include "live_prediction.h"
#include "load_profiler.h"
#include "parse_error.h"

#include <QtTest>

using namespace cs;

class TestLoadProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curveFromLevels()
    {
        // Idle 80 W; capacity 1000/s at 500 W. The 1 % level read 78 W (meter noise below idle: 80 is kept);
        // the 90 % level served 999.5/s, within 0.1 % of capacity: left out so that rates ascend.
        LoadProfile p;
        p.idleWatts = 80;
        p.capacityPerS = 1000;
        p.wattsAtCapacity = 500;
        p.levels = {{0.01, 10, 10, 78, 0}, {0.30, 300, 295, 250, 0}, {0.90, 900, 999.5, 490, 0}};
        const LoadCurve c = p.curve();
        QCOMPARE(c.idleWatts, 80.0);
        QCOMPARE(c.points.size(), std::size_t(3));
        QCOMPARE(c.points[0], (LoadPoint{10, 80}));
        QCOMPARE(c.points[1], (LoadPoint{295, 250}));
        QCOMPARE(c.points[2], (LoadPoint{1000, 500}));
        c.validate("the hand profile"); // a valid curve: no throw
    }

    void predictsARecordedSession()
    {
        // A: idle 100 W, 300 W at its capacity of 100/s. Interval 1: 0.5 s, 25 served -> 50/s -> 200 W ->
        // 100 J at 200 g/kWh. Interval 2: 0.5 s on "A>B" priced as A, 0 served -> idle 100 W -> 50 J at 400.
        // B (no curve, 400 mJ): interval 3, 10 served -> 4 J at 100.
        ModelPool pool;
        Model a{"A", 1, 1, {}, {}, "hand"};
        a.loadCurve = LoadCurve{100, {{100, 300}}};
        pool.models = {a, Model{"B", 400, 1, {}, {}, "hand"}};
        std::vector<LiveRecord> r(3);
        r[0].model = "A", r[0].served = 25, r[0].wallSeconds = 0.5, r[0].intensity = 200;
        r[1].model = "A>B", r[1].served = 0, r[1].wallSeconds = 0.5, r[1].intensity = 400;
        r[2].model = "B", r[2].served = 10, r[2].wallSeconds = 0.5, r[2].intensity = 100;
        const LivePrediction p = predictLiveSession(r, pool);
        QVERIFY(qFuzzyCompare(p.energyJ, 154.0));
        QVERIFY(qFuzzyCompare(p.co2G, (100 * 200 + 50 * 400 + 4 * 100) / 3.6e6));
        r[2].model = "C";
        QVERIFY_THROWS_EXCEPTION(InputError, predictLiveSession(r, pool));
    }

    void profilesThroughTheBatchServer()
    {
        // A stub model taking 2 ms a batch of up to 8 serves at most 4,000/s; a 100 W meter reads 100 W at
        // every load, so every point of the curve is 100 W and capacity is below 4,000/s.
        StubEngine engine({"Stub"}, 2.0);
        FakeMeter meter(100.0);
        LoadProfileOptions o;
        o.levels = {0.1, 0.5};
        o.seconds = 0.3;
        o.settleSeconds = 0.05;
        o.idleSeconds = 0.05;
        o.server.maxBatch = 8;
        o.server.maxDelayMs = 1;
        const LoadProfile p = profileLoad(engine, 0, meter, o);
        QCOMPARE(p.model, std::string("Stub"));
        QVERIFY(qFuzzyCompare(p.idleWatts, 100.0));
        QVERIFY(qFuzzyCompare(p.wattsAtCapacity, 100.0));
        QVERIFY2(p.capacityPerS > 0 && p.capacityPerS <= 4000, qPrintable(QString::number(p.capacityPerS)));
        QCOMPARE(p.levels.size(), std::size_t(2));
        for (const LoadLevel &l : p.levels)
            QVERIFY(qFuzzyCompare(l.watts, 100.0));
        const LoadCurve c = p.curve();
        QVERIFY(!c.empty());
        QCOMPARE(c.capacityPerS(), p.capacityPerS);
    }

    void refusesWithoutAMeter()
    {
        StubEngine engine({"Stub"});
        struct Blind : FakeMeter {
            Blind() : FakeMeter(1.0) {}
            bool available() const override { return false; }
        } blind;
        QVERIFY_THROWS_EXCEPTION(InputError, profileLoad(engine, 0, blind, LoadProfileOptions{}));
    }
};

QTEST_GUILESS_MAIN(TestLoadProfile)
#include "test_load_profile.moc"
