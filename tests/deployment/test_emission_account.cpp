// The load-aware energy model, the parts of a deployment and the decision signal (issue #16), on figures
// worked out by hand in the comments.
#include "deployment/decision_signal.h"
#include "deployment/emission_account.h"
#include "parse_error.h"
#include "policies/heuristic_policy.h"
#include "pool_json.h"

#include <QtTest>

using namespace cs;

namespace {

// Two hours, 100 then 300 gCO2/kWh; 36,000 then 360,000 requests.
Scenario twoHours()
{
    return {.name = "two hours", .intervalSeconds = 3600, .times = {0, 3600}, .intensity = {100, 300},
            .requests = {36'000, 360'000}};
}

// A: idle 100 W, 200 W at 10 req/s, 400 W at its capacity of 40 req/s. B: 400 mJ per inference, no curve.
ModelPool curvedPool()
{
    ModelPool pool;
    pool.name = "curved";
    Model a{"A", 100, 10, {}, {}, "hand"};
    a.loadCurve = LoadCurve{100, {{10, 200}, {40, 400}}};
    pool.models = {a, Model{"B", 400, 5, {}, {}, "hand"}};
    return pool;
}

} // namespace

class TestEmissionAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void curveInterpolatesFromIdle()
    {
        const LoadCurve c{100, {{10, 200}, {40, 400}}};
        QCOMPARE(c.wattsAt(0), 100.0);
        QCOMPARE(c.wattsAt(5), 150.0);        // half-way from (0, 100) to (10, 200)
        QCOMPARE(c.wattsAt(25), 300.0);       // half-way from (10, 200) to (40, 400)
        QCOMPARE(c.wattsAt(90), 400.0);       // beyond capacity: the power at capacity
        QCOMPARE(c.capacityPerS(), 40.0);
    }

    void everyPartByHand()
    {
        // Two GPUs, so 5 and 50 req/s per GPU; 7,200 GPU-seconds an hour.
        // Hour 1: 150 W -> idle 100 W x 7200 s = 0.2 kWh, dynamic 50 W x 7200 s = 0.1 kWh.
        // Hour 2: 50 req/s is beyond 40: 400 W -> idle 0.2 kWh, dynamic 0.6 kWh; (50-40) x 7200 = 72,000 over.
        // Host 50 W: 0.05 kWh an hour. PUE 1.5: overhead 0.5 x (0.35, 0.85) = 0.175, 0.425 kWh.
        // Embodied 10 g per GPU-hour: 20 g an hour.
        const Deployment d{2, 50, 1.5, 10};
        const Scenario s = twoHours();
        const EmissionAccount a = accountEmissions(s, curvedPool(), Assignment{{0}, {0}}, d);
        QCOMPARE(a.basis, EnergyBasis::Mixed); // B has no curve
        QVERIFY(qFuzzyCompare(a.totals.gpuDynamicKwh, 0.7));
        QVERIFY(qFuzzyCompare(a.totals.gpuIdleKwh, 0.4));
        QVERIFY(qFuzzyCompare(a.totals.hostKwh, 0.1));
        QVERIFY(qFuzzyCompare(a.totals.overheadKwh, 0.6));
        QVERIFY(qFuzzyCompare(a.totals.gpuDynamicG, 0.1 * 100 + 0.6 * 300)); // 190
        QVERIFY(qFuzzyCompare(a.totals.gpuIdleG, 80.0));
        QVERIFY(qFuzzyCompare(a.totals.hostG, 20.0));
        QVERIFY(qFuzzyCompare(a.totals.overheadG, 17.5 + 127.5));
        QVERIFY(qFuzzyCompare(a.totals.embodiedG, 40.0));
        QVERIFY(qFuzzyCompare(a.totals.co2G(), 475.0));
        QVERIFY(qFuzzyCompare(a.co2G[0], 0.525 * 100 + 20)); // 72.5
        QVERIFY(qFuzzyCompare(a.co2G[1], 1.275 * 300 + 20)); // 402.5
        QVERIFY(qFuzzyCompare(a.energyKwh[1], 1.275));
        QVERIFY(qFuzzyCompare(a.overCapacityRequests, 72'000.0));
        QCOMPARE(a.overCapacityIntervals, std::size_t(1));
    }

    void splitIntervalSharesTheTime()
    {
        // Hour 1 split: A 3/4 of the time (5,400 GPU-s at 150 W: idle 0.15 kWh, dynamic 0.075 kWh),
        // B the other 9,000 requests x 0.4 J = 3,600 J = 0.001 kWh.
        const Deployment d{2, 0, 1.0, 0};
        Scenario s = twoHours();
        s.times.resize(1), s.intensity.resize(1), s.requests.resize(1);
        const EmissionAccount a = accountEmissions(s, curvedPool(), Assignment{{0, 1, 0.25}}, d);
        QVERIFY(qFuzzyCompare(a.totals.gpuIdleKwh, 0.15));
        QVERIFY(qFuzzyCompare(a.totals.gpuDynamicKwh, 0.075 + 0.001));
        QVERIFY(qFuzzyCompare(a.totals.co2G(), (0.15 + 0.076) * 100));
    }

    void perInferenceMatchesThePaper()
    {
        // Without curves, host, PUE or embodied carbon the account is the paper's: requests x mJ x intensity.
        // Hour 1 on B: 36,000 x 0.4 J = 14,400 J = 0.004 kWh x 100 = 0.4 g; hour 2: 0.04 kWh x 300 = 12 g.
        ModelPool pool = curvedPool();
        pool.models[0].loadCurve.reset();
        const EmissionAccount a = accountEmissions(twoHours(), pool, Assignment{{1}, {1}}, Deployment{});
        QCOMPARE(a.basis, EnergyBasis::PerInference);
        QVERIFY(qFuzzyCompare(a.totals.co2G(), 12.4));
        QCOMPARE(a.totals.gpuIdleKwh, 0.0);
        QVERIFY(qFuzzyCompare(a.totals.co2G(), simulate(twoHours(), pool, Assignment{{1}, {1}}).totals.co2G));
    }

    void outOfRangeIsRefused()
    {
        const Scenario s = twoHours();
        const Assignment both{{0}, {0}};
        QVERIFY_THROWS_EXCEPTION(InputError, accountEmissions(s, curvedPool(), both, Deployment{0, 0, 1, 0}));
        QVERIFY_THROWS_EXCEPTION(InputError, accountEmissions(s, curvedPool(), both, Deployment{1, 0, 0.9, 0}));
        QVERIFY_THROWS_EXCEPTION(InputError, accountEmissions(s, curvedPool(), both, Deployment{1, -1, 1, 0}));
        ModelPool falling = curvedPool();
        falling.models[0].loadCurve = LoadCurve{100, {{10, 200}, {5, 300}}}; // rates must ascend
        QVERIFY_THROWS_EXCEPTION(InputError, accountEmissions(s, falling, both, Deployment{}));
        falling.models[0].loadCurve = LoadCurve{100, {{10, 50}}}; // below idle
        QVERIFY_THROWS_EXCEPTION(InputError, falling.validate());
    }

    void poolJsonKeepsTheCurve()
    {
        const ModelPool pool = curvedPool();
        QCOMPARE(parsePoolJson(poolToJson(pool), "round trip"), pool);
        try {
            parsePoolJson(R"({"models":[{"name":"A","energy_mj":1,"error_pct":1,
                              "load_curve":{"idle_w":80,"points":[[10]]}}]})", "p.json");
            QFAIL("a point without its watts was accepted");
        } catch (const ParseError &e) {
            QVERIFY2(std::string(e.what()).find("[requests per second, watts]") != std::string::npos, e.what());
        }
    }

    void decidingOnTheForecast()
    {
        // Small (100 mJ, 10 %) and Big (300 mJ, 5 %); 1,000 requests an hour. The heuristic (text reading)
        // serves Big at C_low and Small at C_high. Actual 100 then 300, forecast the reverse.
        // On the actual: Big at 100 (300 J -> 300/3.6e6 kWh x 100) + Small at 300 (100 J x 300) = 60000/3.6e6 g.
        // On the forecast: Small at 100 (100 J x 100) + Big at 300 (300 J x 300) = 100000/3.6e6 g.
        ModelPool pool;
        pool.models = {Model{"Small", 100, 10, {}, {}, "hand"}, Model{"Big", 300, 5, {}, {}, "hand"}};
        Scenario s = twoHours();
        s.requests = {1000, 1000};
        s.forecast = {300, 100};
        const HeuristicPolicy heuristic(HeuristicPolicy::Reading::Text, HeuristicPolicy::Range::Whole);
        const SignalComparison c =
            compareDecisionSignals(s, decisionScenario(s, DecisionSignal::Forecast), pool, heuristic);
        QVERIFY(qFuzzyCompare(c.decidedOnActual.totals.co2G, 60000 / 3.6e6));
        QVERIFY(qFuzzyCompare(c.decidedOnSignal.totals.co2G, 100000 / 3.6e6));
        QVERIFY(qFuzzyCompare(c.extraCo2G(), 40000 / 3.6e6));
        s.forecast.clear();
        QVERIFY_THROWS_EXCEPTION(InputError, decisionScenario(s, DecisionSignal::Forecast));
        QVERIFY_THROWS_EXCEPTION(InputError, decisionScenario(s, DecisionSignal::Series, {1.0}, "MOER"));
    }
};

QTEST_GUILESS_MAIN(TestEmissionAccount)
#include "test_emission_account.moc"
