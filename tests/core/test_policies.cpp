// Policies: the heuristic's switch points in both readings, its daily range, thresholds and baselines.
#include "error_text.h"
#include "parse_error.h"
#include "policies/heuristic_policy.h"
#include "policy_factory.h"
#include "toy_scenario.h"

#include <QTest>

using namespace cs;

static std::vector<std::string> chosen(const std::string &spec, const Scenario &s, const ModelPool &pool)
{
    std::vector<std::string> names;
    for (const Choice &c : makePolicy(spec)->assign(s, pool))
        names.push_back(pool.at(c.model).name);
    return names;
}

static QString errorOf(const std::function<void()> &fn)
{
    return errorText<InputError>(fn);
}

class TestPolicies : public QObject
{
    Q_OBJECT
private slots:
    void switchPointsTextReading()
    {
        // E_low = 359.93 (ResNet34), E_high = 1238.15 (ResNet152), span 878.22. Text: E_sel = E_high - x * span.
        // The choice changes where E_sel passes the midpoint of two neighbours' energies:
        //   ResNet152|101: (1238.15 + 803.09)/2 = 1020.62 -> x = (1238.15 - 1020.62)/878.22 = 0.24770
        //   ResNet101|50:  (803.09 + 420.62)/2  = 611.855 -> x = 626.295/878.22 = 0.71314
        //   ResNet50|34:   (420.62 + 359.93)/2  = 390.275 -> x = 847.875/878.22 = 0.96545
        const ModelPool pool = resnetPool();
        const auto p = HeuristicPolicy::switchPoints(pool, HeuristicPolicy::Reading::Text);
        QCOMPARE(p.bounds.size(), std::size_t(3));
        QVERIFY(std::abs(p.bounds[0] - 0.2477) < 1e-4);
        QVERIFY(std::abs(p.bounds[1] - 0.7131) < 1e-4);
        QVERIFY(std::abs(p.bounds[2] - 0.9655) < 1e-4);
        QStringList order;
        for (int m : p.models)
            order << QString::fromStdString(pool.at(m).name);
        QCOMPARE(order, (QStringList{"ResNet152", "ResNet101", "ResNet50", "ResNet34"}));
    }

    void switchPointsPrintedReading()
    {
        // Printed: E_sel = E_low + x * span, so each bound is 1 - the text bound: 0.03455, 0.28686, 0.75230.
        const ModelPool pool = resnetPool();
        const auto p = HeuristicPolicy::switchPoints(pool, HeuristicPolicy::Reading::Printed);
        QVERIFY(std::abs(p.bounds[0] - 0.03455) < 1e-4);
        QVERIFY(std::abs(p.bounds[1] - 0.28686) < 1e-4);
        QVERIFY(std::abs(p.bounds[2] - 0.75230) < 1e-4);
        QCOMPARE(QString::fromStdString(pool.at(p.models.front()).name), QString("ResNet34"));
        QCOMPARE(QString::fromStdString(pool.at(p.models.back()).name), QString("ResNet152"));
    }

    void switchPointsAgreeWithNearestEnergySearch()
    {
        // Two implementations of the same rule, on the 7-model pool (VGG19 and ResNet101 differ by 0.76 mJ).
        const ModelPool pool = paperPool();
        for (auto reading : {HeuristicPolicy::Reading::Text, HeuristicPolicy::Reading::Printed}) {
            const auto p = HeuristicPolicy::switchPoints(pool, reading);
            for (int i = 0; i <= 10000; ++i) {
                const double x = i / 10000.0;
                QCOMPARE(p.at(x), HeuristicPolicy::modelForPosition(pool, x, reading));
            }
        }
    }

    void bothReadingsOnToy()
    {
        // C_low 100, C_high 400: x = 0, 1/3, 1. Text: 0 < 0.2477 -> ResNet152; 0.333 in (0.2477, 0.7131] ->
        // ResNet101; 1 > 0.9655 -> ResNet34. Printed: 0 -> ResNet34; 0.333 in (0.2869, 0.7523] -> ResNet101;
        // 1 -> ResNet152.
        const Scenario s = toyScenario();
        const ModelPool pool = resnetPool();
        QCOMPARE(chosen("heuristic", s, pool), (std::vector<std::string>{"ResNet152", "ResNet101", "ResNet34"}));
        QCOMPARE(chosen("heuristic:text", s, pool), chosen("heuristic", s, pool));
        QCOMPARE(chosen("heuristic:printed", s, pool),
                 (std::vector<std::string>{"ResNet34", "ResNet101", "ResNet152"}));
    }

