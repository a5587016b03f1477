// carbonscope-cli refuses every number outside its documented range with a message naming the option (or the
// file, line and column) and exit status 2; an extreme intensity stops every command cleanly; the edge values
// that are allowed give results worked out by hand.
#include "../cli_run.h"
#include "fixture_files.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using cs::test::writeFixture;

class TestCliRanges : public QObject
{
    Q_OBJECT
    QTemporaryDir mDir;
    QString mCarbon, mBig;

    QString write(const QString &name, const QByteArray &text) { return writeFixture(mDir, name, text); }

private slots:
    void initTestCase()
    {
        // Three half-hours on 2023-06-01 at 100, 200, 400 g/kWh; and the same with 1e305 in the middle.
        mCarbon = write("c.csv", "from,intensity\n2023-06-01T00:00Z,100\n2023-06-01T00:30Z,200\n"
                                 "2023-06-01T01:00Z,400\n");
        mBig = write("big.csv", "from,intensity\n2023-06-01T00:00Z,100\n2023-06-01T00:30Z,1e305\n"
                                "2023-06-01T01:00Z,400\n");
    }

    void extremeIntensityStopsEveryCommand_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("simulate") << QStringList{"simulate", "--json"};
        QTest::newRow("compare") << QStringList{"compare"};
        QTest::newRow("frontier") << QStringList{"frontier", "--points", "3"};
        QTest::newRow("optimize") << QStringList{"optimize", "--policy", "optimal:max-error=7"};
        QTest::newRow("eco") << QStringList{"eco", "--json"};
    }
    void extremeIntensityStopsEveryCommand()
    {
        QFETCH(QStringList, args);
        const Run r = cli(args << "--carbon" << mBig);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("big.csv:3:19: carbon intensity 1e305 in column 'intensity' is above the largest "
                                "allowed, 10000 gCO2/kWh"), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("from-after-to") << QStringList{"simulate", "--from", "2023-06-01T01:00Z", "--to",
                                                      "2023-06-01T00:00Z"}
                                       << "--from 2023-06-01T01:00:00Z comes after --to 2023-06-01T00:00:00Z";
        QTest::newRow("from-equals-to") << QStringList{"simulate", "--from", "2023-06-01T01:00Z", "--to",
                                                       "2023-06-01T01:00Z"}
                                        << "--from 2023-06-01T01:00:00Z is --to 2023-06-01T01:00:00Z";
        QTest::newRow("period-outside") << QStringList{"frontier", "--from", "2024-01-01T00:00Z"}
                                        << "the period --from 2024-01-01T00:00:00Z holds no interval of the data "
                                           "(2023-06-01T00:00:00Z to 2023-06-01T01:30:00Z)";
        QTest::newRow("period-before") << QStringList{"eco", "--to", "2023-05-01T00:00Z"}
                                       << "the period --to 2023-05-01T00:00:00Z holds no interval";
        QTest::newRow("threshold-nan") << QStringList{"simulate", "--policy", "threshold:ResNet152@nan,ResNet50"}
                                       << "'nan' is not an intensity in gCO2/kWh";
        QTest::newRow("threshold-falling")
            << QStringList{"simulate", "--policy", "threshold:ResNet152@300,ResNet101@200,ResNet50"}
            << "the bounds must increase from left to right";
        QTest::newRow("window-0d") << QStringList{"simulate", "--policy", "online:window=0d"}
                                   << "window='0d' is not a duration";
        QTest::newRow("window-tiny") << QStringList{"simulate", "--policy", "online:window=0.1s"}
                                     << "window=0.1s is outside the durations allowed, 1s to 3660d";
        QTest::newRow("window-huge") << QStringList{"simulate", "--policy", "online:window=1e300d"}
                                     << "window=1e300d is outside the durations allowed";
        QTest::newRow("max-error-nan") << QStringList{"simulate", "--policy", "optimal:max-error=nan"}
                                       << "max-error='nan' is not a number >= 0";
        QTest::newRow("max-error-101") << QStringList{"simulate", "--policy", "optimal:max-error=101"}
                                       << "max-error=101 is above the largest allowed, 100";
        QTest::newRow("budget-negative") << QStringList{"simulate", "--policy", "budget:daily=-1"}
                                         << "daily='-1' is not a number >= 0";
        QTest::newRow("slo-policy-inf") << QStringList{"simulate", "--policy", "optimal:max-error=7,slo-ms=inf"}
                                        << "slo-ms='inf' is not a number >= 0";
        QTest::newRow("points-0") << QStringList{"frontier", "--points", "0"} << "--points: Value 0 not in range";
        QTest::newRow("points-negative") << QStringList{"frontier", "--points", "-1"}
                                         << "--points: Value -1 not in range";
        QTest::newRow("slo-nan") << QStringList{"frontier", "--slo-ms", "nan"} << "--slo-ms: nan is not a finite number";
        QTest::newRow("slo-zero") << QStringList{"optimize", "--slo-ms", "0"} << "--slo-ms: 0 must be above 0";
        QTest::newRow("gpus-half") << QStringList{"frontier", "--gpus", "1.5"} << "--gpus: 1.5 is not a whole number";
        QTest::newRow("node-limit-0") << QStringList{"optimize", "--node-limit", "0"}
                                      << "--node-limit: 0 is below the smallest allowed, 1";
        QTest::newRow("price-negative") << QStringList{"eco", "--price-per-request", "-5"}
                                        << "--price-per-request: -5 is below the smallest allowed, 0";
        QTest::newRow("month-price-inf") << QStringList{"eco", "--price-per-month", "inf"}
                                         << "--price-per-month: inf is not a finite number";
        QTest::newRow("discount-above") << QStringList{"eco", "--discount", "1.5"}
                                        << "--discount: 1.5 is above the largest allowed, 1";
        QTest::newRow("share-negative") << QStringList{"eco", "--eco-share", "-0.1"}
                                        << "--eco-share: -0.1 is below the smallest allowed, 0";
        QTest::newRow("users-nan") << QStringList{"eco", "--users", "nan"} << "--users: nan is not a finite number";
        QTest::newRow("carbon-price-text") << QStringList{"eco", "--carbon-price", "cheap"}
                                           << "--carbon-price: 'cheap' is not a number";
        QTest::newRow("error-value-negative") << QStringList{"eco", "--error-value-max", "-1"}
                                              << "--error-value-max: -1 is below the smallest allowed, 0";
        QTest::newRow("rule-nan") << QStringList{"eco", "--rule", "threshold:nan"}
                                  << "--rule 'threshold:nan': the threshold nan is not a finite number";
        QTest::newRow("sweep-share-above") << QStringList{"eco", "--sweep-shares", "0:2:3", "--sweep-discounts",
                                                          "0:1:2"}
                                           << "--sweep-shares '0:2:3': TO 2 is above the largest allowed, 1";
        QTest::newRow("sweep-discount-nan") << QStringList{"eco", "--sweep-shares", "0:1:3", "--sweep-discounts",
                                                           "nan:1:2"}
                                            << "--sweep-discounts 'nan:1:2': FROM nan is not a finite number";
    }
    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Run r = cli(args << "--carbon" << mCarbon);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(expected), qPrintable("got: " + r.err));
        QVERIFY(!r.err.contains("internal error"));
    }

    void importIntervalZeroRefused()
    {
        const Run r = cli({"import", "requests", mCarbon, "--db", mDir.path() + "/p.csdb", "--interval", "0"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("--interval: 0 is below the smallest allowed, 1"), qPrintable(r.err));
        QVERIFY(!QFile::exists(mDir.path() + "/p.csdb"));
    }

    void extraFieldRefusedWithItsColumn()
    {
        const QString carbon = write("extra.csv", "from,intensity\n2023-06-01T00:00Z,100\n2023-06-01T00:30Z,200,9\n");
        const Run r = cli({"simulate", "--carbon", carbon});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("extra.csv:3:23: this row has 3 fields, the header names 2"), qPrintable(r.err));
    }

    void largestIntensityAndZeroRequestsGiveHandResults()
    {
        // 10,000 g/kWh (the largest allowed) then 100 g/kWh, with 0 and 3 requests, ResNet50 (420.62 mJ):
        // CO2 = 0 + 3 x 0.42062 J / 3.6e6 x 100 = 126.186 / 3.6e6 g = 0.0000350516667 g; error 7.138 %; the
        // baseline itself, so extra CO2 0, gain 0 and no efficiency (left out, never null).
        const QString carbon = write("edge.csv", "from,intensity\n2023-06-01T00:00Z,10000\n2023-06-01T00:30Z,100\n");
        const QString requests = write("edge-r.csv", "ds,y\n2023-06-01T00:00Z,0\n2023-06-01T00:30Z,3\n");
        const Run r = cli({"simulate", "--carbon", carbon, "--requests", requests, "--policy", "model:ResNet50",
                           "--json"});
        QCOMPARE(r.status, 0);
        QVERIFY(!r.out.contains("null"));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(std::abs(o["co2_g"].toDouble() - 126.186 / 3.6e6) < 1e-18);
        QVERIFY(std::abs(o["error_pct"].toDouble() - 7.138) < 1e-12);
        QCOMPARE(o["extra_g"].toDouble(), 0.0);
        QCOMPARE(o["requests"].toDouble(), 3.0);
        QVERIFY(!o.contains("efficiency"));
        // One request at 10,000 g/kWh through ResNet50: 0.42062 x 10,000 / 3.6e6 = 0.00116838889 g.
        const QString one = write("one.csv", "from,intensity\n2023-06-01T00:00Z,10000\n2023-06-01T00:30Z,10000\n");
        const Run s = cli({"simulate", "--carbon", one, "--policy", "model:ResNet50", "--from", "2023-06-01T00:00Z",
                           "--to", "2023-06-01T00:30Z", "--json"});
        QCOMPARE(s.status, 0);
        const QJsonObject p = QJsonDocument::fromJson(s.out.toUtf8()).object();
        QCOMPARE(p["intervals"].toInt(), 1);
        QVERIFY(std::abs(p["co2_g"].toDouble() - 0.42062 * 10000 / 3.6e6) < 1e-18);
    }

    void ecoWithNothingSavedLeavesOutCostPerTonne()
    {
        // Every intensity below the 250 g/kWh threshold except 400: with threshold 1000 nothing is degraded, nothing
        // saved, so no cost per tonne (in core: infinity) and no latency (the paper pool has none): never null/inf.
        const Run r = cli({"eco", "--carbon", mCarbon, "--rule", "threshold:1000", "--json"});
        QCOMPARE(r.status, 0);
        QVERIFY2(!r.out.contains("null") && !r.out.contains("inf") && !r.out.contains("nan"), qPrintable(r.out));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o["co2_saved_g"].toDouble(), 0.0);
        QVERIFY(!o.contains("cost_per_tonne"));
        QVERIFY(!o.contains("standard_latency_ms"));
        const Run t = cli({"eco", "--carbon", mCarbon, "--rule", "threshold:1000"});
        QCOMPARE(t.status, 0);
        QVERIFY2(t.out.contains("cost          - per tonne avoided"), qPrintable(t.out));
    }
};

QTEST_GUILESS_MAIN(TestCliRanges)
#include "test_cli_ranges.moc"
