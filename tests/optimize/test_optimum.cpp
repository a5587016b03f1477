// The hindsight optima against a hand-worked case and against brute force over every assignment.
#include "hand_scenario.h"
#include "mckp_solver.h"
#include "optimal_policy.h"
#include "parse_error.h"
#include "pareto_frontier.h"
#include "policy_factory.h"
#include "register_optimize_policies.h"
#include "simulation.h"
#include "trace_file.h"

#include <QtTest>

#include <cmath>

using namespace cs;

namespace {

// Two models: A 1000 mJ at 5 % error, B 500 mJ at 10 %. Two intervals of 3.6e6 requests at 100 and 300 g/kWh.
// CO2 = requests x J / 3.6e6 x intensity = intensity x J: A1 = 100 g, B1 = 50 g, A2 = 300 g, B2 = 150 g.
// Each interval holds half of the requests: A adds 2.5 error points, B adds 5.
Scenario handScenario()
{
    return {.name = "hand", .intervalSeconds = 3600, .times = {0, 3600}, .intensity = {100, 300},
            .requests = {3.6e6, 3.6e6}};
}

ModelPool handPool()
{
    return {.name = "hand", .models = {{"A", 1000, 5, {}, {}, "test"}, {"B", 500, 10, {}, {}, "test"}}};
}

// A slice of the project's real default scenario (South West England, June 2023; Wikipedia requests).
Scenario realSlice(std::size_t first, std::size_t count)
{
    const Scenario all = test::defaultScenario();
    Scenario s;
    s.name = "slice";
    s.intervalSeconds = all.intervalSeconds;
    for (std::size_t i = first; i < first + count && i < all.size(); ++i) {
        s.times.push_back(all.times[i]);
        s.intensity.push_back(all.intensity[i]);
        s.requests.push_back(all.requests[i]);
    }
    return s;
}

// Brute force: the least `minimised` figure among the assignments whose `capped` figure is within `cap`.
double leastWithin(const std::vector<Totals> &all, double Totals::*capped, double cap, double Totals::*minimised)
{
    double least = INFINITY;
    for (const Totals &t : all)
        if (t.*capped <= cap)
            least = std::min(least, t.*minimised);
    return least;
}

// The next one-model assignment in odometer order (interval 0 turns fastest); false after the last.
bool nextPick(std::vector<int> &pick, int poolSize)
{
    std::size_t i = 0;
    while (i < pick.size() && ++pick[i] == poolSize)
        pick[i++] = 0;
    return i < pick.size();
}

// Every one-model assignment's totals (pool^n of them), by the simulator, which shares no code with the solver.
std::vector<Totals> enumerateAll(const Scenario &s, const ModelPool &pool)
{
    std::vector<Totals> out;
    const std::size_t n = s.size();
    std::vector<int> pick(n, 0);
    while (true) {
        Assignment a(n);
        for (std::size_t i = 0; i < n; ++i)
            a[i].model = pick[i];
        out.push_back(simulate(s, pool, a).totals);
        if (!nextPick(pick, pool.size()))
            break;
    }
    return out;
}

// The LP's optimum by brute force: an optimal vertex has at most one interval split, so enumerate every
// one-model assignment of the others, every split interval and pair of models, and solve the one share that
// meets the error cap exactly (or take no split).
double bruteForceSplitCo2(const Scenario &s, const ModelPool &pool, double maxError)
{
    double best = leastWithin(enumerateAll(s, pool), &Totals::errorPct, maxError + 1e-12, &Totals::co2G);
    const std::size_t n = s.size();
    std::vector<int> pick(n, 0);
    while (true) {
        for (std::size_t j = 0; j < n; ++j) {
            for (int b = 0; b < pool.size(); ++b) {
                if (b == pick[j])
                    continue;
                Assignment a(n);
                for (std::size_t i = 0; i < n; ++i)
                    a[i].model = pick[i];
                const Totals t0 = simulate(s, pool, a).totals;
                a[j].alt = b;
                a[j].altShare = 1.0;
                const Totals t1 = simulate(s, pool, a).totals;
                // Error and CO2 are linear in the share: pick the share that meets the cap.
                if (t1.errorPct == t0.errorPct)
                    continue;
                const double share = (maxError - t0.errorPct) / (t1.errorPct - t0.errorPct);
                if (share <= 0 || share >= 1)
                    continue;
                best = std::min(best, t0.co2G + share * (t1.co2G - t0.co2G));
            }
        }
        if (!nextPick(pick, pool.size()))
            break;
    }
    return best;
}

using test::near;

} // namespace

