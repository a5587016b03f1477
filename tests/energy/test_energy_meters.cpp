// Energy meters: the fake meter's arithmetic, RAPL's wrap-around on a fake powercap tree, idle power, and NVML
// on a machine without an NVIDIA driver (a clear notice, no reading, no crash).
#include "fake_meter.h"
#include "idle_power.h"
#include "meter_factory.h"
#include "nvml_meter.h"
#include "parse_error.h"
#include "rapl_meter.h"

#include <QTemporaryDir>
#include <QtTest>

#include <dlfcn.h>

#include <filesystem>
#include <fstream>

using namespace cs;

namespace {
void writeFile(const std::filesystem::path &p, const std::string &text)
{
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
}
bool hasNvml()
{
    void *h = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
    if (h)
        dlclose(h);
    return h != nullptr;
}
} // namespace

class TestEnergyMeters : public QObject
{
    Q_OBJECT

private slots:
    void fakeMeterReplaysItsScript()
    {
        FakeMeter m({{0, 0}, {2, 100}});
        const auto a = m.sample();
        const auto b = m.sample();
        const auto c = m.sample(); // the last reading repeats
        QCOMPARE(*energyBetween(a, b), 100.0);
        QCOMPARE(c->joules, 100.0);
        QCOMPARE(m.samplesTaken(), 3);
        QVERIFY(!energyBetween(a, std::nullopt));
    }

    void constantPowerIsWattsTimesSeconds()
    {
        FakeMeter m(250.0);
        const auto a = m.sample();
        QTest::qWait(20);
        const auto b = m.sample();
        // 250 W over (b.t - a.t) seconds, both readings on the same clock.
        QVERIFY(qAbs((b->joules - a->joules) - 250.0 * (b->seconds - a->seconds)) < 1e-9);
        QVERIFY(b->seconds - a->seconds >= 0.019);
    }

    void wrappedDelta_data()
    {
        QTest::addColumn<qulonglong>("previous");
        QTest::addColumn<qulonglong>("current");
        QTest::addColumn<qulonglong>("range");
        QTest::addColumn<qulonglong>("expected");
        QTest::newRow("no wrap") << 10ull << 30ull << 1000ull << 20ull;
        QTest::newRow("wrapped once") << 900ull << 50ull << 1000ull << 150ull; // 100 to the top, then 50
        QTest::newRow("unchanged") << 7ull << 7ull << 1000ull << 0ull;
    }
    void wrappedDelta()
    {
        QFETCH(qulonglong, previous);
        QFETCH(qulonglong, current);
        QFETCH(qulonglong, range);
        QFETCH(qulonglong, expected);
        QCOMPARE(static_cast<qulonglong>(cs::wrappedDelta(previous, current, range)), expected);
    }

    void raplSumsPackagesAndHandlesWrap()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        writeFile(root / "intel-rapl:0/energy_uj", "1000000");
        writeFile(root / "intel-rapl:0/max_energy_range_uj", "2000000");
        writeFile(root / "intel-rapl:0:0/energy_uj", "999999999"); // a sub-zone: part of package 0, not counted
        writeFile(root / "intel-rapl:0:0/max_energy_range_uj", "2000000000");
        writeFile(root / "intel-rapl:1/energy_uj", "0");
        writeFile(root / "intel-rapl:1/max_energy_range_uj", "2000000000");
        RaplMeter m(root.string());
        QVERIFY(m.available());
        QCOMPARE(m.zoneCount(), 2);
        const auto a = m.sample();
        QCOMPARE(a->joules, 0.0);
        // Package 0 wraps: 1,000,000 -> top (2,000,000) -> 500,000 = 1,500,000 uJ; package 1 adds 2,000,000 uJ.
        writeFile(root / "intel-rapl:0/energy_uj", "500000");
        writeFile(root / "intel-rapl:1/energy_uj", "2000000");
        const auto b = m.sample();
        QCOMPARE(*energyBetween(a, b), 3.5);
    }

    void raplUnreadableSaysSo()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        std::filesystem::create_directories(root / "intel-rapl:0/energy_uj"); // a folder: cannot be read as a number
        writeFile(root / "intel-rapl:0/max_energy_range_uj", "2000000");
        RaplMeter m(root.string());
        QVERIFY(!m.available());
        QVERIFY(m.notice().find("not readable") != std::string::npos);
        QVERIFY(!m.sample());

        RaplMeter none((root / "absent").string());
        QVERIFY(!none.available());
        QVERIFY(none.notice().find("no RAPL zones") != std::string::npos);
    }

    void nvmlWithoutDriverIsUnavailableWithANotice()
    {
        if (hasNvml())
            QSKIP("this machine has libnvidia-ml.so.1; the no-driver case cannot be shown here");
        NvmlMeter m;
        QVERIFY(!m.available());
        QVERIFY(m.notice().find("libnvidia-ml.so.1") != std::string::npos);
        QVERIFY(!m.sample());
        QVERIFY(!m.powerWatts());
        QCOMPARE(QString::fromStdString(m.name()), QStringLiteral("NVML (unavailable)"));
    }

    void factoryNeverInventsAMeter()
    {
        auto none = makeEnergyMeter("none");
        QVERIFY(!none->available());
        QVERIFY(!none->sample());
        QVERIFY_EXCEPTION_THROWN(makeEnergyMeter("watts-guess"), InputError);
        auto any = makeEnergyMeter("auto");
        if (!any->available())
            QVERIFY(any->notice().starts_with("no energy meter on this machine"));
    }

    void idlePowerAndAttribution()
    {
        FakeMeter m({{0, 0}, {2, 100}});
        // The script's times, not the sleep, set the window: 100 J over 2 s.
        QCOMPARE(*measureIdleWatts(m, 0.01), 50.0);
        QCOMPARE(attributedJoules(600, 3, 50.0, IdleMode::Include), 600.0);
        QCOMPARE(attributedJoules(600, 3, 50.0, IdleMode::Subtract), 450.0); // 600 - 50 W x 3 s
        QCOMPARE(attributedJoules(100, 3, 50.0, IdleMode::Subtract), 0.0);   // never below zero
        QCOMPARE(attributedJoules(600, 3, std::nullopt, IdleMode::Subtract), 600.0);
        NoMeter none("nothing here");
        QVERIFY(!measureIdleWatts(none, 0.01));
    }
};

QTEST_GUILESS_MAIN(TestEnergyMeters)
#include "test_energy_meters.moc"
