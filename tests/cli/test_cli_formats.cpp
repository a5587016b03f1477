// Issue 14: simulate's --carbon and --requests read every format `import` reads (detected as `import --format
// auto` does) and projects (*.csdb); the data-quality notes and the alignment's cut-off are said on stderr; a year
// of 5-minute data passes the row cap. Totals worked out by hand from each file's values: ResNet50 uses 0.42062 J
// per inference (the resnets pool), so one request per interval at I gCO2/kWh emits 0.42062 * I / 3.6e6 g.
#include "../cli_run.h"
#include "fixture_files.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using cs::test::writeFixture;

namespace {

const QString importers = QStringLiteral(CARBONSCOPE_SOURCE_DIR "/tests/data/importers/");
constexpr double resnet50J = 0.42062;

QJsonObject totals(const Run &r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(b));
}

} // namespace

class TestCliFormats : public QObject
{
    Q_OBJECT
    QTemporaryDir mDir;

    QStringList simulate(const QString &carbon) const
    {
        return {"simulate", "--carbon", carbon, "--pool", "resnets", "--policy", "model:ResNet50", "--json"};
    }

private Q_SLOTS:
    void ukciJsonByHand()
    {
        // ukci_region11_data_array.json: forecasts 200, 192, 195, 192 (no actual): 779 in all.
        const Run r = cli(simulate(importers + "ukci_region11_data_array.json"));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const QJsonObject o = totals(r);
        QVERIFY2(near(o["co2_g"].toDouble(), resnet50J * 779 / 3.6e6), qPrintable(r.out));
        QCOMPARE(o["intervals"].toInt(), 4);
        QCOMPARE(o["requests"].toDouble(), 4.0);
    }

    void zeroActualIsNotedAndCanTakeTheForecast()
    {
        // Actuals 0, 0, 165, 175 (340) beside forecasts 150, 160, ...: with the choice 150 + 160 + 165 + 175 = 650.
        const QString file = importers + "ukci_national_zero_actual_morning.json";
        const Run asPublished = cli(simulate(file));
        QVERIFY2(asPublished.status == 0, qPrintable(asPublished.err));
        QVERIFY(near(totals(asPublished)["co2_g"].toDouble(), resnet50J * 340 / 3.6e6));
        QVERIFY2(asPublished.err.contains("2 zeros") && asPublished.err.contains("--zero-actual-missing"),
                 qPrintable(asPublished.err));
        const Run taken = cli(simulate(file) << "--zero-actual-missing");
        QVERIFY2(taken.status == 0, qPrintable(taken.err));
        QVERIFY(near(totals(taken)["co2_g"].toDouble(), resnet50J * 650 / 3.6e6));
        QVERIFY2(!taken.err.contains("zeros"), qPrintable(taken.err));
    }

    void requestsCutTheCarbonAndItIsSaid()
    {
        // Carbon 23:30 .. 01:30 (2 h); requests 2 and 3 at 00:00 and 00:30: 192 * 2 + 195 * 3 = 969.
        const QString requests = writeFixture(mDir, "r.csv", "ds,y\n2023-12-31T00:00Z,2\n2023-12-31T00:30Z,3\n");
        const Run r = cli(simulate(importers + "ukci_region11_data_array.json") << "--requests" << requests);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(near(totals(r)["co2_g"].toDouble(), resnet50J * 969 / 3.6e6));
        QVERIFY2(r.err.contains("spans 2023-12-30T23:30:00Z to 2023-12-31T01:30:00Z (2 h); the scenario keeps "
                                "2023-12-31T00:00:00Z to 2023-12-31T01:00:00Z (1 h) where both traces have data, "
                                "1 h left out"),
                 qPrintable(r.err));
    }

    void formatIsNamedOrRefused()
    {
        const QString file = importers + "ukci_region11_data_array.json";
        QCOMPARE(cli(simulate(file) << "--carbon-format" << "ukci").status, 0);
        const Run r = cli(simulate(file) << "--carbon-format" << "nonsense");
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("unknown carbon format \"nonsense\""), qPrintable(r.err));
    }

    void projectSeries()
    {
        // Imported into a project, then read from it: the same 779.
        const QString db = mDir.filePath("p.csdb");
        const Run imported = cli({"import", "carbon", importers + "ukci_region11_data_array.json", "--db", db,
                                  "--name", "sw"});
        QVERIFY2(imported.status == 0, qPrintable(imported.err));
        const Run r = cli(simulate(db));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(near(totals(r)["co2_g"].toDouble(), resnet50J * 779 / 3.6e6));
        const Run missing = cli(simulate(db) << "--carbon-column" << "nope");
        QCOMPARE(missing.status, 2);
        QVERIFY2(missing.err.contains("no carbon series named \"nope\" (\"sw\")"), qPrintable(missing.err));
    }

    void aYearOfFiveMinuteDataIsRead()
    {
        // 366 * 288 = 105,408 five-minute rows of 2024 (a leap year), 100 + i % 7 gCO2/kWh: past the old cap of
        // 100,000. 105,408 = 7 * 15,058 + 2, so the sum is 100 * 105,408 + 21 * 15,058 + (0 + 1)
        // = 10,540,800 + 316,218 + 1 = 10,857,019.
        const long long start = 1704067200; // 2024-01-01T00:00:00Z
        const int rows = 366 * 288;
        QByteArray text = "time,intensity\n";
        for (int i = 0; i < rows; ++i)
            text += QDateTime::fromSecsSinceEpoch(start + 300LL * i, Qt::UTC).toString(Qt::ISODate).toUtf8() + ","
                    + QByteArray::number(100 + i % 7) + "\n";
        const Run r = cli(simulate(writeFixture(mDir, "year5min.csv", text)));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(totals(r)["intervals"].toInt(), rows);
        QVERIFY(near(totals(r)["co2_g"].toDouble(), resnet50J * 10857019.0 / 3.6e6));
    }
};

QTEST_GUILESS_MAIN(TestCliFormats)
#include "test_cli_formats.moc"