    void dailyRange()
    {
        // Day 1: 100, 300; day 2: 200, 400. Whole range 100..400: x = 0, 2/3, 1/3, 1 -> 152, 101, 101, 34.
        // Daily ranges: each day's own min and max: x = 0, 1, 0, 1 -> 152, 34, 152, 34.
        const Scenario s{.intervalSeconds = 43200,
                         .times = {1685577600, 1685577600 + 43200, 1685664000, 1685664000 + 43200},
                         .intensity = {100, 300, 200, 400},
                         .requests = {1, 1, 1, 1}};
        const ModelPool pool = resnetPool();
        QCOMPARE(chosen("heuristic", s, pool),
                 (std::vector<std::string>{"ResNet152", "ResNet101", "ResNet101", "ResNet34"}));
        QCOMPARE(chosen("heuristic:daily", s, pool),
                 (std::vector<std::string>{"ResNet152", "ResNet34", "ResNet152", "ResNet34"}));
        QCOMPARE(chosen("heuristic:printed:daily", s, pool),
                 (std::vector<std::string>{"ResNet34", "ResNet152", "ResNet34", "ResNet152"}));
    }

    void flatIntensityTakesXZero()
    {
        Scenario s = toyScenario();
        s.intensity = {250, 250, 250};
        QCOMPARE(chosen("heuristic", s, resnetPool()), (std::vector<std::string>(3, "ResNet152")));
    }

    void threshold()
    {
        Scenario s = toyScenario();
        s.times = {0, 1800, 3600, 5400, 7200};
        s.intensity = {100, 150, 249.9, 250, 400};
        s.requests = {1, 1, 1, 1, 1};
        QCOMPARE(chosen("threshold:ResNet152@150,ResNet101@250,ResNet50", s, resnetPool()),
                 (std::vector<std::string>{"ResNet152", "ResNet101", "ResNet101", "ResNet50", "ResNet50"}));
        QCOMPARE(QString::fromStdString(makePolicy("threshold:ResNet152@150.5,ResNet50")->spec()),
                 QString("threshold:ResNet152@150.5,ResNet50"));
    }

    void badSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown-kind") << "greedy" << "unknown policy 'greedy' (known kinds:";
        QTest::newRow("model-without-name") << "model" << "policy 'model': name the model";
        QTest::newRow("unknown-model") << "model:ResNet999"
                                       << "policy 'model:ResNet999': unknown model 'ResNet999' (pool 'resnets' has "
                                          "ResNet34, ResNet50, ResNet101, ResNet152)";
        QTest::newRow("heuristic-option") << "heuristic:upside-down" << "unknown option 'upside-down'";
        QTest::newRow("threshold-last-bound") << "threshold:ResNet50@100" << "the last model takes no bound";
        QTest::newRow("threshold-missing-bound") << "threshold:ResNet152,ResNet50" << "needs a bound";
        QTest::newRow("threshold-decreasing") << "threshold:ResNet152@300,ResNet101@200,ResNet50"
                                              << "the bounds must increase";
        QTest::newRow("threshold-bad-number") << "threshold:ResNet152@lots,ResNet50" << "'lots' is not an intensity";
        QTest::newRow("threshold-unknown-model") << "threshold:ResNet9@100,ResNet50" << "unknown model 'ResNet9'";
    }
    void badSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(QString, expected);
        const QString error = errorOf([&] { makePolicy(spec.toStdString())->assign(toyScenario(), resnetPool()); });
        QVERIFY2(error.contains(expected), qPrintable("got: " + error));
    }

    void standardSpecs()
    {
        const auto specs = standardPolicySpecs(paperPool());
        QCOMPARE(specs.size(), std::size_t(3 + 7));
        for (const auto &spec : specs)
            QCOMPARE(makePolicy(spec)->spec(), spec); // every spec names itself the same way
    }
};

QTEST_GUILESS_MAIN(TestPolicies)
#include "test_policies.moc"
