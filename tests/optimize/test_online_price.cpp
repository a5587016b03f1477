// The learned-price policies (online:price, forecast:price): the pool hull, the window's price worked out by
// hand, the choices it implies, no look-ahead, and the regret goal against the exact optimum.
#include "online_price_policy.h"
#include "hand_scenario.h"
#include "parse_error.h"
#include "pareto_frontier.h"
#include "policy_factory.h"
#include "pool_hull.h"
#include "register_optimize_policies.h"
#include "simulation.h"
#include "sorted_window.h"
#include "trace_file.h"
#include "utc_time.h"
#include "window_price.h"

#include <QtTest>

#include <chrono>
#include <filesystem>

using namespace cs;

namespace {

// Two models: Big 100 mJ at 5 % error, Small 40 mJ at 8 %. The one hull step saves 60 mJ for 3 points, slope
// 20 mJ per point, so its rate at intensity c is c x 20 / 3.6e9 g per request per point: 1 ug at 180 gCO2/kWh,
// 0.5 ug at 90, 1.5 ug at 270, 2 ug at 360.
ModelPool bigSmall()
{
    return {.name = "big-small", .models = {{"Big", 100, 5, {}, {}, "hand"}, {"Small", 40, 8, {}, {}, "hand"}}};
}

constexpr double ug = 1e-6; // grams

using test::hourly;
using test::names;

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b));
}

// An online price policy on the Big/Small pool: the models it picks and the price it set in each interval.
struct PricedPicks
{
    std::vector<std::string> picks;
    std::vector<std::optional<double>> prices;
};

PricedPicks pricedPicks(const std::string &spec, const Scenario &s)
{
    const ModelPool pool = bigSmall();
    const PolicyPtr p = makePolicy(spec);
    return {names(p->assign(s, pool), pool), dynamic_cast<const OnlinePricePolicy &>(*p).prices(s, pool)};
}

using test::defaultScenario;

// Regret in percent against the exact split optimum at the policy's own error, through the optimum's own API.
double regretPct(const Scenario &s, const ModelPool &pool, const Policy &policy, double *errorPct = nullptr)
{
    const SimulationResult r = simulate(s, pool, policy);
    const TradeoffProblem problem(s, pool);
    const ParetoFrontier frontier(problem);
    const auto optimum = frontier.atError(r.totals.errorPct);
    if (!optimum)
        qFatal("policy error below the frontier's end");
    if (errorPct)
        *errorPct = r.totals.errorPct;
    return 100 * (r.totals.co2G - optimum->co2G) / optimum->co2G;
}

} // namespace

