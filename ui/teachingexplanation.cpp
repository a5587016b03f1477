#include "teachingexplanation.h"

#include "policies/heuristic_policy.h"

#include <QCoreApplication>

#include <algorithm>

namespace cs {

namespace {

struct HeuristicSpec
{
    bool ok = false;
    HeuristicPolicy::Reading reading = HeuristicPolicy::Reading::Text;
    bool daily = false;
};

HeuristicSpec parseHeuristic(const std::string &spec)
{
    HeuristicSpec h;
    if (spec != "heuristic" && spec.rfind("heuristic:", 0) != 0)
        return h;
    h.ok = true;
    h.reading = spec.find(":printed") != std::string::npos ? HeuristicPolicy::Reading::Printed
                                                           : HeuristicPolicy::Reading::Text;
    h.daily = spec.find(":daily") != std::string::npos;
    return h;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("TeachingPanel", text);
}

} // namespace

HeuristicLines heuristicLines(const Scenario &s, const ModelPool &pool, const std::string &spec, std::size_t i)
{
    HeuristicLines lines;
    const HeuristicSpec h = parseHeuristic(spec);
    if (!h.ok || i >= s.size() || pool.models.empty())
        return lines;
    // The range the policy takes C_low and C_high over: the whole scenario, or interval i's UTC day.
    std::size_t first = 0, last = s.size();
    if (h.daily) {
        const UtcSeconds day = utcDayStart(s.times[i]);
        first = i;
        while (first > 0 && utcDayStart(s.times[first - 1]) == day)
            --first;
        last = i + 1;
        while (last < s.size() && utcDayStart(s.times[last]) == day)
            ++last;
    }
    const auto begin = s.intensity.begin() + static_cast<std::ptrdiff_t>(first);
    const auto end = s.intensity.begin() + static_cast<std::ptrdiff_t>(last);
    const auto [lo, hi] = std::minmax_element(begin, end);
    lines.cLow = *lo;
    lines.cHigh = *hi;
    for (double bound : HeuristicPolicy::switchPoints(pool, h.reading).bounds)
        lines.switchLevels.push_back(lines.cLow + bound * (lines.cHigh - lines.cLow));
    lines.valid = true;
    return lines;
}

QString explainStep(const Scenario &s, const ModelPool &pool, const std::string &spec, const std::string &label,
                    int chosen, std::size_t i)
{
    if (i >= s.size())
        return {};
    const QString model = chosen >= 0 && chosen < pool.size() ? QString::fromStdString(pool.at(chosen).name) : tr("none");
    const double c = s.intensity[i];
    if (spec.rfind("model:", 0) == 0)
        return tr("%1 serves every request: a single-model baseline, whatever the intensity (%2 g/kWh).")
            .arg(model)
            .arg(c, 0, 'f', 0);
    const HeuristicLines lines = heuristicLines(s, pool, spec, i);
    if (!lines.valid) {
        if (spec.rfind("optimal", 0) == 0)
            return tr("%1 at %2 g/kWh: the exact hindsight optimum places each model where it saves the most CO₂ "
                      "for the error allowed, knowing the whole month; there is no per-step rule.")
                .arg(model)
                .arg(c, 0, 'f', 0);
        return tr("%1 at %2 g/kWh, as %3 decides.").arg(model).arg(c, 0, 'f', 0).arg(QString::fromStdString(label));
    }
    double eLow = pool.models.front().energyMj, eHigh = eLow;
    for (const Model &m : pool.models) {
        eLow = std::min(eLow, m.energyMj);
        eHigh = std::max(eHigh, m.energyMj);
    }
    const double span = lines.cHigh - lines.cLow;
    const double x = span > 0 ? std::clamp((c - lines.cLow) / span, 0.0, 1.0) : 0.0;
    const bool printed = parseHeuristic(spec).reading == HeuristicPolicy::Reading::Printed;
    const double eSel = printed ? eLow + x * (eHigh - eLow) : eHigh - x * (eHigh - eLow);
    const QString energy = chosen >= 0 && chosen < pool.size()
                               ? QStringLiteral(" (%1 mJ)").arg(pool.at(chosen).energyMj, 0, 'f', 1)
                               : QString();
    return tr("Intensity %1 g/kWh is %2 % of the way from C_low %3 to C_high %4 g/kWh → E_sel = %5 mJ (%6) → "
              "nearest: %7%8.")
        .arg(c, 0, 'f', 0)
        .arg(x * 100, 0, 'f', 0)
        .arg(lines.cLow, 0, 'f', 0)
        .arg(lines.cHigh, 0, 'f', 0)
        .arg(eSel, 0, 'f', 1)
        .arg(printed ? tr("printed equation: the dirtier, the bigger") : tr("the paper's text: the dirtier, the smaller"))
        .arg(model, energy);
}

} // namespace cs
