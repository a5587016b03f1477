// carbonscope-cli simulate/compare with a load-curve pool, a deployment's parts and a decision signal (issue #16),
// every figure worked out by hand in the comments.
#include "../cli_run.h"
#include "fixture_files.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using cs::test::writeFixture;

class TestCliDeployment : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    QString mCarbon, mRequests, mPool;

private Q_SLOTS:
    void initTestCase()
    {
        // Two hours at 100 then 300 gCO2/kWh, 36,000 then 360,000 requests; model A: idle 100 W, 200 W at
        // 10 req/s, 400 W at its capacity of 40 req/s.
        mCarbon = writeFixture(mDir, "c.csv", "datetime,intensity\n2023-06-01T00:00:00Z,100\n"
                                              "2023-06-01T01:00:00Z,300\n");
        mRequests = writeFixture(mDir, "r.csv", "datetime,requests\n2023-06-01T00:00:00Z,36000\n"
                                                "2023-06-01T01:00:00Z,360000\n");
        mPool = writeFixture(mDir, "p.json",
                             R"({"name":"curved","models":[{"name":"A","energy_mj":100,"error_pct":10,)"
                             R"("load_curve":{"idle_w":100,"points":[[10,200],[40,400]]}}]})");
    }

    void everyPartInTheJson()
    {
        // Two GPUs: 5 and 50 req/s per GPU over 7,200 GPU-seconds an hour. Hour 1: 150 W -> idle 0.2 kWh,
        // dynamic 0.1 kWh; hour 2: beyond capacity, 400 W -> idle 0.2, dynamic 0.6 kWh, (50-40) x 7200 = 72,000
        // requests over. Host 50 W: 0.05 kWh an hour; PUE 1.5: 0.175 + 0.425 kWh; embodied 10 g x 2 GPUs x 2 h.
        const Run r = cli({"simulate", "--carbon", mCarbon, "--requests", mRequests, "--pool", mPool, "--baseline", "A",
                           "--policy", "model:A", "--gpus", "2", "--host-watts", "50", "--pue", "1.5",
                           "--embodied-g-per-gpu-hour", "10", "--json"});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject e = o["emissions"].toObject();
        QCOMPARE(e["energy_basis"].toString(), QString("load curves"));
        QVERIFY(qFuzzyCompare(e["gpu_dynamic_g"].toDouble(), 0.1 * 100 + 0.6 * 300));
        QVERIFY(qFuzzyCompare(e["gpu_idle_g"].toDouble(), 0.2 * 100 + 0.2 * 300));
        QVERIFY(qFuzzyCompare(e["host_g"].toDouble(), 0.05 * 100 + 0.05 * 300));
        QVERIFY(qFuzzyCompare(e["overhead_g"].toDouble(), 0.175 * 100 + 0.425 * 300));
        QVERIFY(qFuzzyCompare(e["embodied_g"].toDouble(), 40.0));
        QVERIFY(qFuzzyCompare(e["over_capacity_requests"].toDouble(), 72000.0));
        QVERIFY(qFuzzyCompare(o["co2_g"].toDouble(), 475.0));
        QVERIFY(qFuzzyCompare(o["energy_kwh"].toDouble(), 0.7 + 0.4 + 0.1 + 0.6));
    }

    void partsInTheCompareCsv()
    {
        // One GPU, PUE 1.5: hour 1 at 10 req/s (200 W: idle 0.1, dynamic 0.1 kWh), hour 2 beyond capacity
        // (400 W: idle 0.1, dynamic 0.3 kWh). Dynamic 10 + 90 g, idle 10 + 30 g, overhead 0.5 x (20 + 120) g.
        const QString csv = mDir.filePath("cmp.csv");
        const Run r = cli({"compare", "--carbon", mCarbon, "--requests", mRequests, "--pool", mPool, "--baseline", "A",
                           "--policy", "model:A", "--pue", "1.5", "--csv", csv});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split('\n');
        QCOMPARE(lines[0], QString("policy,co2_g,error_pct,extra_co2_g,rel_gain_pct,efficiency_pct_per_g,baseline,"
                                   "energy_basis,gpu_dynamic_g,gpu_idle_g,host_g,overhead_g,embodied_g"));
        const QStringList cells = lines[1].split(',');
        QVERIFY(qFuzzyCompare(cells[1].toDouble(), 210.0));
        QCOMPARE(cells[7], QString("load curves"));
        QVERIFY(qFuzzyCompare(cells[8].toDouble(), 100.0));
        QVERIFY(qFuzzyCompare(cells[9].toDouble(), 40.0));
        QCOMPARE(cells[10].toDouble(), 0.0);
        QVERIFY(qFuzzyCompare(cells[11].toDouble(), 70.0));
    }

    void decidingOnTheForecast()
    {
        // Small (100 mJ, 10 %) and Big (300 mJ, 5 %), 1,000 requests an hour; the heuristic serves Big at C_low.
        // On the actual (100, 300): 300 J x 100 + 100 J x 300 = 60,000/3.6e6 g; on the forecast (300, 100):
        // 100 J x 100 + 300 J x 300 = 100,000/3.6e6 g.
        const QString carbon = writeFixture(mDir, "fc.csv", "datetime,intensity,forecast\n"
                                                            "2023-06-01T00:00:00Z,100,300\n"
                                                            "2023-06-01T01:00:00Z,300,100\n");
        const QString requests = writeFixture(mDir, "fr.csv", "datetime,requests\n2023-06-01T00:00:00Z,1000\n"
                                                              "2023-06-01T01:00:00Z,1000\n");
        const QString pool = writeFixture(mDir, "two.json",
                                          R"({"name":"two","models":[{"name":"Small","energy_mj":100,"error_pct":10},)"
                                          R"({"name":"Big","energy_mj":300,"error_pct":5}]})");
        const QStringList args{"simulate", "--carbon", carbon, "--requests", requests, "--pool", pool,
                               "--baseline", "Small", "--policy", "heuristic", "--json"};
        const Run r = cli(args + QStringList{"--decide-on", "forecast"});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(qFuzzyCompare(o["co2_g"].toDouble(), 100000 / 3.6e6));
        QVERIFY(qFuzzyCompare(o["co2_g_deciding_on_actual"].toDouble(), 60000 / 3.6e6));
        QCOMPARE(o["decided_on"].toString(), QString("forecast"));
        const Run actual = cli(args);
        QVERIFY(qFuzzyCompare(QJsonDocument::fromJson(actual.out.toUtf8()).object()["co2_g"].toDouble(), 60000 / 3.6e6));
    }

    void profileWritesLoadCurves()
    {
        // A constant 100 W meter: idle is 100 W and so is every point; two levels and capacity give three points,
        // their rates ascending, the last at the measured capacity.
        const QString out = mDir.filePath("profiled.json");
        const Run r = cli({"profile", "--models", "ResNet18", "--device", "cpu", "--meter", "fake:100", "--batch", "8",
                           "--image-size", "32", "--seconds", "0.3", "--idle-seconds", "0", "--load-curve", "10,50",
                           "--out", out});
        if (r.status != 0 && r.err.contains("nothing profiled"))
            QSKIP("the LibTorch engine module is not built here");
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject model = QJsonDocument::fromJson(f.readAll()).object()["models"].toArray()[0].toObject();
        const QJsonObject curve = model["load_curve"].toObject();
        QCOMPARE(curve["idle_w"].toDouble(), 100.0);
        const QJsonArray points = curve["points"].toArray();
        QCOMPARE(points.size(), 3);
        double previous = 0;
        for (const QJsonValue &p : points) {
            QVERIFY(qFuzzyCompare(p.toArray()[1].toDouble(), 100.0));
            QVERIFY(p.toArray()[0].toDouble() > previous);
            previous = p.toArray()[0].toDouble();
        }
    }

    void refusals()
    {
        const QStringList base{"simulate", "--carbon", mCarbon, "--requests", mRequests, "--pool", mPool, "--baseline", "A"};
        Run r = cli(base + QStringList{"--decide-on", "forecast"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("has no forecast column"), qPrintable(r.err));
        r = cli(base + QStringList{"--pue", "0.9"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("--pue"), qPrintable(r.err));
        r = cli(base + QStringList{"--gpus", "0"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("--gpus"), qPrintable(r.err));
        r = cli({"profile", "--models", "ResNet18", "--meter", "fake:100", "--load-curve", "0"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("--load-curve"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliDeployment)
#include "test_cli_deployment.moc"
