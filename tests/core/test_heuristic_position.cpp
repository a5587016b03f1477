// Where an interval stands for the heuristic (HeuristicPolicy::positionAt), as the teaching panel explains a step:
// C_low and C_high over the policy's range, the position x and E_sel, worked out by hand.
#include "policies/heuristic_policy.h"
#include "policy_factory.h"

#include <QTest>

using namespace cs;

namespace {

// Small 100 mJ and Big 300 mJ: E_sel = 300 - 200 x (text), 100 + 200 x (printed).
ModelPool twoModels()
{
    ModelPool pool;
    pool.name = "two";
    pool.models = {Model{.name = "Small", .energyMj = 100, .errorPct = 10},
                   Model{.name = "Big", .energyMj = 300, .errorPct = 5}};
    return pool;
}

// 2023-06-01 21:00, 22:00, 23:00 (100, 200, 300 g/kWh), then 2023-06-02 00:00, 01:00 (50, 150).
Scenario twoDays()
{
    const UtcSeconds t = 1685653200; // 2023-06-01T21:00:00Z
    return {.name = "two days",
            .intervalSeconds = 3600,
            .times = {t, t + 3600, t + 7200, t + 10800, t + 14400},
            .intensity = {100, 200, 300, 50, 150},
            .requests = {1, 1, 1, 1, 1}};
}

HeuristicPolicy::Position at(const std::string &spec, std::size_t i)
{
    const PolicyPtr p = makePolicy(spec);
    return dynamic_cast<const HeuristicPolicy &>(*p).positionAt(twoDays(), twoModels(), i);
}

// Compares a position with C_low, C_high, x and E_sel worked out by hand.
void comparePosition(const HeuristicPolicy::Position &p, double cLow, double cHigh, double x, double selectedEnergyMj)
{
    QCOMPARE(p.cLow, cLow);
    QCOMPARE(p.cHigh, cHigh);
    QCOMPARE(p.x, x);
    QCOMPARE(p.selectedEnergyMj, selectedEnergyMj);
}

} // namespace

class TestHeuristicPosition : public QObject
{
    Q_OBJECT
private slots:
    void wholeRangeTakesEveryInterval()
    {
        // 200 between 50 and 300: x = 150 / 250 = 0.6; E_sel = 300 - 0.6 x 200 = 180 mJ.
        comparePosition(at("heuristic", 1), 50, 300, 0.6, 180);
        // Printed: 100 + 0.6 x 200 = 220 mJ.
        QCOMPARE(at("heuristic:printed", 1).selectedEnergyMj, 220.0);
    }

    void dailyRangeTakesTheIntervalsUtcDay()
    {
        // June 1st: 100..300, 200 is halfway: E_sel = 300 - 0.5 x 200 = 200 mJ.
        comparePosition(at("heuristic:daily", 1), 100, 300, 0.5, 200);
        // June 2nd: 50..150, 150 is its top: x = 1, E_sel = 100 mJ (text), 300 mJ (printed).
        comparePosition(at("heuristic:daily", 4), 50, 150, 1, 100);
        QCOMPARE(at("heuristic:printed:daily", 4).selectedEnergyMj, 300.0);
        // Its first hour (50) is the day's bottom, though 50 is the whole trace's bottom too: x = 0.
        QCOMPARE(at("heuristic:daily", 3).x, 0.0);
    }

    void flatRangeTakesXAsZero()
    {
        Scenario flat = twoDays();
        flat.intensity = {120, 120, 120, 120, 120};
        const PolicyPtr p = makePolicy("heuristic");
        const auto pos = dynamic_cast<const HeuristicPolicy &>(*p).positionAt(flat, twoModels(), 2);
        QCOMPARE(pos.x, 0.0);
        QCOMPARE(pos.selectedEnergyMj, 300.0); // x = 0: the clean end, the biggest model
    }

    void positionAgreesWithTheAssignment()
    {
        // The model nearest E_sel is the one the policy assigns, interval by interval, in both ranges.
        const ModelPool pool = twoModels();
        for (const std::string spec : {"heuristic", "heuristic:daily", "heuristic:printed:daily"}) {
            const PolicyPtr p = makePolicy(spec);
            const auto &h = dynamic_cast<const HeuristicPolicy &>(*p);
            const Assignment a = h.assign(twoDays(), pool);
            for (std::size_t i = 0; i < a.size(); ++i) {
                const double e = h.positionAt(twoDays(), pool, i).selectedEnergyMj;
                // Nearest of 100 and 300; at 200 exactly the lower-error Big.
                const int nearest = e >= 200 ? 1 : 0;
                QCOMPARE(a[i].model, nearest);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHeuristicPosition)
#include "test_heuristic_position.moc"