class TestOptimum : public QObject
{
    Q_OBJECT

private slots:
    void handWorkedSplitByError()
    {
        const Scenario s = handScenario();
        const ModelPool p = handPool();
        const TradeoffProblem problem(s, p);
        const ParetoFrontier f(problem);
        // Least error: both on A, 5 %, 400 g. Degrading interval 2 saves 150 g per 2.5 points (rate 60),
        // interval 1 saves 50 g per 2.5 points (rate 20): interval 2 goes first. A cap of 6.25 % takes half of
        // it: 400 - 75 = 325 g, interval 2 split 50/50 between A and B.
        const auto p625 = f.atError(6.25);
        QVERIFY(p625);
        QVERIFY(near(p625->co2G, 325));
        const Assignment a = f.assignment(*p625);
        QCOMPARE(a[0].model, 0);
        QCOMPARE(a[1].model, 0);
        QCOMPARE(a[1].alt, 1);
        QVERIFY(near(a[1].altShare, 0.5));
        // The simulator prices that split at 325 g and 6.25 %.
        const Totals t = simulate(s, p, a).totals;
        QVERIFY(near(t.co2G, 325));
        QVERIFY(near(t.errorPct, 6.25));
        // Below the least error nothing can meet the cap.
        QVERIFY(!f.atError(4.9));
    }

    void handWorkedSplitByCo2()
    {
        const TradeoffProblem problem(handScenario(), handPool());
        const ParetoFrontier f(problem);
        // From all-B (200 g, 10 %) upgrading interval 1 costs 50 g per 2.5 points, interval 2 costs 150 g: with
        // 300 g, interval 1 goes to A (250 g, 7.5 %) and a third of interval 2 follows (50 of 150 g):
        // error 7.5 - 2.5/3 = 6.6667 %.
        const auto p = f.atCo2(300);
        QVERIFY(p);
        QVERIFY(near(p->co2G, 300));
        QVERIFY(near(p->errorPct, 7.5 - 2.5 / 3));
        QVERIFY(!f.atCo2(199));
    }

    void handWorkedOneModel()
    {
        const TradeoffProblem problem(handScenario(), handPool());
        const ParetoFrontier f(problem);
        // One model each: (A,A) 400 g 5 %, (A,B) 250 g 7.5 %, (B,A) 350 g 7.5 %, (B,B) 200 g 10 %.
        const auto e = solveOneModel(f, {OptimumTarget::MaxError, 6.25});
        QVERIFY(e && e->proven);
        QVERIFY(near(e->co2G, 400));
        const auto e2 = solveOneModel(f, {OptimumTarget::MaxError, 9.99});
        QVERIFY(e2 && e2->proven);
        QVERIFY(near(e2->co2G, 250));
        QCOMPARE(e2->assignment[1].model, 1);
        const auto c = solveOneModel(f, {OptimumTarget::MaxCo2, 300});
        QVERIFY(c && c->proven);
        QVERIFY(near(c->errorPct, 7.5));
        QVERIFY(near(c->co2G, 250));
    }

    void bruteForce_data()
    {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("pool");
        QTest::addColumn<double>("position"); // where the cap lies between the two ends of the frontier
        // Real hours of June 2023 (night, morning, evening); 7 intervals x 4 ResNets = 16,384 assignments,
        // 5 x 7 models of Table 1 = 16,807.
        for (double pos : {0.1, 0.37, 0.5, 0.81}) {
            QTest::newRow(qPrintable(QString("resnets first night %1").arg(pos))) << 0 << 7 << "resnets" << pos;
            QTest::newRow(qPrintable(QString("resnets evening %1").arg(pos))) << 115 << 7 << "resnets" << pos;
            QTest::newRow(qPrintable(QString("paper day 12 %1").arg(pos))) << 270 << 5 << "paper" << pos;
        }
    }

