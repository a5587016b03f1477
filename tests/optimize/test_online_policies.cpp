// Online policies without hindsight, worked out by hand: trailing window, day-ahead forecast, daily budget.
#include "daily_budget_policy.h"
#include "online_heuristic_policy.h"
#include "hand_scenario.h"
#include "parse_error.h"
#include "policy_factory.h"
#include "register_optimize_policies.h"
#include "simulation.h"

#include <QtTest>

using namespace cs;

namespace {

using test::hourly;
using test::names;

} // namespace

class TestOnlinePolicies : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerOptimizePolicies(); }

    void trailingWindow()
    {
        // The ResNet pool's text reading (issue 4): ResNet152 below x = 0.2477, ResNet101 to 0.7131, ResNet50 to
        // 0.9655, ResNet34 above. Hourly 100, 300, 200, 400, 100 with a 2 h window of past intervals:
        //  t0: no history, x = 0                          -> ResNet152
        //  t1: window {100}: C_high = C_low, x = 0         -> ResNet152
        //  t2: window {100, 300}: x = (200-100)/200 = 0.5  -> ResNet101
        //  t3: window {300, 200}: x = (400-200)/100 -> 1   -> ResNet34
        //  t4: window {200, 400}: x = (100-200)/200 -> 0   -> ResNet152
        const ModelPool pool = resnetPool();
        const Scenario s = hourly({100, 300, 200, 400, 100});
        const PolicyPtr p = makePolicy("online:window=2h");
        const std::vector<std::string> expected{"ResNet152", "ResNet152", "ResNet101", "ResNet34", "ResNet152"};
        QCOMPARE(names(p->assign(s, pool), pool), expected);
        QCOMPARE(p->spec(), std::string("online:window=2h"));
        // The hindsight heuristic on the same data sees C_low = 100, C_high = 400 at once: t2 is x = 1/3.
        QCOMPARE(names(makePolicy("heuristic")->assign(s, pool), pool)[2], std::string("ResNet101"));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("online:window=seven"));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("online:windw=7d"));
    }

    void dayAheadForecast()
    {
        // Day 1 forecast 100, 200, 300, 200: x = 0, 0.5, 1, 0.5 over the day's forecast range; the actual
        // intensity (reversed here) plays no part in the decision, only in the price.
        const ModelPool pool = resnetPool();
        Scenario s = hourly({300, 200, 100, 999});
        s.forecast = {100, 200, 300, 200};
        const PolicyPtr p = makePolicy("forecast");
        const Assignment a = p->assign(s, pool);
        const std::vector<std::string> expected{"ResNet152", "ResNet101", "ResNet34", "ResNet101"};
        QCOMPARE(names(a, pool), expected);
        // Priced on the actual: ResNet152 1238.15 mJ x 300 + ResNet101 803.09 x 200 + ResNet34 359.93 x 100
        // + ResNet101 803.09 x 999, one request each, / 1000 / 3.6e6 g.
        const double expectedCo2 = (1238.15 * 300 + 803.09 * 200 + 359.93 * 100 + 803.09 * 999) / 3.6e9;
        QVERIFY(qAbs(simulate(s, pool, a).totals.co2G - expectedCo2) < 1e-15);
        // A scenario without a forecast is refused with a message, not run on the actual.
        QVERIFY_THROWS_EXCEPTION(cs::InputError, p->assign(hourly({1, 2}), pool));
    }

    void dailyBudget()
    {
        // A: 1000 mJ, 5 %; B: 500 mJ, 10 %. 3.6e6 requests cost intensity x J grams: A at 100 g/kWh is 100 g.
        // Budget 300 g a day; two days of two hours (day 2 starts at t = 86400).
        const ModelPool pool{.name = "hand",
                             .models = {{"A", 1000, 5, {}, {}, "test"}, {"B", 500, 10, {}, {}, "test"}}};
        const Scenario s{.name = "two days",
                         .intervalSeconds = 3600,
                         .times = {0, 3600, 86400, 90000},
                         .intensity = {100, 300, 300, 100},
                         .requests = {3.6e6, 3.6e6, 3.6e6, 7.2e6}};
        // Day 1, no yesterday: expected = own count at t0, then the last observed (3.6e6).
        //  t0: share 300 x 1/2 = 150; A costs 100 -> A (spent 100).
        //  t1: share 200; A costs 300, B 150 -> B (spent 250).
        // Day 2, expected = yesterday's slots 3.6e6 each:
        //  t2: share 300 x 1/2 = 150; A 300, B 150 -> B (spent 150).
        //  t3: share 150; A at 100 g/kWh expected 100 -> A; actual 7.2e6 requests cost 200 g: day 2 = 350 g,
        //      50 g over the budget, counted.
        const PolicyPtr p = makePolicy("budget:daily=300");
        const Assignment a = p->assign(s, pool);
        const std::vector<std::string> expected{"A", "B", "B", "A"};
        QCOMPARE(names(a, pool), expected);
        const BudgetDays days = budgetDays(s, pool, a, 300);
        QCOMPARE(days.days, std::size_t(2));
        QCOMPARE(days.daysOver, std::size_t(1));
        QVERIFY(qAbs(days.worstOverG - 50) < 1e-9);
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("budget"));
        QVERIFY_THROWS_EXCEPTION(cs::InputError, makePolicy("budget:daily=-3"));
    }
};

QTEST_APPLESS_MAIN(TestOnlinePolicies)
#include "test_online_policies.moc"
