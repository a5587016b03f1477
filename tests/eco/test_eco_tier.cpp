// The eco subscription on a two-interval example worked out by hand.
#include "eco_fixture.h"
#include "eco_sweep.h"
#include "eco_uptake.h"
#include "parse_error.h"

#include <QtTest>

#include <cmath>

using namespace cs;

namespace {

EcoTierDesign handDesign()
{
    EcoTierDesign d;
    d.ecoShare = 0.25;
    d.discount = 0.3;
    d.pricePerRequest = 0.002;
    d.rule = EcoTierDesign::Rule::Threshold;
    d.thresholdGPerKwh = 200;
    d.standardModel = "S";
    d.ecoModel = "E";
    d.carbonPricePerTonne = 100;
    return d;
}

bool near(double a, double b, double rel = 1e-12)
{
    return std::abs(a - b) <= rel * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace

class TestEcoTier : public QObject
{
    Q_OBJECT

private slots:
    void handWorked()
    {
        const EcoTierResult r = evaluateEcoTier(twoHours(), ecoPool(), handDesign());
        // Only hour 2 (300 >= 200) degrades: its eco requests, 0.25 x 7.2e6 = 1.8e6, move from S (150 g) to
        // E (1.8e6 x 0.4 J / 3.6e6 x 300 = 60 g): 90 g saved of 700 g.
        QVERIFY(near(r.baselineCo2G, 700));
        QVERIFY(near(r.co2G, 610));
        QVERIFY(near(r.savedCo2G, 90));
        QCOMPARE(r.degradedIntervals, std::size_t(1));
        // Revenue: 10.8e6 requests x 0.002 = 21,600; the eco quarter's 30 % discount gives up
        // 0.3 x 0.25 x 21,600 = 1,620, i.e. 1,620 / 90e-6 t = 18,000,000 per tonne, far above 100.
        QVERIFY(near(r.revenueFull, 21600));
        QVERIFY(near(r.revenueGivenUp, 1620));
        QVERIFY(near(r.costPerTonne, 18e6));
        QVERIFY(!r.cheaperThanCarbonPrice);
        QVERIFY(near(r.netBenefit, 90e-6 * 100 - 1620));
        // Eco requests: 0.9e6 in hour 1 on S, 1.8e6 in hour 2 on E: 2/3 degraded.
        // Error (0.9e6 x 5 + 1.8e6 x 9) / 2.7e6 = 7.6667 %; latency (0.9e6 x 40 + 1.8e6 x 25) / 2.7e6 = 30 ms.
        QVERIFY(near(r.degradedShare, 2.0 / 3));
        QVERIFY(near(r.standardErrorPct, 5));
        QVERIFY(near(r.ecoErrorPct, 23.0 / 3));
        QVERIFY(r.standardLatencyMs && near(*r.standardLatencyMs, 40));
        QVERIFY(r.ecoLatencyMs && near(*r.ecoLatencyMs, 30));
    }

    void perMonthPricing()
    {
        EcoTierDesign d = handDesign();
        d.pricing = EcoTierDesign::Pricing::PerMonth;
        d.pricePerMonth = 10;
        d.users = 1000;
        const EcoTierResult r = evaluateEcoTier(twoHours(), ecoPool(), d);
        // Two hours are 7,200 s of a 30.4375-day month (2,629,800 s): 10 x 1,000 x 7,200 / 2,629,800 = 27.378;
        // the discount gives up 0.3 x 0.25 of it.
        QVERIFY(near(r.revenueFull, 10.0 * 1000 * 7200 / 2629800));
        QVERIFY(near(r.revenueGivenUp, 0.075 * 10.0 * 1000 * 7200 / 2629800));
        QVERIFY(near(r.savedCo2G, 90)); // pricing does not change what is served
    }

    void heuristicRule()
    {
        // Add an hour at 220 g/kWh. Threshold 250: only 300 degrades. The heuristic on {S, E}: x = (220-100)/200
        // = 0.6, E_sel = 1000 - 0.6 x 600 = 640 mJ, nearer E (400) than S (1000): 220 degrades as well.
        Scenario s = twoHours();
        s.times.push_back(7200);
        s.intensity.push_back(220);
        s.requests.push_back(3.6e6);
        EcoTierDesign d = handDesign();
        d.thresholdGPerKwh = 250;
        QCOMPARE(ecoDegradedIntervals(s, ecoPool(), d), (std::vector<bool>{false, true, false}));
        d.rule = EcoTierDesign::Rule::Heuristic;
        QCOMPARE(ecoDegradedIntervals(s, ecoPool(), d), (std::vector<bool>{false, true, true}));
    }

    void sweepMatchesDirectEvaluation()
    {
        const std::vector<double> shares = evenlySpaced(0, 1, 5), discounts = evenlySpaced(0.1, 0.5, 3);
        QCOMPARE(shares, (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
        const EcoSweep sweep = sweepEcoTier(twoHours(), ecoPool(), handDesign(), shares, discounts);
        QCOMPARE(sweep.results.size(), std::size_t(15));
        for (std::size_t a = 0; a < shares.size(); ++a)
            for (std::size_t b = 0; b < discounts.size(); ++b) {
                EcoTierDesign d = handDesign();
                d.ecoShare = shares[a];
                d.discount = discounts[b];
                const EcoTierResult direct = evaluateEcoTier(twoHours(), ecoPool(), d);
                QVERIFY(near(sweep.at(a, b).savedCo2G, direct.savedCo2G, 1e-9));
                QVERIFY(near(sweep.at(a, b).revenueGivenUp, direct.revenueGivenUp, 1e-9));
            }
        // Saved CO2 is 360 g per unit of share (90 g at 0.25); nothing saved at share 0 costs "infinity".
        QVERIFY(near(sweep.at(4, 0).savedCo2G, 360));
        QVERIFY(std::isinf(sweep.at(0, 1).costPerTonne));
    }

    void badDesignsRefused()
    {
        EcoTierDesign d = handDesign();
        d.ecoShare = 1.5;
        QVERIFY_THROWS_EXCEPTION(cs::InputError, evaluateEcoTier(twoHours(), ecoPool(), d));
        d = handDesign();
        d.ecoModel = "Nope";
        QVERIFY_THROWS_EXCEPTION(cs::InputError, evaluateEcoTier(twoHours(), ecoPool(), d));
        d = handDesign();
        d.discount = -0.1;
        QVERIFY_THROWS_EXCEPTION(cs::InputError, evaluateEcoTier(twoHours(), ecoPool(), d));
    }
    // The users' choice on the hand example. Per eco request: price 21,600 / 10.8e6 = 0.002; CO2 avoided with
    // everyone in the tier 360 g (hour 2: S 600 g -> E 240 g) over 10.8e6 requests = 3.3333e-8 kg; 2/3 of eco
    // requests degraded, each 4 points more error and 15 ms less latency (E 25 ms against S 40 ms). With the most
    // sensitive user valuing a point at 0.0006, the most a user gives up is 2/3 x 4 x 0.0006 = 0.0016 per request.
    void uptakeTermsByHand()
    {
        EcoUptakeModel m;
        m.maxErrorValuePerPoint = 0.0006;
        const EcoUptakeTerms t = ecoUptakeTerms(twoHours(), ecoPool(), handDesign(), m);
        QVERIFY(near(t.pricePerRequest, 0.002, 1e-9));
        QVERIFY(near(t.co2AvoidedKg, 360e-3 / 10.8e6, 1e-9));
        QVERIFY(near(t.degradedShare, 2.0 / 3, 1e-9));
        QVERIFY(near(t.extraErrorPct, 4, 1e-9));
        QVERIFY(near(t.extraLatencyMs, -15, 1e-9));
    }

    void uptakeShareFollowsTheDiscount_data()
    {
        QTest::addColumn<double>("carbonValue");
        QTest::addColumn<double>("latencyValue");
        QTest::addColumn<double>("discount");
        QTest::addColumn<double>("share");
        // Only the discount: share = 0.002 d / 0.0016 = 1.25 d, within 0..1.
        QTest::newRow("free") << 0.0 << 0.0 << 0.0 << 0.0;
        QTest::newRow("20 %") << 0.0 << 0.0 << 0.2 << 0.25;
        QTest::newRow("40 %") << 0.0 << 0.0 << 0.4 << 0.5;
        QTest::newRow("80 %: everyone") << 0.0 << 0.0 << 0.8 << 1.0;
        QTest::newRow("100 %: everyone") << 0.0 << 0.0 << 1.0 << 1.0;
        // Valuing CO2 at 30,000 per kg adds 30,000 x 3.3333e-8 = 0.001 per request: share = 0.625 + 1.25 d.
        QTest::newRow("carbon, free") << 30000.0 << 0.0 << 0.0 << 0.625;
        QTest::newRow("carbon, 20 %") << 30000.0 << 0.0 << 0.2 << 0.875;
        QTest::newRow("carbon, 30 %: everyone") << 30000.0 << 0.0 << 0.3 << 1.0;
        // Valuing latency at 0.00002 per ms, the 15 ms saved on 2/3 of requests add 0.0002: share = 0.125 + 1.25 d.
        QTest::newRow("latency, free") << 0.0 << 0.00002 << 0.0 << 0.125;
        QTest::newRow("latency, 50 %") << 0.0 << 0.00002 << 0.5 << 0.75;
    }

    void uptakeShareFollowsTheDiscount()
    {
        QFETCH(double, carbonValue);
        QFETCH(double, latencyValue);
        QFETCH(double, discount);
        QFETCH(double, share);
        EcoUptakeModel m;
        m.maxErrorValuePerPoint = 0.0006;
        m.latencyValuePerMs = latencyValue;
        m.carbonValuePerKg = carbonValue;
        const EcoUptakeTerms t = ecoUptakeTerms(twoHours(), ecoPool(), handDesign(), m);
        QVERIFY2(near(ecoUptakeShare(t, m, discount), share, 1e-9),
                 qPrintable(QString::number(ecoUptakeShare(t, m, discount), 'g', 17)));
    }

    void uptakeEdges()
    {
        EcoUptakeTerms t;
        t.pricePerRequest = 0.002;
        t.degradedShare = 0.5;
        t.extraErrorPct = 4;
        t.extraLatencyMs = 10; // the eco model is slower
        EcoUptakeModel m;
        m.maxErrorValuePerPoint = 0.0006;
        m.latencyValuePerMs = 0.0001;
        // Latency costs everyone 0.5 x 0.0001 x 10 = 0.0005: below a 25 % discount (0.0005) nobody gains at all.
        QCOMPARE(ecoUptakeShare(t, m, 0.2), 0.0);
        // At 50 %: gain 0.001 - 0.0005 = 0.0005 of the most sensitive user's 0.5 x 4 x 0.0006 = 0.0012.
        QVERIFY(near(ecoUptakeShare(t, m, 0.5), 0.0005 / 0.0012, 1e-9));
        // Nobody minds the error: everyone who gains anything takes the tier.
        m.maxErrorValuePerPoint = 0;
        QCOMPARE(ecoUptakeShare(t, m, 0.2), 0.0);
        QCOMPARE(ecoUptakeShare(t, m, 0.3), 1.0);
    }

    void uptakeCurveEvaluatesEachDiscount()
    {
        EcoUptakeModel m;
        m.maxErrorValuePerPoint = 0.0006;
        const std::vector<EcoTierResult> curve =
            ecoUptakeCurve(twoHours(), ecoPool(), handDesign(), m, {0, 0.2, 0.4, 1.0});
        QCOMPARE(curve.size(), std::size_t(4));
        // Shares 1.25 d: 0, 0.25, 0.5, 1; CO2 saved share x 360 g; revenue given up 21,600 x share x discount.
        const double shares[] = {0, 0.25, 0.5, 1.0}, discounts[] = {0, 0.2, 0.4, 1.0};
        for (int i = 0; i < 4; ++i) {
            QVERIFY(near(curve[i].ecoShare, shares[i], 1e-9));
            QVERIFY(near(curve[i].savedCo2G, 360 * shares[i], 1e-9));
            QVERIFY(near(curve[i].revenueGivenUp, 21600 * shares[i] * discounts[i], 1e-9));
        }
        // One design on its own gives the same as its point on the curve: 40 %, share 0.5, 180 g, 4,320 given up.
        EcoTierDesign d = handDesign();
        d.discount = 0.4;
        const EcoTierResult r = evaluateEcoTierWithUptake(twoHours(), ecoPool(), d, m);
        QVERIFY(near(r.ecoShare, 0.5, 1e-9));
        QVERIFY(near(r.savedCo2G, 180, 1e-9));
        QVERIFY(near(r.revenueGivenUp, 4320, 1e-9));
    }

    void badUptakeModelsRefused()
    {
        EcoUptakeModel m;
        m.carbonValuePerKg = -1;
        QVERIFY_THROWS_EXCEPTION(InputError, ecoUptakeTerms(twoHours(), ecoPool(), handDesign(), m));
        m.carbonValuePerKg = 1;
        m.maxErrorValuePerPoint = std::nan("");
        QVERIFY_THROWS_EXCEPTION(InputError, ecoUptakeTerms(twoHours(), ecoPool(), handDesign(), m));
    }
};

QTEST_APPLESS_MAIN(TestEcoTier)
#include "test_eco_tier.moc"