    void bruteForce()
    {
        QFETCH(int, first);
        QFETCH(int, count);
        QFETCH(QString, pool);
        QFETCH(double, position);
        const Scenario s = realSlice(static_cast<std::size_t>(first), static_cast<std::size_t>(count));
        QCOMPARE(s.size(), static_cast<std::size_t>(count));
        const ModelPool p = pool == "paper" ? paperPool() : resnetPool();
        const std::vector<Totals> all = enumerateAll(s, p);
        const TradeoffProblem problem(s, p);
        const ParetoFrontier f(problem);

        // Least CO2 under an error cap.
        const double lo = f.leastError().errorPct, hi = f.leastCo2().errorPct;
        const double cap = lo + position * (hi - lo);
        const double best = leastWithin(all, &Totals::errorPct, cap, &Totals::co2G);
        const auto one = solveOneModel(f, {OptimumTarget::MaxError, cap});
        QVERIFY(one);
        QVERIFY(one->proven);
        QVERIFY2(near(one->co2G, best), qPrintable(QString("%1 vs brute force %2").arg(one->co2G).arg(best)));
        QVERIFY(one->errorPct <= cap + 1e-12);
        const Totals simulated = simulate(s, p, one->assignment).totals;
        QVERIFY(near(simulated.co2G, one->co2G));

        // The LP: brute force over vertices; never worse than the one-model optimum.
        const auto lp = f.atError(cap);
        QVERIFY(lp);
        QVERIFY2(near(lp->co2G, bruteForceSplitCo2(s, p, cap)), "LP optimum differs from brute force");
        QVERIFY(lp->co2G <= one->co2G + 1e-9);

        // Least error under a CO2 cap.
        const double cLo = f.leastCo2().co2G, cHi = f.leastError().co2G;
        const double budget = cLo + position * (cHi - cLo);
        const double bestErr = leastWithin(all, &Totals::co2G, budget, &Totals::errorPct);
        const auto byCo2 = solveOneModel(f, {OptimumTarget::MaxCo2, budget});
        QVERIFY(byCo2 && byCo2->proven);
        QVERIFY2(near(byCo2->errorPct, bestErr),
                 qPrintable(QString("%1 vs brute force %2").arg(byCo2->errorPct).arg(bestErr)));
        QVERIFY(byCo2->co2G <= budget * (1 + 1e-12));
        const auto lpCo2 = f.atCo2(budget);
        QVERIFY(lpCo2 && lpCo2->errorPct <= byCo2->errorPct + 1e-12);
    }

    void policySpecs()
    {
        registerOptimizePolicies();
        const Scenario s = handScenario();
        const ModelPool p = handPool();
        // optimal-split:max-error=6.25 is the hand-worked 325 g split; optimal:max-co2=300 the 250 g pair.
        const Totals split = simulate(s, p, *makePolicy("optimal-split:max-error=6.25")).totals;
        QVERIFY(near(split.co2G, 325));
        const Totals one = simulate(s, p, *makePolicy("optimal:max-co2=300")).totals;
        QVERIFY(near(one.co2G, 250));
        QVERIFY(near(one.errorPct, 7.5));
        QCOMPARE(makePolicy("optimal:max-error=6.25")->spec(), std::string("optimal:max-error=6.25"));
        // Bad specs and unreachable targets are InputErrors that name the spec.
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("optimal:max-error=6,max-co2=3"));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("optimal"));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("optimal:max-error=abc"));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("optimal:max-eror=5"));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("optimal:max-error=4")->assign(s, p));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("optimal-split:max-co2=100")->assign(s, p));
    }
};

QTEST_APPLESS_MAIN(TestOptimum)
#include "test_optimum.moc"
