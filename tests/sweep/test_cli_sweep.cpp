// carbonscope-cli sweep as a user runs it: the hand-worked sweep (hand_sweep.h) from CSV files and a pool JSON,
// every cell in the CSV and JSON outputs, and its refusals (exit 2, nothing written).
#include "../cli_run.h"
#include "fixture_files.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using cs::test::writeFixture;

namespace {

// The same series as hand_sweep.h, as a user's files: A and B, two hours of January and two of February 2024.
const QByteArray seriesA = "time,intensity\n2024-01-31T22:00Z,100\n2024-01-31T23:00Z,300\n"
                           "2024-02-01T00:00Z,200\n2024-02-01T01:00Z,120\n";
const QByteArray seriesB = "time,intensity\n2024-01-31T22:00Z,50\n2024-01-31T23:00Z,250\n"
                           "2024-02-01T00:00Z,400\n2024-02-01T01:00Z,100\n";
const QByteArray pool = R"({"name": "hand", "models": [{"name": "Big", "energy_mj": 720, "error_pct": 5},
    {"name": "Mid", "energy_mj": 360, "error_pct": 6}, {"name": "Small", "energy_mj": 180, "error_pct": 8}]})";

} // namespace

class TestCliSweep : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    QStringList mArgs, mPolicies;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QDir().mkpath(mDir.filePath("zones")));
        writeFixture(mDir, "zones/A_2024_hourly.csv", seriesA);
        writeFixture(mDir, "zones/B_2024_hourly.csv", seriesB);
        mArgs = {"sweep", "--zones-dir", mDir.filePath("zones"), "--pool", writeFixture(mDir, "p.json", pool),
                 "--baseline", "Mid", "--requests-per-interval", "100000"};
        mPolicies = {"--policies", "model:Big; model:Small; threshold:Big@150,Small"};
    }

    void csvHoldsTheHandCells()
    {
        const QString out = mDir.filePath("s.csv");
        const Run r = cli(mArgs + mPolicies + QStringList{"--out", out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("2 series x 2 months x 3 policies"), qPrintable(r.out));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 2 * 2 * 3);
        // A, February, the threshold rule: 4 intervals' worth of figures by hand (hand_sweep.h): baseline 3.2 g
        // at 6 %, 3.4 g at 6.5 %, optimum 2.7 g; saved -0.2 g (-6.25 %); efficiency -8.333 % / 0.2 g; regret 0.7 g.
        const QStringList row = lines[6].split(',');
        QCOMPARE(row.mid(0, 3), (QStringList{"A", "2024-02", "2024-02-01T00:00:00Z"}));
        QCOMPARE(row[3] + "," + row[4], QString("\"threshold:Big@150,Small\""));
        QCOMPARE(row[5], QString("2"));
        QCOMPARE(row[6], QString("200000"));
        auto near = [&](int column, double want) {
            QVERIFY2(std::abs(row[column].toDouble() - want) < 1e-9 * std::max(1.0, std::abs(want)),
                     qPrintable(QString("column %1: %2, expected %3").arg(column).arg(row[column]).arg(want)));
        };
        near(7, 3.2);
        near(8, 6);
        near(9, 3.4);
        near(10, 6.5);
        near(11, 2.7);
        near(12, -0.2);
        near(13, -6.25);
        near(14, (-50.0 / 6) / 0.2);
        near(15, 0.7);
        near(16, 100 * 0.7 / 2.7);
        // B, January, Small: saves 1.5 g; no extra CO2, so the efficiency field is empty.
        const QStringList small = lines[8].split(',');
        QCOMPARE(small.mid(0, 4), (QStringList{"B", "2024-01", "2024-01-01T00:00:00Z", "model:Small"}));
        QCOMPARE(small[13], QString());
    }

    void jsonAndQuarters()
    {
        const Run r = cli(mArgs + mPolicies + QStringList{"--period", "quarter", "--json"});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o["period"].toString(), QString("quarter"));
        QCOMPARE(o["periods"].toArray().size(), 1);
        const QJsonArray rows = o["rows"].toArray();
        QCOMPARE(rows.size(), 2 * 3);
        // A, Q1 2024, threshold: 3.5 + 3.4 g against 4 + 3.2 g.
        QCOMPARE(rows[2].toObject()["series"].toString(), QString("A"));
        QVERIFY(std::abs(rows[2].toObject()["co2_g"].toDouble() - 6.9) < 1e-9);
        QVERIFY(std::abs(rows[2].toObject()["baseline_co2_g"].toDouble() - 7.2) < 1e-9);
        QVERIFY(rows[1].toObject()["efficiency"].isNull()); // Small saves: no efficiency
    }

    void refusals()
    {
        Run r = cli(mArgs + mPolicies + QStringList{"--period", "week"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("--period 'week': month, quarter or year"), qPrintable(r.err));
        r = cli({"sweep", "--zones-dir", mDir.filePath("none")});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("none: cannot read the folder"), qPrintable(r.err));
        r = cli({"sweep"});
        QCOMPARE(r.status, 2);
        r = cli(QStringList{"sweep", "--zones-dir", mDir.filePath("zones"), "--baseline", "Huge"} + mPolicies);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("the baseline model 'Huge' is not in the pool"), qPrintable(r.err));
        // A write that fails: exit 2 with the OS error, and an existing output left as it was.
        r = cli(mArgs + mPolicies + QStringList{"--out", "/dev/full"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("No space left on device"), qPrintable(r.err));
        const QString kept = writeFixture(mDir, "kept.csv", "old\n");
        r = cli(mArgs + QStringList{"--out", kept, "--policies", "model:Nope"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("A, 2024-01: model:Nope"), qPrintable(r.err));
        QFile f(kept);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("old\n"));
    }
};

QTEST_GUILESS_MAIN(TestCliSweep)
#include "test_cli_sweep.moc"
