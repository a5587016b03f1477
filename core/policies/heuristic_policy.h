#pragma once

#include "policy.h"
#include "policy_kind.h"

#include <vector>

namespace cs {

// Jung 2024's heuristic: x = (C_now - C_low) / (C_high - C_low) maps onto the energy range of the pool, and the
// model whose energy per inference is nearest the selected energy serves the interval.
//   text reading (default, the paper's prose): E_sel = E_high - x (E_high - E_low): dirty grid -> small model.
//   printed reading (the paper's equation):     E_sel = E_low + x (E_high - E_low): dirty grid -> big model.
// C_low/C_high are the minimum and maximum intensity over the whole scenario (hindsight, as in the paper) or over
// each UTC calendar day. Where C_high = C_low, x is taken as 0. Ties in distance go to the lower-error model.
class HeuristicPolicy : public Policy
{
public:
    enum class Reading { Text, Printed };
    enum class Range { Whole, Daily };

    HeuristicPolicy(Reading reading, Range range);
    static PolicyKind kind(); // its entry in the policy registry

    std::string spec() const override;
    std::string label() const override;
    Assignment assign(const Scenario &scenario, const ModelPool &pool) const override;

    Reading reading() const { return mReading; }

    // The pool index nearest to E_sel for a given x in [0, 1]; exposed for tests and for live mode.
    static int modelForPosition(const ModelPool &pool, double x, Reading reading);
    // E_sel for x in [0, 1] (clamped) over the pool's energy range, by the reading.
    static double selectedEnergy(const ModelPool &pool, double x, Reading reading);

    // Where interval i stands (for explaining a step): C_low and C_high over its range (the whole scenario, or
    // i's UTC day), its position x and E_sel. i must be an interval of the scenario and the pool not empty.
    struct Position
    {
        double cLow = 0, cHigh = 0, x = 0, selectedEnergyMj = 0;
    };
    Position positionAt(const Scenario &scenario, const ModelPool &pool, std::size_t i) const;

    // Where the choice changes as x rises from 0 to 1: model `models[k]` serves x below `bounds[k]` (and the
    // last model serves the rest). At a bound itself the lower-error neighbour serves, as in modelForPosition.
    struct SwitchPoints
    {
        std::vector<double> bounds;
        std::vector<int> models;
        const ModelPool *pool = nullptr; // for the error tie-break at a bound
        int at(double x) const;
    };
    static SwitchPoints switchPoints(const ModelPool &pool, Reading reading);

private:
    Reading mReading;
    Range mRange;
};

} // namespace cs
