// The profiler's arithmetic on a fake meter with known readings, and the pool it writes.
#include "fake_meter.h"
#include "meter_factory.h"
#include "parse_error.h"
#include "profiler.h"
#include "stub_engine.h"

#include <QtTest>

using namespace cs;

class TestProfiler : public QObject
{
    Q_OBJECT

private slots:
    void energyPerImageFromTheMetersWindow()
    {
        StubEngine engine({"ResNet50"});
        // Readings around the window: 1000 J at t=10 s, 1600 J at t=13 s.
        FakeMeter meter({{10, 1000}, {13, 1600}});
        ProfileOptions o;
        o.fixedBatches = 5;
        o.idleWatts = 50;
        const ProfileRow r = profileModel(engine, 0, 4, meter, o);
        QCOMPARE(r.batches, 5);
        QCOMPARE(r.images, 20);               // 5 batches of 4
        QCOMPARE(*r.joules, 600.0);           // 1600 - 1000
        QCOMPARE(*r.meterSeconds, 3.0);
        QCOMPARE(*r.meanWatts, 200.0);        // 600 J / 3 s
        QCOMPARE(*r.mjPerImage, 30000.0);     // 600 J x 1000 / 20 images
        QCOMPARE(*r.mjPerImageNoIdle, 22500.0); // (600 - 50 W x 3 s) x 1000 / 20
        QCOMPARE(engine.prepared, 1);
        QCOMPARE(engine.batches, 5);
    }

    void noMeterNoEnergy()
    {
        StubEngine engine({"ResNet50"});
        NoMeter meter("no meter in this test");
        ProfileOptions o;
        o.fixedBatches = 2;
        const ProfileRow r = profileModel(engine, 0, 1, meter, o);
        QVERIFY(!r.joules);
        QVERIFY(!r.mjPerImage);
        QCOMPARE(QString::fromStdString(r.meter), QStringLiteral("none"));
        QVERIFY_EXCEPTION_THROWN(poolFromProfile({r}, "p", 1, "fp32", IdleMode::Include), InputError);
    }

    void poolCarriesPublishedErrors()
    {
        ProfileRow b1;
        b1.model = "ResNet50";
        b1.precision = "fp16";
        b1.batch = 1;
        b1.p50Ms = 0.4;
        b1.mjPerImage = 95;
        b1.device = "GPU";
        b1.meter = "m";
        ProfileRow b64 = b1;
        b64.batch = 64;
        b64.p50Ms = 2.5;
        b64.mjPerImage = 24;
        b64.mjPerImageNoIdle = 20;
        b64.imagesPerS = 25000;
        ProfileRow r18 = b64;
        r18.model = "ResNet18";
        r18.mjPerImage = 9;
        r18.mjPerImageNoIdle = 7;
        const ModelPool pool = poolFromProfile({b1, b64, r18}, "H100", 64, "fp16", IdleMode::Include);
        QCOMPARE(pool.size(), 2);
        const Model &m = pool.at(pool.indexOf("ResNet50"));
        QCOMPARE(m.energyMj, 24.0);
        QCOMPARE(*m.latencyMs, 0.4);          // from the batch-1 row
        QCOMPARE(*m.throughputPerS, 25000.0);
        QCOMPARE(m.errorPct, 7.138);          // Jung 2024 Table 1
        QVERIFY(m.source.find("Jung 2024") != std::string::npos);
        const Model &s = pool.at(pool.indexOf("ResNet18"));
        QCOMPARE(s.errorPct, 100.0 - 89.078); // torchvision: acc@5 89.078
        const ModelPool noIdle = poolFromProfile({b1, b64, r18}, "H100", 64, "fp16", IdleMode::Subtract);
        QCOMPARE(noIdle.at(noIdle.indexOf("ResNet50")).energyMj, 20.0);
        QVERIFY_EXCEPTION_THROWN(poolFromProfile({b1}, "p", 64, "fp16", IdleMode::Include), InputError);
    }
};

QTEST_GUILESS_MAIN(TestProfiler)
#include "test_profiler.moc"
