// The parallel sweep is the serial sweep bit for bit, and both agree with the obvious path (simulate and a
// ParetoFrontier per cell) on a year of synthetic hourly data for four series and the default policy set.
#include "cell_optimum.h"
#include "pareto_frontier.h"
#include "register_optimize_policies.h"
#include "request_profile.h"
#include "sweep_runner.h"
#include "tradeoff_problem.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <random>

using namespace cs;

namespace {

// A year of hourly intensity with a daily swing and noise, from a fixed seed; requests with a daily shape.
SweepSeries synthetic(const std::string &name, unsigned seed, double mean)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> noise(-0.25, 0.25);
    TimeSeries t;
    t.name = name;
    t.source = name;
    t.intervalSeconds = 3600;
    const UtcSeconds start = daysFromCivil(2023, 1, 1) * 86400;
    for (int h = 0; h < 365 * 24; ++h) {
        t.times.push_back(start + h * 3600);
        t.values.push_back(mean * (1 + 0.4 * std::sin(h * 2 * M_PI / 24) + noise(rng)));
    }
    Scenario s = scenarioWithConstantRequests(t, 1);
    for (std::size_t i = 0; i < s.size(); ++i)
        s.requests[i] = 1000 + 600 * std::cos(static_cast<double>(i) * 2 * M_PI / 24) + 100 * (noise(rng) + 1);
    return {name, std::move(s)};
}

std::vector<SweepSeries> fourSeries()
{
    return {synthetic("low", 1, 60), synthetic("mid", 2, 250), synthetic("high", 3, 600), synthetic("swing", 4, 300)};
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TestSweepParallel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { registerOptimizePolicies(); }

    void parallelEqualsSerialBitForBit()
    {
        const std::vector<SweepSeries> series = fourSeries();
        const ModelPool pool = resnetPool();
        const SweepSpec spec{defaultSweepPolicies(pool, "ResNet50"), "ResNet50", SweepPeriod::Month};
        QCOMPARE(spec.policies.size(), std::size_t{10});
        const SweepResult serial = *runSweep(series, pool, spec, {1, {}});
        for (unsigned threads : {2u, 3u, 0u}) {
            const SweepResult parallel = *runSweep(series, pool, spec, {threads, {}});
            QCOMPARE(parallel.values.size(), serial.values.size());
            QCOMPARE(parallel.values.size(), std::size_t{4 * 12 * 10});
            for (std::size_t k = 0; k < serial.values.size(); ++k) {
                QVERIFY(sameBits(parallel.values[k].co2G, serial.values[k].co2G));
                QVERIFY(sameBits(parallel.values[k].errorPct, serial.values[k].errorPct));
                QVERIFY(sameBits(parallel.values[k].optimumCo2G, serial.values[k].optimumCo2G));
            }
            for (std::size_t c = 0; c < serial.cells.size(); ++c)
                QVERIFY(sameBits(parallel.cells[c].baselineCo2G, serial.cells[c].baselineCo2G));
        }
    }

    void agreesWithTheObviousPath()
    {
        const std::vector<SweepSeries> series = fourSeries();
        const ModelPool pool = resnetPool();
        const SweepSpec spec{defaultSweepPolicies(pool, "ResNet50"), "ResNet50", SweepPeriod::Quarter};
        const SweepResult fast = *runSweep(series, pool, spec, {2, {}});
        const SweepResult ref = runSweepReference(series, pool, spec);
        QCOMPARE(fast.values.size(), ref.values.size());
        for (std::size_t k = 0; k < ref.values.size(); ++k) {
            const PolicyCell &a = fast.values[k], &b = ref.values[k];
            QVERIFY(std::abs(a.co2G - b.co2G) <= 1e-9 * b.co2G);
            QVERIFY(std::abs(a.errorPct - b.errorPct) <= 1e-12 * b.errorPct);
            QVERIFY2(std::abs(a.optimumCo2G - b.optimumCo2G) <= 1e-9 * b.optimumCo2G,
                     qPrintable(QString("value %1 (%2): %3 vs %4").arg(k).arg(QString::fromStdString(
                         fast.policies[k % fast.policies.size()])).arg(a.optimumCo2G, 0, 'g', 17)
                         .arg(b.optimumCo2G, 0, 'g', 17)));
        }
        // The split optimum at the baseline's error has no regret; no policy beats the optimum.
        for (std::size_t c = 0; c < fast.cells.size(); ++c)
            for (std::size_t p = 0; p < fast.policies.size(); ++p) {
                const PolicyCell &v = fast.values[c * fast.policies.size() + p];
                QVERIFY(v.co2G >= v.optimumCo2G * (1 - 1e-12));
                if (fast.policies[p].starts_with("optimal-split"))
                    QVERIFY(std::abs(v.co2G - v.optimumCo2G) <= 1e-9 * v.co2G);
            }
    }

    void cellOptimumMatchesTheFrontierEverywhere()
    {
        // Random cells (zero intensities and requests included) at many errors: the one-sort table against
        // ParetoFrontier's own walk.
        std::mt19937 rng(7);
        std::uniform_real_distribution<double> u(0, 1);
        const ModelPool pool = paperPool();
        CellOptimum table(pool);
        for (int trial = 0; trial < 50; ++trial) {
            Scenario s;
            s.intervalSeconds = 3600;
            const int n = 1 + trial * 7;
            for (int i = 0; i < n; ++i) {
                s.times.push_back(i * 3600);
                s.intensity.push_back(u(rng) < 0.1 ? 0 : 500 * u(rng));
                s.requests.push_back(u(rng) < 0.1 ? 0 : 1 + 1000 * u(rng));
            }
            s.requests[0] = 5; // never all zero
            const TradeoffProblem problem(s, pool);
            const ParetoFrontier frontier(problem);
            table.reset(s.intensity.data(), s.requests.data(), s.size());
            const double lo = frontier.leastError().errorPct, hi = frontier.leastCo2().errorPct;
            for (int k = -1; k <= 21; ++k) {
                const double target = lo + (hi - lo) * k / 20.0 + (k == 21 ? 1 : 0);
                const auto want = frontier.atError(target);
                const auto got = table.co2AtError(target);
                QCOMPARE(got.has_value(), want.has_value());
                if (want)
                    QVERIFY2(std::abs(*got - want->co2G) <= 1e-9 * std::max(1.0, want->co2G),
                             qPrintable(QString("trial %1 k %2: %3 vs %4").arg(trial).arg(k).arg(*got, 0, 'g', 17)
                                            .arg(want->co2G, 0, 'g', 17)));
            }
        }
    }

    void cancelStopsAndReturnsNothing()
    {
        const std::vector<SweepSeries> series = fourSeries();
        const ModelPool pool = resnetPool();
        const SweepSpec spec{{"heuristic"}, "ResNet50", SweepPeriod::Month};
        std::size_t calls = 0;
        const auto r = runSweep(series, pool, spec, {2, [&](std::size_t done, std::size_t total) {
                                                         ++calls;
                                                         return done < 5 && total == 48;
                                                     }});
        QVERIFY(!r.has_value());
        QVERIFY(calls >= 5);
        QVERIFY(calls < 48);
    }
};

QTEST_GUILESS_MAIN(TestSweepParallel)
#include "test_sweep_parallel.moc"
