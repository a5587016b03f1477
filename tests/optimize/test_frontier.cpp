// The frontier on the project's default scenario: no policy's point below it, its points priced as claimed,
// and the LP never worse than the one-model optimum.
#include "hand_scenario.h"
#include "mckp_solver.h"
#include "pareto_frontier.h"
#include "policy_factory.h"
#include "register_optimize_policies.h"
#include "simulation.h"
#include "trace_file.h"

#include <QtTest>

using namespace cs;

namespace {

using test::defaultScenario;
using test::near;

} // namespace

class TestFrontier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerOptimizePolicies(); }

    void noPolicyBelowTheFrontier_data()
    {
        QTest::addColumn<QString>("pool");
        QTest::newRow("resnets") << "resnets";
        QTest::newRow("paper") << "paper";
    }

    void noPolicyBelowTheFrontier()
    {
        QFETCH(QString, pool);
        const ModelPool p = pool == "paper" ? paperPool() : resnetPool();
        const Scenario s = defaultScenario();
        const TradeoffProblem problem(s, p);
        const ParetoFrontier f(problem);
        const std::vector<FrontierPoint> points = f.points(200, true);
        QVERIFY(points.size() > 50 && points.size() <= 200);

        std::vector<std::string> specs = standardPolicySpecs(p);
        for (const char *extra : {"online:window=7d", "online:window=1d", "heuristic:printed:daily",
                                  "threshold:ResNet152@150,ResNet101@200,ResNet50@250,ResNet34",
                                  "budget:daily=3000", "budget:daily=5000"})
            specs.push_back(extra);
        for (const std::string &spec : specs) {
            const Totals t = simulate(s, p, *makePolicy(spec)).totals;
            // The LP frontier at the policy's own error is at or below its CO2 ...
            const auto lp = f.atError(t.errorPct);
            QVERIFY2(lp, spec.c_str());
            QVERIFY2(lp->co2G <= t.co2G * (1 + 1e-12), spec.c_str());
            // ... and no frontier point is dominated by the policy.
            for (const FrontierPoint &q : points) {
                const bool dominated = t.co2G < q.co2G * (1 - 1e-9) && t.errorPct <= q.errorPct * (1 + 1e-12);
                const bool dominated2 = t.co2G <= q.co2G * (1 + 1e-12) && t.errorPct < q.errorPct * (1 - 1e-9);
                QVERIFY2(!dominated && !dominated2, spec.c_str());
            }
        }
    }

    void pointsPricedByTheSimulator()
    {
        const ModelPool p = resnetPool();
        const Scenario s = defaultScenario();
        const TradeoffProblem problem(s, p);
        const ParetoFrontier f(problem);
        // The ends: everything on ResNet152 (least error) and everything on ResNet34 (least CO2).
        const Totals r152 = simulate(s, p, *makePolicy("model:ResNet152")).totals;
        const Totals r34 = simulate(s, p, *makePolicy("model:ResNet34")).totals;
        QVERIFY(near(f.leastError().co2G, r152.co2G));
        QVERIFY(near(f.leastError().errorPct, 5.954));
        QVERIFY(near(f.leastCo2().co2G, r34.co2G));
        QVERIFY(near(f.leastCo2().errorPct, 8.58));
        for (bool split : {false, true}) {
            const std::vector<FrontierPoint> points = f.points(40, !split);
            double previousCo2 = INFINITY, previousError = -1;
            for (const FrontierPoint &q : points) {
                const Assignment a = f.assignment(q);
                if (!split)
                    for (const Choice &c : a)
                        QVERIFY(c.alt < 0 || c.altShare == 0); // integral: one model per interval
                const Totals t = simulate(s, p, a).totals;
                QVERIFY(near(t.co2G, q.co2G));
                QVERIFY(near(t.errorPct, q.errorPct));
                QVERIFY(q.co2G < previousCo2 && q.errorPct > previousError); // error up, CO2 down
                previousCo2 = q.co2G;
                previousError = q.errorPct;
            }
        }
    }

    void bothBuildsAgree()
    {
        // Without constraints the frontier is built once for the pool's hull and merged by intensity; with
        // constraints, interval by interval with a full sort. A GPU count that binds nowhere (throughput far above
        // any load) takes the second path on the same problem: the two frontiers must be the same.
        ModelPool p = paperPool();
        for (Model &m : p.models)
            m.throughputPerS = 1e12;
        const Scenario s = defaultScenario();
        const TradeoffProblem fast(s, p), slow(s, p, ServiceConstraints{1, 0});
        QVERIFY(!fast.paretoModels().empty());
        QVERIFY(slow.paretoModels().empty());
        const ParetoFrontier a(fast), b(slow);
        QCOMPARE(a.breakpoints(), b.breakpoints());
        const double lo = a.leastError().errorPct, hi = a.leastCo2().errorPct;
        for (int j = 0; j <= 50; ++j) {
            const double cap = lo + (hi - lo) * j / 50.0;
            QVERIFY(near(a.atError(cap)->co2G, b.atError(cap)->co2G, 1e-12));
        }
    }

    void lpNeverWorseThanOneModel()
    {
        const ModelPool p = paperPool();
        const Scenario s = defaultScenario();
        const TradeoffProblem problem(s, p);
        const ParetoFrontier f(problem);
        const double lo = f.leastError().errorPct, hi = f.leastCo2().errorPct;
        for (int j = 1; j < 10; ++j) {
            const double cap = lo + (hi - lo) * j / 10.0;
            const auto lp = f.atError(cap);
            const auto one = solveOneModel(f, {OptimumTarget::MaxError, cap});
            QVERIFY(lp && one);
            QVERIFY(lp->co2G <= one->co2G * (1 + 1e-12));
            QVERIFY(one->lowerBound <= one->co2G);
            QVERIFY(one->lowerBound >= lp->co2G * (1 - 1e-12)); // the bound is at least the LP's
            QVERIFY(one->errorPct <= cap * (1 + 1e-12));
            const Totals t = simulate(s, p, one->assignment).totals;
            QVERIFY(near(t.co2G, one->co2G));
        }
    }
};

QTEST_APPLESS_MAIN(TestFrontier)
#include "test_frontier.moc"
