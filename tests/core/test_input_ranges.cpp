// Every number entering core is finite and within its documented range (number_checks.h), refused with a message
// naming the file, line and column or the quantity and interval; the edge values that are allowed give results
// worked out by hand.
#include "error_text.h"
#include "model_pool.h"
#include "number_checks.h"
#include "parse_error.h"
#include "policies/threshold_policy.h"
#include "policy_factory.h"
#include "pool_json.h"
#include "result_export.h"
#include "scenario.h"
#include "simulation.h"
#include "input_csv.h"

#include <QTest>

#include <cmath>
#include <functional>

using namespace cs;

static QString errorOf(const std::function<void()> &run)
{
    return errorText(run);
}

static TimeSeries carbon(const std::string &text)
{
    return test::csvText(text, "c.csv");
}

static TimeSeries requests(const std::string &text)
{
    return test::csvText(text, "r.csv", SeriesKind::Requests);
}

// Two half-hours, one request each, at the given intensities.
static Scenario twoHalfHours(double first, double second)
{
    return {.name = "two",
            .intervalSeconds = 1800,
            .times = {19509LL * 86400, 19509LL * 86400 + 1800}, // 2023-06-01T00:00Z, 00:30Z
            .intensity = {first, second},
            .requests = {1, 1}};
}

