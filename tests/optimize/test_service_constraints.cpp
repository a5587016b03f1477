// Service constraints: which models serve an interval, and violations counted, never hidden.
#include "optimal_policy.h"
#include "parse_error.h"
#include "policy_factory.h"
#include "register_optimize_policies.h"
#include "service_constraints.h"
#include "simulation.h"

#include <QtTest>

using namespace cs;

namespace {

// Test figures, not measurements: A 1000 mJ, 5 %, 50 ms, 100/s per GPU; B 500 mJ, 10 %, 20 ms, 400/s.
// Over one hour on one GPU A serves 360,000 requests and B 1,440,000.
ModelPool servicePool()
{
    return {.name = "service",
            .models = {{"A", 1000, 5, 50.0, 100.0, "test"}, {"B", 500, 10, 20.0, 400.0, "test"}}};
}

// 100,000 requests (both serve), 1,000,000 (only B), 2,000,000 (neither).
Scenario serviceScenario()
{
    return {.name = "service", .intervalSeconds = 3600, .times = {0, 3600, 7200}, .intensity = {200, 200, 200},
            .requests = {1e5, 1e6, 2e6}};
}

} // namespace

class TestServiceConstraints : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerOptimizePolicies(); }

    void feasibleSets()
    {
        const FeasibleModels f = feasibleModels(serviceScenario(), servicePool(), {1, 0});
        QCOMPARE(f.models[0], (std::vector<int>{0, 1}));
        QCOMPARE(f.models[1], (std::vector<int>{1}));
        QCOMPARE(f.models[2], (std::vector<int>{1})); // none serves: B, the largest capacity, stands in
        QCOMPARE(f.unservable, (std::vector<bool>{false, false, true}));
        // A 30 ms SLO leaves B alone everywhere; 4 GPUs let A serve up to 1,440,000.
        QCOMPARE(feasibleModels(serviceScenario(), servicePool(), {0, 30}).models[0], (std::vector<int>{1}));
        QCOMPARE(feasibleModels(serviceScenario(), servicePool(), {4, 0}).models[1], (std::vector<int>{0, 1}));
    }

    void violationsCounted()
    {
        const Scenario s = serviceScenario();
        const ModelPool p = servicePool();
        // model:A alone: intervals 2 and 3 exceed A's 360,000 per hour.
        const ServiceReport raw = checkService(s, p, makePolicy("model:A")->assign(s, p), {1, 0});
        QCOMPARE(raw.throughputViolations, std::size_t(2));
        QCOMPARE(raw.violatingIntervals, std::size_t(2));
        QCOMPARE(raw.violatingRequests, 3e6);
        QCOMPARE(raw.unservableIntervals, std::size_t(1));
        // Kept to serving models: B takes intervals 2 and 3; interval 3 (2e6 > 1.44e6) still violates.
        const Assignment kept = makePolicy("service:gpus=1,policy=model:A")->assign(s, p);
        QCOMPARE(kept[0].model, 0);
        QCOMPARE(kept[1].model, 1);
        QCOMPARE(kept[2].model, 1);
        const ServiceReport after = checkService(s, p, kept, {1, 0});
        QCOMPARE(after.violatingIntervals, std::size_t(1));
        QCOMPARE(after.violatingRequests, 2e6);
        // Latency: A misses a 30 ms SLO in all three intervals; within it, B serves all.
        QCOMPARE(checkService(s, p, makePolicy("model:A")->assign(s, p), {0, 30}).latencyViolations, std::size_t(3));
        const Assignment fast = makePolicy("service:slo-ms=30,policy=model:A")->assign(s, p);
        QCOMPARE(checkService(s, p, fast, {0, 30}).violatingIntervals, std::size_t(0));
    }

    void splitSharesTheGpus()
    {
        const Scenario s = serviceScenario();
        const ModelPool p = servicePool();
        // Interval 1 split half A, half B: GPU time 50,000/360,000 + 50,000/1,440,000 = 0.17 of the hour: fine.
        // Interval 2 split the same way: 500,000/360,000 alone is 1.39 hours: a violation.
        Assignment a{{0, 1, 0.5}, {0, 1, 0.5}, {1}};
        const ServiceReport r = checkService(s, p, a, {1, 0});
        QCOMPARE(r.throughputViolations, std::size_t(2)); // interval 2, and interval 3 as before
    }

    void optimumKeepsToServingModels()
    {
        const Scenario s = serviceScenario();
        const ModelPool p = servicePool();
        // The least-error optimum would put A everywhere; with one GPU only interval 1 may have A.
        const Assignment a = makePolicy("optimal-split:max-error=100,gpus=1")->assign(s, p);
        QCOMPARE(a[1].model, 1);
        QCOMPARE(a[2].model, 1);
        // With 4 GPUs A serves 1,440,000: intervals 1 and 2 may have A, interval 3 only B (5,760,000).
        // The least error is then (1e5 x 5 + 1e6 x 5 + 2e6 x 10) / 3.1e6 = 8.2258 %; moving interval 1 to B
        // adds 1e5 x 5 / 3.1e6 = 0.161, above a cap of 8.25: the optimum is A, A, B.
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("optimal:max-error=5,gpus=4")->assign(s, p));
        const Assignment best = makePolicy("optimal:max-error=8.25,gpus=4")->assign(s, p);
        QCOMPARE(best[0].model, 0);
        QCOMPARE(best[1].model, 0);
        QCOMPARE(best[2].model, 1);
        QVERIFY(qAbs(simulate(s, p, best).totals.errorPct - 25.5e6 / 3.1e6) < 1e-12);
        QCOMPARE(checkService(s, p, best, {4, 0}).violatingIntervals, std::size_t(0));
    }

    void missingFiguresRefused()
    {
        // The paper's pool has no latency or throughput: a constraint on it would check nothing.
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("optimal:max-error=8,gpus=2")->assign(serviceScenario(), paperPool()));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("service:policy=heuristic"));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("service:gpus=2"));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("optimal:max-error=8,gpus=1.5"));
    }
};

QTEST_APPLESS_MAIN(TestServiceConstraints)
#include "test_service_constraints.moc"