class TestOnlinePrice : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerOptimizePolicies(); }

    void hullOfTheResNetPool()
    {
        // ResNet152 -> 101: 435.06 mJ for 0.5 points = 870.12; 101 -> 50: 382.47 / 0.684 = 559.167...;
        // 50 -> 34: 60.69 / 1.442 = 42.087...: falling, so all four are on the hull.
        const ModelPool pool = resnetPool();
        const PoolHull hull(pool);
        QCOMPARE(hull.models().size(), std::size_t(4));
        QCOMPARE(pool.at(hull.models()[0]).name, std::string("ResNet152"));
        QCOMPARE(pool.at(hull.models()[3]).name, std::string("ResNet34"));
        QVERIFY(near(hull.slope(0), 870.12));
        QVERIFY(near(hull.slope(1), 382.47 / 0.684));
        QVERIFY(near(hull.slope(2), 60.69 / 1.442));
        QCOMPARE(hull.leastErrorPct(), 5.954);
    }

    void hullDropsModelsAboveTheChordAndDominated()
    {
        // Mid (90 mJ, 6 %) lies above the chord Big -> Small (slopes 10 then 25: not convex); Heavy (120 mJ,
        // 6 %) costs more than Big for more error. The hull is Big, Small with slope 20.
        ModelPool pool = bigSmall();
        pool.models.push_back({"Mid", 90, 6, {}, {}, "hand"});
        pool.models.push_back({"Heavy", 120, 6, {}, {}, "hand"});
        const PoolHull hull(pool);
        QCOMPARE(hull.models(), (std::vector<int>{0, 1}));
        QVERIFY(near(hull.slope(0), 20));
        QVERIFY(near(hull.stepRate(0, 180), 1 * ug));
        // At exactly the price the step is not taken (ties go to the lower error).
        QCOMPARE(hull.modelAt(180, 1 * ug), 0);
        QCOMPARE(hull.modelAt(181, 1 * ug), 1);
        QCOMPARE(hull.modelAt(179, 1 * ug), 0);
    }

    void windowPriceByHand_data()
    {
        QTest::addColumn<std::vector<double>>("requests");
        QTest::addColumn<double>("target");
        QTest::addColumn<double>("price");
        // Window at 90, 180, 270, 360 gCO2/kWh. Equal requests: each step adds 3/4 = 0.75 points. From 5 %:
        // 360 -> 5.75, 270 -> 6.5, 180 -> 7.25, 90 -> 8.
        const std::vector<double> equal{1, 1, 1, 1};
        QTest::newRow("cut-at-180") << equal << 6.6 << 1 * ug;    // 6.5 after 270; 180 would reach 7.25
        QTest::newRow("breakpoint") << equal << 6.5 << 1 * ug;    // exactly after 270: the next step's rate
        QTest::newRow("cut-at-360") << equal << 5.5 << 2 * ug;    // the first step already passes 5.5
        QTest::newRow("all-fit") << equal << 9.0 << 0.0;          // every step fits: price 0
        QTest::newRow("below-least") << equal << 4.0 << 2 * ug;   // unreachable: no step taken
        // Requests 2, 1, 1, 0: weights 1/2, 1/4, 1/4 and the idle hour left out. Steps: 270 adds 0.75 (5.75),
        // 180 adds 0.75 (6.5), 90 adds 1.5 (8): target 7 is cut at 90.
        QTest::newRow("weighted") << std::vector<double>{2, 1, 1, 0} << 7.0 << 0.5 * ug;
    }

    void windowPriceByHand()
    {
        QFETCH(std::vector<double>, requests);
        QFETCH(double, target);
        QFETCH(double, price);
        const PoolHull hull(bigSmall());
        const SortedWindow window({360, 90, 270, 180}, {requests[3], requests[0], requests[2], requests[1]});
        const auto fitted = fitWindowPrice(hull, window, target);
        QVERIFY(fitted);
        QVERIFY2(near(*fitted, price), qPrintable(QString::number(*fitted)));
    }

    void windowPriceWithoutRequests()
    {
        const PoolHull hull(bigSmall());
        const ModelPool pool = bigSmall();
        QVERIFY(!fitWindowPrice(hull, SortedWindow({90, 180}, {0, 0}), 6));
        QVERIFY(!fitWindowPrice(hull, SortedWindow(), 6));
        QVERIFY(!windowHeuristicError(HeuristicPolicy::switchPoints(pool, HeuristicPolicy::Reading::Text),
                                      SortedWindow()));
    }

    void sortedWindowKeepsOrderAndSums()
    {
        SortedWindow w;
        w.insert(200, 1);
        w.insert(100, 2);
        w.insert(300, 4);
        w.insert(200, 8);
        QCOMPARE(w.intensity(), (std::vector<double>{100, 200, 200, 300}));
        QCOMPARE(w.totalRequests(), 15.0);
        QCOMPARE(w.requestsFrom(1), 13.0);
        QCOMPARE(w.requestsFrom(3), 4.0);
        w.erase(200, 8); // the second 200, by its requests
        w.erase(100, 2);
        w.erase(250, 1); // absent: nothing
        QCOMPARE(w.intensity(), (std::vector<double>{200, 300}));
        QCOMPARE(w.requests(), (std::vector<double>{1, 4}));
        QCOMPARE(w.totalRequests(), 5.0);
    }

    void windowHeuristicErrorByHand()
    {
        // Range 90..360: x = 0, 1/3, 2/3, 1; E_sel = 100 - 60x is nearer Small (40) only for x > 0.5, so
        // Big, Big, Small, Small: (5 + 5 + 8 + 8) / 4 = 6.5. With a single value x = 0: Big, 5.
        const ModelPool pool = bigSmall();
        const auto switches = HeuristicPolicy::switchPoints(pool, HeuristicPolicy::Reading::Text);
        QVERIFY(near(*windowHeuristicError(switches, SortedWindow({270, 90, 360, 180}, {1, 1, 1, 1})), 6.5));
        QVERIFY(near(*windowHeuristicError(switches, SortedWindow({90}, {1})), 5));
        // Requests weigh: 3 requests at 90, one at 360: (3 x 5 + 8) / 4 = 5.75.
        QVERIFY(near(*windowHeuristicError(switches, SortedWindow({360, 90}, {1, 3})), 5.75));
    }

    void onlinePriceByHand()
    {
        // Hourly 90, 180, 270, 360, 200, 150, one request each, window 4 h, target the window's heuristic:
        //  t0  no history                                                              -> Big
        //  t1  {90}: heuristic Big, target 5 (least): the price is 90's rate, 0.5 ug; 180 (1 ug) > it -> Small
        //  t2  {90,180}: Big, Small, target 6.5; 180's step (1.5 points) fits, 90's does not: 0.5 ug;
        //      270 (1.5 ug)                                                           -> Small
        //  t3  {90,180,270}: x = 0, .5, 1 -> Big, Big (tie: lower error), Small, target 6; 270's step (1 point)
        //      fits, 180's not: 1 ug; 360 (2 ug)                                       -> Small
        //  t4  {90,180,270,360}: target 6.5 (above): 1 ug; 200 (1.11 ug)                -> Small
        //  t5  [1 h, 5 h) = {180,270,360,200}: x = 0, .5, 1, .11 -> target (3 x 5 + 8)/4 = 5.75; 360's step
        //      (0.75) fits, 270's not: 1.5 ug; 150 (0.83 ug)                           -> Big
        const auto [picks, prices] = pricedPicks("online:price:window=4h", hourly({90, 180, 270, 360, 200, 150}));
        QCOMPARE(picks, (std::vector<std::string>{"Big", "Small", "Small", "Small", "Small", "Big"}));
        QVERIFY(!prices[0]);
        const std::vector<double> expectedPrices{0.5 * ug, 0.5 * ug, 1 * ug, 1 * ug, 1.5 * ug};
        for (std::size_t i = 1; i < prices.size(); ++i)
            QVERIFY2(prices[i] && near(*prices[i], expectedPrices[i - 1]), qPrintable(QString::number(i)));
    }

    void onlinePriceWithFixedTarget()
    {
        // max-error=6.6 (need 1.6 points above Big's 5 %), window 4 h, hourly 90, 180, 270, 360, 200, 170:
        //  t1  {90}: its step adds 3 > 1.6, cut: 0.5 ug; 180 (1 ug)                      -> Small
        //  t2  {90,180}: 1.5 each: 180 fits (1.5), 90 cut: 0.5 ug; 270                   -> Small
        //  t3  {90,180,270}: 1 each: 270 fits, 180 cut (2 > 1.6): 1 ug; 360               -> Small
        //  t4  {90,...,360}: 0.75 each: 360, 270 fit (1.5), 180 cut: 1 ug; 200 (1.11 ug)  -> Small
        //  t5  {180,270,360,200}: 360, 270 fit, 200 cut: 200's rate 1.11 ug; 170 (0.94 ug) -> Big
        const auto [picks, prices] =
            pricedPicks("online:price:window=4h,max-error=6.6", hourly({90, 180, 270, 360, 200, 170}));
        QCOMPARE(picks, (std::vector<std::string>{"Big", "Small", "Small", "Small", "Small", "Big"}));
        QVERIFY(near(*prices[5], 200 * 20 / 3.6e9));
    }

    void forecastPriceByHand()
    {
        // Two days of 4 six-hour intervals, window 2 days, decided on the forecast. Day 0 (no past): the day's
        // forecast 90, 180, 270, 360 with one request expected per interval (no history), target the heuristic's
        // 6.5: 1 ug. Chosen on the forecast: 90, 180 -> Big (180 is at the price), 270, 360 -> Small, whatever
        // the actual is. Day 1: forecast 360, 360, 90, 90, window = day 0 (requests 1, 1, 1, 1) + day 1 expected
        // as day 0's same slot (1 each): range 90..360, heuristic error = (5 x 4 + 8 x 4)/8 = 6.5 (the 270 and
        // both 360s of day 1 are Small: x > 0.5): 6.5 is 0.375 per step: 360 x 3 steps -> 6.125, 270 -> 6.5,
        // then 180 is cut: 1 ug: 360, 360 -> Small; 90, 90 -> Big.
        Scenario s = hourly({500, 500, 10, 10, 500, 500, 500, 500}); // the intensity is never looked at
        s.intervalSeconds = 6 * 3600;
        for (int i = 0; i < 8; ++i)
            s.times[static_cast<std::size_t>(i)] = static_cast<UtcSeconds>(i) * 6 * 3600;
        s.forecast = {90, 180, 270, 360, 360, 360, 90, 90};
        const auto [picks, prices] = pricedPicks("forecast:price:window=2d", s);
        QCOMPARE(picks, (std::vector<std::string>{"Big", "Big", "Small", "Small", "Small", "Small", "Big", "Big"}));
        QVERIFY(near(*prices[0], 1 * ug));
        QVERIFY(near(*prices[7], 1 * ug));
        // Without a forecast the policy refuses.
        const PolicyPtr forecastPrice = makePolicy("forecast:price:window=2d");
        QVERIFY_THROWS_EXCEPTION(InputError, forecastPrice->assign(hourly({1, 2}), bigSmall()));
    }

    void noLookAheadOnTheTrailingWindow()
    {
        // Change every intensity and request after interval k: nothing at or before k may change, and later
        // choices do (so the comparison can fail).
        const ModelPool pool = resnetPool();
        const Scenario s = defaultScenario();
        const PolicyPtr p = makePolicy("online:price");
        const Assignment before = p->assign(s, pool);
        for (std::size_t k : {std::size_t(0), std::size_t(200), std::size_t(500)}) {
            Scenario changed = s;
            for (std::size_t i = k + 1; i < changed.size(); ++i) {
                changed.intensity[i] = 400 - changed.intensity[i];
                changed.requests[i] *= 1 + 0.5 * static_cast<double>(i % 3);
            }
            const Assignment after = p->assign(changed, pool);
            for (std::size_t i = 0; i <= k; ++i)
                QCOMPARE(after[i].model, before[i].model);
            bool later = false;
            for (std::size_t i = k + 1; i < s.size(); ++i)
                later = later || after[i].model != before[i].model;
            QVERIFY(later);
        }
    }

    void noLookAheadOnTheForecast()
    {
        // forecast:price plans a day with the forecasts up to the day's end: changing the forecasts and the
        // requests of later days, and every actual intensity, changes nothing up to that end.
        const ModelPool pool = resnetPool();
        Scenario s = defaultScenario();
        s.forecast = s.intensity;
        for (std::size_t i = 0; i < s.size(); ++i)
            s.forecast[i] += 20.0 * static_cast<double>(i % 5); // a forecast that differs from the actual
        const PolicyPtr p = makePolicy("forecast:price");
        const Assignment before = p->assign(s, pool);
        const UtcSeconds dayEnd = utcDayStart(s.times[0]) + 10 * 86400;
        Scenario changed = s;
        bool later = false;
        for (std::size_t i = 0; i < s.size(); ++i) {
            changed.intensity[i] = 400 - s.intensity[i];
            if (s.times[i] >= dayEnd) {
                changed.forecast[i] = 400 - s.forecast[i];
                changed.requests[i] *= 3;
            }
        }
        const Assignment after = p->assign(changed, pool);
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s.times[i] < dayEnd)
                QCOMPARE(after[i].model, before[i].model);
            else
                later = later || after[i].model != before[i].model;
        }
        QVERIFY(later);
    }

    void regretGoalOnTheDefaultScenario()
    {
        // Issue 17: regret <= 5 % against the exact split optimum at the error the policy reaches. The
        // trailing-window heuristic reaches 16.6 % here (docs/optimization.md); its error is the yardstick
        // for the learned price's default target, so the error reached must stay near it (within 0.1 point).
        const ModelPool pool = resnetPool();
        const Scenario s = defaultScenario();
        double error = 0, heuristicError = 0;
        const double regret = regretPct(s, pool, *makePolicy("online:price"), &error);
        const double heuristicRegret = regretPct(s, pool, *makePolicy("online:window=7d"), &heuristicError);
        qInfo("online:price regret %.2f %% at %.4f %% error; online:window=7d %.2f %% at %.4f %%", regret, error,
              heuristicRegret, heuristicError);
        QVERIFY(regret >= 0);
        QVERIFY(regret <= 5);
        QVERIFY(std::abs(error - heuristicError) < 0.1);
        // A fixed target: the error lands near it and the regret meets the goal too.
        const double fixed = regretPct(s, pool, *makePolicy("online:price:max-error=6.5"), &error);
        QVERIFY(fixed >= 0 && fixed <= 5);
        QVERIFY(std::abs(error - 6.5) < 0.2);
    }

    void regretGoalOnGbNational2023()
    {
        // A year at 30 min with its day-ahead forecast, one request per interval: both learned policies within
        // the goal; the time of one pass is printed (the goal: well under a second), not asserted.
        const std::string path = CARBONSCOPE_SHARED_DATA "/gb_national_carbon_intensity_2023.csv";
        if (!std::filesystem::exists(path))
            QSKIP("shared data absent: ../shared/data/gb_national_carbon_intensity_2023.csv");
        const Scenario s = alignTraces(readTrace(path, SeriesKind::Carbon), std::nullopt, readTrace(path, SeriesKind::Carbon, "forecast"));
        QVERIFY(s.size() > 17'000);
        const ModelPool pool = paperPool();
        for (const char *spec : {"online:price", "forecast:price"}) {
            const PolicyPtr p = makePolicy(spec);
            const auto start = std::chrono::steady_clock::now();
            (void)p->assign(s, pool);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const double regret = regretPct(s, pool, *p);
            qInfo("%s on GB national 2023 (%zu intervals, paper pool): regret %.2f %%, assign %.3f s", spec,
                  s.size(), regret, seconds);
            QVERIFY(regret >= 0);
            QVERIFY(regret <= 5);
        }
    }

    void argumentsAndRefusals()
    {
        QCOMPARE(makePolicy("online:price")->spec(), std::string("online:price:window=7d"));
        QCOMPARE(makePolicy("online:price:window=3d")->spec(), std::string("online:price:window=3d"));
        QCOMPARE(makePolicy("online:price:window=36h,max-error=6.9")->spec(),
                 std::string("online:price:window=36h,max-error=6.9"));
        QCOMPARE(makePolicy("forecast:price:max-error=7")->spec(), std::string("forecast:price:window=7d,max-error=7"));
        QCOMPARE(makePolicy("online:price")->label(), std::string("Learned price, trailing window"));
        // The heuristic's kinds are untouched.
        QCOMPARE(makePolicy("online:window=7d")->spec(), std::string("online:window=7d"));
        QCOMPARE(makePolicy("forecast")->spec(), std::string("forecast"));
        QVERIFY_THROWS_EXCEPTION(InputError, makePolicy("online:price:window=0"));
        QVERIFY_THROWS_EXCEPTION(InputError, makePolicy("online:price:window=0d"));
        QVERIFY_THROWS_EXCEPTION(InputError, makePolicy("online:price:windw=7d"));
        QVERIFY_THROWS_EXCEPTION(InputError, makePolicy("online:price:window=7d,printed"));
        QVERIFY_THROWS_EXCEPTION(InputError, makePolicy("online:price:max-error=101"));
        QVERIFY_THROWS_EXCEPTION(InputError, makePolicy("online:price:max-error=-1"));
        QVERIFY_THROWS_EXCEPTION(InputError, makePolicy("forecast:price:horizon=2d"));
        try {
            makePolicy("online:price:speed=3");
            QFAIL("an unknown key was accepted");
        } catch (const InputError &e) {
            QVERIFY(std::string(e.what()).find("unknown argument 'speed'") != std::string::npos);
        }
        bool listed = false;
        for (const std::string &line : policyKindHelp())
            listed = listed || line.starts_with("online:price[:window=7d]");
        QVERIFY(listed);
    }
};

QTEST_APPLESS_MAIN(TestOnlinePrice)
#include "test_online_price.moc"
