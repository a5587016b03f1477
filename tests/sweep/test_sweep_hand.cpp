// A sweep of 2 series x 2 months x 3 policies worked out by hand (hand_sweep.h): every cell's CO2, error, the
// exact split optimum at the policy's error, CO2 saved, efficiency and regret.
#include "hand_sweep.h"
#include "parse_error.h"
#include "sweep_runner.h"

#include <QtTest>

#include <cmath>

using namespace cs;

class TestSweepHand : public QObject
{
    Q_OBJECT

    SweepResult mResult;

    static void near(double got, double want, const char *what)
    {
        QVERIFY2(std::abs(got - want) <= 1e-9 * std::max(1.0, std::abs(want)),
                 qPrintable(QString("%1: %2, expected %3").arg(what).arg(got, 0, 'g', 17).arg(want, 0, 'g', 17)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        SweepSpec spec{test::handPolicies(), "Mid", SweepPeriod::Month};
        mResult = *runSweep(test::handSweepSeries(), test::handPool(), spec, {1, {}});
    }

    void layout()
    {
        QCOMPARE(mResult.series, (std::vector<std::string>{"A", "B"}));
        QCOMPARE(mResult.periods.size(), std::size_t{2});
        QCOMPARE(mResult.periods[0].label, std::string("2024-01"));
        QCOMPARE(mResult.periods[1].label, std::string("2024-02"));
        QCOMPARE(mResult.cell(0, 0).intervals, std::size_t{2});
        QCOMPARE(mResult.cell(1, 1).intervals, std::size_t{2});
        near(mResult.cell(0, 0).requests, 2e5, "requests A Jan");
    }

    void cells_data()
    {
        QTest::addColumn<int>("series");
        QTest::addColumn<int>("period");
        QTest::addColumn<int>("policy");
        QTest::addColumn<double>("baseline");  // Mid everywhere: sum c / 100
        QTest::addColumn<double>("co2");
        QTest::addColumn<double>("error");
        QTest::addColumn<double>("optimum");   // split optimum at the policy's error, walked by hand
        // A, January (100, 300): baseline 4 g. Big 400/50 = 8 at 5 %, the least error, so the optimum is itself.
        QTest::newRow("A Jan Big") << 0 << 0 << 0 << 4.0 << 8.0 << 5.0 << 8.0;
        QTest::newRow("A Jan Small") << 0 << 0 << 1 << 4.0 << 2.0 << 8.0 << 2.0;
        // Threshold: 100 -> Big 2 g, 300 -> Small 1.5 g; error (5 + 8) / 2. From all-Big (8 g, 5 %), steps by
        // falling rate (g per point): 300 Big->Mid (+0.5 pt, -3 g), 100 Big->Mid (+0.5, -1), then half of 300
        // Mid->Small (rate 300/200 = 1.5 g per point, 0.5 pt): 8 - 3 - 1 - 0.75 = 3.25.
        QTest::newRow("A Jan threshold") << 0 << 0 << 2 << 4.0 << 3.5 << 6.5 << 3.25;
        // A, February (200, 120): baseline 3.2. Threshold: 200 -> Small 1, 120 -> Big 2.4 = 3.4. Optimum from 6.4:
        // 200 Big->Mid -2, 120 Big->Mid -1.2, half of 200 Mid->Small (rate 1) -0.5 = 2.7.
        QTest::newRow("A Feb Big") << 0 << 1 << 0 << 3.2 << 6.4 << 5.0 << 6.4;
        QTest::newRow("A Feb Small") << 0 << 1 << 1 << 3.2 << 1.6 << 8.0 << 1.6;
        QTest::newRow("A Feb threshold") << 0 << 1 << 2 << 3.2 << 3.4 << 6.5 << 2.7;
        // B, January (50, 250): baseline 3. Threshold: 50 -> Big 1, 250 -> Small 1.25 = 2.25. Optimum from 6:
        // 250 Big->Mid (rate 5) -2.5, then 250 Mid->Small (rate 1.25 > 50 Big->Mid's 1, one whole point) -1.25:
        // 2.25, the threshold rule itself.
        QTest::newRow("B Jan Big") << 1 << 0 << 0 << 3.0 << 6.0 << 5.0 << 6.0;
        QTest::newRow("B Jan Small") << 1 << 0 << 1 << 3.0 << 1.5 << 8.0 << 1.5;
        QTest::newRow("B Jan threshold") << 1 << 0 << 2 << 3.0 << 2.25 << 6.5 << 2.25;
        // B, February (400, 100): baseline 5. Threshold: 400 -> Small 2, 100 -> Big 2 = 4. Optimum from 10: 400
        // Big->Mid (rate 8) -4, then a tie at rate 2 (100 Big->Mid, 400 Mid->Small): one point at 2 g = 4.
        QTest::newRow("B Feb Big") << 1 << 1 << 0 << 5.0 << 10.0 << 5.0 << 10.0;
        QTest::newRow("B Feb Small") << 1 << 1 << 1 << 5.0 << 2.5 << 8.0 << 2.5;
        QTest::newRow("B Feb threshold") << 1 << 1 << 2 << 5.0 << 4.0 << 6.5 << 4.0;
    }

    void cells()
    {
        QFETCH(int, series);
        QFETCH(int, period);
        QFETCH(int, policy);
        QFETCH(double, baseline);
        QFETCH(double, co2);
        QFETCH(double, error);
        QFETCH(double, optimum);
        const auto s = static_cast<std::size_t>(series), q = static_cast<std::size_t>(period),
                   p = static_cast<std::size_t>(policy);
        near(mResult.cell(s, q).baselineCo2G, baseline, "baseline CO2");
        near(mResult.cell(s, q).baselineErrorPct, 6, "baseline error");
        near(mResult.value(s, q, p).co2G, co2, "CO2");
        near(mResult.value(s, q, p).errorPct, error, "error");
        near(mResult.value(s, q, p).optimumCo2G, optimum, "optimum");
        near(mResult.metric(SweepMetric::Co2SavedG, s, q, p), baseline - co2, "CO2 saved");
        near(mResult.metric(SweepMetric::Co2SavedPct, s, q, p), 100 * (baseline - co2) / baseline, "CO2 saved %");
        near(mResult.metric(SweepMetric::RegretG, s, q, p), co2 - optimum, "regret g");
        near(mResult.metric(SweepMetric::RegretPct, s, q, p), 100 * (co2 - optimum) / optimum, "regret %");
    }

    void efficiencyByHand()
    {
        // Big: 1 point less error than Mid's 6 = 16.667 % relative gain, for 4 / 3.2 / 3 / 5 g extra.
        near(mResult.metric(SweepMetric::Efficiency, 0, 0, 0), (100.0 / 6) / 4, "A Jan Big");
        near(mResult.metric(SweepMetric::Efficiency, 0, 1, 0), (100.0 / 6) / 3.2, "A Feb Big");
        near(mResult.metric(SweepMetric::Efficiency, 1, 0, 0), (100.0 / 6) / 3, "B Jan Big");
        near(mResult.metric(SweepMetric::Efficiency, 1, 1, 0), (100.0 / 6) / 5, "B Feb Big");
        // The threshold rule in A, February: 0.2 g more than Mid and 0.5 point more error: -8.333 % / 0.2 g.
        near(mResult.metric(SweepMetric::Efficiency, 0, 1, 2), (-50.0 / 6) / 0.2, "A Feb threshold");
        // Less CO2 than the baseline: no extra CO2, so no efficiency.
        QVERIFY(std::isnan(mResult.metric(SweepMetric::Efficiency, 0, 0, 1)));
        QVERIFY(std::isnan(mResult.metric(SweepMetric::Efficiency, 0, 0, 2)));
        QVERIFY(std::isnan(mResult.metric(SweepMetric::Efficiency, 1, 1, 2)));
    }

    void referencePathAgrees()
    {
        // The obvious path (simulate + ParetoFrontier per cell) gives the same hand numbers.
        SweepSpec spec{test::handPolicies(), "Mid", SweepPeriod::Month};
        const SweepResult ref = runSweepReference(test::handSweepSeries(), test::handPool(), spec);
        near(ref.value(0, 0, 2).optimumCo2G, 3.25, "reference A Jan threshold optimum");
        near(ref.value(0, 1, 2).optimumCo2G, 2.7, "reference A Feb threshold optimum");
        near(ref.value(1, 1, 2).optimumCo2G, 4.0, "reference B Feb threshold optimum");
    }

    void quarterJoinsTheMonths()
    {
        // One quarter holds all four intervals of a series: A's threshold is 3.5 + 3.4 g at 6.5 %.
        SweepSpec spec{test::handPolicies(), "Mid", SweepPeriod::Quarter};
        const SweepResult r = *runSweep(test::handSweepSeries(), test::handPool(), spec, {1, {}});
        QCOMPARE(r.periods.size(), std::size_t{1});
        QCOMPARE(r.periods[0].label, std::string("2024-Q1"));
        near(r.value(0, 0, 2).co2G, 6.9, "A Q1 threshold");
        near(r.cell(0, 0).baselineCo2G, 7.2, "A Q1 baseline");
    }

    void refusals()
    {
        SweepSpec spec{test::handPolicies(), "Huge", SweepPeriod::Month};
        QVERIFY_THROWS_EXCEPTION(InputError, runSweep(test::handSweepSeries(), test::handPool(), spec));
        spec = {{"model:Nope"}, "Mid", SweepPeriod::Month};
        try {
            runSweep(test::handSweepSeries(), test::handPool(), spec, {1, {}});
            QFAIL("an unknown model was accepted");
        } catch (const InputError &e) {
            // The first failing cell is named: series A, January, and the policy.
            QVERIFY2(QString(e.what()).contains("A, 2024-01: model:Nope"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestSweepHand)
#include "test_sweep_hand.moc"