class TestInputRanges : public QObject
{
    Q_OBJECT
private slots:
    void csvRefusals_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("isRequests");
        QTest::addColumn<QString>("expected");
        QTest::newRow("intensity-1e305") << "from,intensity\n2023-06-01T00:00Z,100\n2023-06-01T00:30Z,1e305\n" << false
                                         << "c.csv:3:19: carbon intensity 1e305 in column 'intensity' is above the "
                                            "largest allowed, 10000 gCO2/kWh";
        QTest::newRow("intensity-just-above") << "from,intensity\n2023-06-01T00:00Z,10000.001\n" << false
                                              << "c.csv:2:19: carbon intensity 10000.001 in column 'intensity' is above";
        QTest::newRow("intensity-inf") << "from,intensity\n2023-06-01T00:00Z,inf\n" << false
                                       << "c.csv:2:19: expected a number, got \"inf\" for the carbon intensity";
        QTest::newRow("intensity-nan") << "from,intensity\n2023-06-01T00:00Z,nan\n" << false
                                       << "c.csv:2:19: expected a number, got \"nan\" for the carbon intensity";
        QTest::newRow("extra-field") << "from,intensity\n2023-06-01T00:00Z,100,7\n" << false
                                     << "c.csv:2:23: this row has 3 fields, the header names 2";
        QTest::newRow("extra-after-empty") << "from,intensity\n2023-06-01T00:00Z,100,,x\n" << false
                                           << "c.csv:2:23: this row has 4 fields, the header names 2";
        QTest::newRow("requests-above") << "ds,y\n2023-06-01T00:00Z,2e15\n" << true
                                        << "r.csv:2:19: request count 2e15 in column 'y' is above the largest "
                                           "allowed, 1e+15 requests";
        QTest::newRow("requests-negative") << "ds,y\n2023-06-01T00:00Z,-1\n" << true
                                           << "r.csv:2:19: negative request count -1";
    }
    void csvRefusals()
    {
        QFETCH(QString, text);
        QFETCH(bool, isRequests);
        QFETCH(QString, expected);
        const std::string t = text.toStdString();
        const QString error = errorOf([&] { isRequests ? requests(t) : carbon(t); });
        QVERIFY2(error.startsWith(expected), qPrintable("got: " + error));
    }

    void csvEdgeValuesAllowed()
    {
        // Exactly the largest intensity, a trailing empty field (a trailing comma) and a fractional count.
        const TimeSeries c = carbon("from,intensity\n2023-06-01T00:00Z,10000,\n2023-06-01T00:30Z,0\n");
        QCOMPARE(c.values, (std::vector<double>{10000, 0}));
        const TimeSeries r = requests("ds,y\n2023-06-01T00:00Z,0.25\n2023-06-01T00:30Z,1e15\n");
        QCOMPARE(r.values, (std::vector<double>{0.25, 1e15}));
    }

    void largestIntensityGivesHandResult()
    {
        // ResNet50 (420.62 mJ) at 10,000 g/kWh for one request: 0.42062 J / 3.6e6 J/kWh x 10,000 = 0.00116838... g;
        // at 0 g/kWh nothing. With 0 requests in the first interval and 3 in the second at 100 g/kWh:
        // 3 x 0.42062 / 3.6e6 x 100 = 0.0000350516... g, error 7.138 % (weighted by requests: the empty interval
        // weighs nothing).
        const ModelPool pool = paperPool();
        const SimulationResult a = simulate(twoHalfHours(10000, 0), pool, *makePolicy("model:ResNet50"));
        QVERIFY(std::abs(a.totals.co2G - 0.42062 * 10000 / 3.6e6) < 1e-18);
        Scenario s = twoHalfHours(10000, 100);
        s.requests = {0, 3};
        const SimulationResult b = simulate(s, pool, *makePolicy("model:ResNet50"));
        QCOMPARE(b.intervals.co2G[0], 0.0);
        QVERIFY(std::abs(b.totals.co2G - 3 * 0.42062 * 100 / 3.6e6) < 1e-18);
        QVERIFY(std::abs(b.totals.errorPct - 7.138) < 1e-12);
    }

    void scenarioOutOfRangeNamesIntervalAndQuantity()
    {
        const ModelPool pool = paperPool();
        const QString big = errorOf([&] { simulate(twoHalfHours(100, 1e305), pool, *makePolicy("heuristic")); });
        QVERIFY2(big.contains("scenario 'two': intensity (gCO2/kWh) at 2023-06-01T00:30:00Z: 1e+305 is above the "
                              "largest allowed, 10000"), qPrintable(big));
        Scenario s = twoHalfHours(100, 200);
        s.requests = {1, std::nan("")};
        const QString nan = errorOf([&] { simulate(s, pool, *makePolicy("model:ResNet50")); });
        QVERIFY2(nan.contains("request count at 2023-06-01T00:30:00Z: nan is not a finite number"), qPrintable(nan));
    }

    void alignRefusesAStoredTraceOutOfRange()
    {
        // A trace from a project (not through the CSV reader) is checked where traces are aligned.
        TimeSeries c;
        c.source = "stored";
        c.intervalSeconds = 1800;
        c.times = {19509LL * 86400, 19509LL * 86400 + 1800};
        c.values = {100, -5};
        const QString error = errorOf([&] { alignTraces(c, std::nullopt); });
        QVERIFY2(error.contains("carbon trace 'stored': intensity (gCO2/kWh) at 2023-06-01T00:30:00Z: -5 is below "
                                "the smallest allowed, 0"), qPrintable(error));
    }

    void overflowingPoolFigureNamesTheInterval()
    {
        // A pool figure beyond its range (as code may build one) overflows: 1e308 mJ = 2.8e298 kWh per request,
        // times 1e15 requests is beyond double range in the first interval.
        ModelPool pool;
        pool.name = "huge";
        pool.models = {{"H", 1e308, 5, {}, {}, ""}};
        Scenario s = twoHalfHours(100, 10000);
        s.requests = {1e15, 1e15};
        const QString error = errorOf([&] { simulate(s, pool, *makePolicy("model:H")); });
        QVERIFY2(error.contains("at 2023-06-01T00:00:00Z is not a finite number (inf)"), qPrintable(error));
    }

    void poolRanges_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("energy-zero") << R"({"models":[{"name":"A","energy_mj":0,"error_pct":2}]})"
                                     << "pool.json: models[0]: model 'A': energy per inference (mJ) must be above 0";
        QTest::newRow("energy-huge") << R"({"models":[{"name":"A","energy_mj":1e12,"error_pct":2}]})"
                                     << "pool.json: models[0]: model 'A': energy per inference (mJ): 1e+12 is above "
                                        "the largest allowed, 1e+09";
        QTest::newRow("error-101") << R"({"models":[{"name":"A","energy_mj":1,"error_pct":101}]})"
                                   << "pool.json: models[0]: model 'A': error (%): 101 is above the largest allowed, 100";
        QTest::newRow("latency-negative")
            << R"({"models":[{"name":"A","energy_mj":1,"error_pct":2},{"name":"B","energy_mj":1,"error_pct":2,"latency_ms":-1}]})"
            << "pool.json: models[1]: model 'B': latency (ms) must be a number >= 0";
        QTest::newRow("throughput-huge")
            << R"({"models":[{"name":"A","energy_mj":1,"error_pct":2,"throughput_per_s":1e13}]})"
            << "pool.json: models[0]: model 'A': throughput (inferences/s): 1e+13 is above the largest allowed, 1e+12";
    }
    void poolRanges()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        const QString error = errorOf([&] { parsePoolJson(json.toStdString(), "pool.json"); });
        QVERIFY2(error.startsWith(expected), qPrintable("got: " + error));
    }

    void poolEdgesAllowed()
    {
        const ModelPool p = parsePoolJson(
            R"({"models":[{"name":"A","energy_mj":1e9,"error_pct":100,"latency_ms":0,"throughput_per_s":0},)"
            R"({"name":"B","energy_mj":5e-324,"error_pct":0,"latency_ms":86400000}]})",
            "pool.json");
        QCOMPARE(p.at(0).energyMj, 1e9);
        QCOMPARE(p.at(1).errorPct, 0.0);
    }

    void thresholdRefusals_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nan") << "threshold:ResNet152@nan,ResNet50" << "'nan' is not an intensity in gCO2/kWh";
        QTest::newRow("inf") << "threshold:ResNet152@inf,ResNet50" << "'inf' is not an intensity in gCO2/kWh";
        QTest::newRow("above") << "threshold:ResNet152@20000,ResNet50"
                               << "bound 20000 is above the largest intensity allowed, 10000 gCO2/kWh";
        QTest::newRow("falling") << "threshold:ResNet152@300,ResNet101@200,ResNet50"
                                 << "the bounds must increase from left to right";
        QTest::newRow("equal") << "threshold:ResNet152@200,ResNet101@200,ResNet50"
                               << "the bounds must increase from left to right";
    }
    void thresholdRefusals()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        const QString error = errorOf([&] { makePolicy(spec.toStdString()); });
        QVERIFY2(error.contains(expected), qPrintable("got: " + error));
    }

    void thresholdFromCodeChecked()
    {
        const QString error = errorOf([] { ThresholdPolicy({{"A", std::nan("")}, {"B", 0}}); });
        QVERIFY2(error.contains("bound nan is not an intensity from 0 to 10000 gCO2/kWh"), qPrintable(error));
    }

    void outputsRefuseNonFinite()
    {
        QCOMPARE(QString::fromStdString(finiteDecimal(0.5, "x")), QString("0.5"));
        QCOMPARE(errorOf([] { finiteDecimal(INFINITY, "co2_g"); }),
                 QString("co2_g is not a finite number (inf); the inputs overflow double arithmetic"));
        QCOMPARE(QString::fromStdString(formatFinite(std::nan(""), "%.3f", "gain", true)), QString("-"));
        QVERIFY(errorOf([] { formatFinite(std::nan(""), "%.3f", "gain"); }).startsWith("gain is not a finite"));
        QCOMPARE(QString::fromStdString(formatFinite(1.25, "%.3f", "gain")), QString("1.250"));
    }

    void totalsJsonLeavesOutUndefinedFigures()
    {
        // The baseline against itself: no extra CO2, so no efficiency (undefined), and never "null".
        const Scenario s = twoHalfHours(100, 200);
        const ModelPool pool = paperPool();
        const SimulationResult r = simulate(s, pool, *makePolicy("model:ResNet50"));
        const std::string json = totalsJson(r, pool, compareToBaseline(r.totals, r.totals, "ResNet50"));
        QVERIFY(json.find("null") == std::string::npos);
        QVERIFY(json.find("\"efficiency\"") == std::string::npos);
        QVERIFY(json.find("\"rel_gain_pct\":0") != std::string::npos);
    }

    void rangeProblemWords()
    {
        QCOMPARE(QString::fromStdString(rangeProblem(5, 0, 10)), QString());
        QCOMPARE(QString::fromStdString(rangeProblem(-1, 0, 10)), QString("-1 is below the smallest allowed, 0"));
        QCOMPARE(QString::fromStdString(rangeProblem(1e305, 0, 1e4)),
                 QString("1e+305 is above the largest allowed, 10000"));
        QCOMPARE(QString::fromStdString(rangeProblem(-INFINITY, 0, 1)), QString("-inf is not a finite number"));
    }
};

QTEST_GUILESS_MAIN(TestInputRanges)
#include "test_input_ranges.moc"
