#pragma once

#include <QString>

namespace cs {

// The carbon emission efficiency of a policy against the baseline (Jung 2024): relative quality gain (%) per
// extra gram of CO2. The ratio means something only where the policy emits more than the baseline; elsewhere
// its sign misleads (cheaper and worse would come out positive), so the cell says what the policy is instead.
struct EfficiencyVerdict
{
    enum Kind {
        Defined,        // extra CO2 > 0: value = gain / extra (negative: dearer and worse)
        Dominates,      // no more CO2 and better, or less CO2 and no worse
        CheaperAndWorse,
        SameCo2Worse,   // the same CO2 and worse quality
        SameAsBaseline, // the same CO2 and the same quality
        NoGain          // the gain is undefined (the baseline's error is 0)
    } kind = SameAsBaseline;
    double percentPerGram = 0; // NaN unless Defined

    QString text(double gramsPerUnit = 1) const; // the ratio per the column's unit, or the words
    QString explanation() const;                 // a sentence for the tooltip
};

// `baselineCo2G` sets what counts as the same CO2 (a billionth of it) so that rounding does not decide.
EfficiencyVerdict efficiencyVerdict(double extraCo2G, double relativeGainPct, double baselineCo2G);

} // namespace cs
