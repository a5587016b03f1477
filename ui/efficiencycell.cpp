#include "efficiencycell.h"

#include "unitformat.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace cs {

EfficiencyVerdict efficiencyVerdict(double extraCo2G, double relativeGainPct, double baselineCo2G)
{
    EfficiencyVerdict v;
    v.percentPerGram = NAN;
    if (std::isnan(relativeGainPct)) {
        v.kind = EfficiencyVerdict::NoGain;
        return v;
    }
    const double sameCo2 = 1e-9 * std::max(std::fabs(baselineCo2G), 1e-12);
    const double sameGain = 1e-9;
    const bool more = extraCo2G > sameCo2, less = extraCo2G < -sameCo2;
    const bool better = relativeGainPct > sameGain, worse = relativeGainPct < -sameGain;
    if (more) {
        v.kind = EfficiencyVerdict::Defined;
        v.percentPerGram = relativeGainPct / extraCo2G;
    } else if (less) {
        v.kind = worse ? EfficiencyVerdict::CheaperAndWorse : EfficiencyVerdict::Dominates;
    } else {
        v.kind = better ? EfficiencyVerdict::Dominates
                 : worse ? EfficiencyVerdict::SameCo2Worse
                         : EfficiencyVerdict::SameAsBaseline;
    }
    return v;
}

QString EfficiencyVerdict::text(double gramsPerUnit) const
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("cs", s); };
    switch (kind) {
    case Defined: return plainNumber(percentPerGram * gramsPerUnit);
    case Dominates: return tr("dominates");
    case CheaperAndWorse: return tr("cheaper and worse");
    case SameCo2Worse: return tr("same CO₂, worse");
    case SameAsBaseline: return tr("same as baseline");
    case NoGain: return tr("no gain defined");
    }
    return {};
}

QString EfficiencyVerdict::explanation() const
{
    const auto tr = [](const char *s) { return QCoreApplication::translate("cs", s); };
    switch (kind) {
    case Defined:
        return percentPerGram >= 0 ? tr("Quality gained per extra CO₂ against the baseline")
                                   : tr("Dearer and worse than the baseline: quality lost per extra CO₂");
    case Dominates: return tr("No more CO₂ than the baseline and no worse, better in one: no trade-off to price");
    case CheaperAndWorse:
        return tr("Less CO₂ and worse quality: the ratio would be positive and look efficient, so it is not shown");
    case SameCo2Worse: return tr("The same CO₂ as the baseline and worse quality");
    case SameAsBaseline: return tr("The same CO₂ and quality as the baseline");
    case NoGain: return tr("The baseline's error is 0, so no relative gain is defined");
    }
    return {};
}

} // namespace cs
