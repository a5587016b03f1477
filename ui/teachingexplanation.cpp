#include "teachingexplanation.h"

#include "policies/heuristic_policy.h"
#include "policy_factory.h"

#include <QCoreApplication>

#include <algorithm>

namespace cs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TeachingPanel", text);
}

// The spec's heuristic, read by the policy registry; null for any other policy or a spec that does not parse.
std::unique_ptr<const HeuristicPolicy> heuristicOf(const std::string &spec)
{
    try {
        PolicyPtr policy = makePolicy(spec);
        if (auto *h = dynamic_cast<const HeuristicPolicy *>(policy.get())) {
            policy.release();
            return std::unique_ptr<const HeuristicPolicy>(h);
        }
    } catch (const std::exception &) {
    }
    return nullptr;
}

} // namespace

HeuristicLines heuristicLines(const Scenario &s, const ModelPool &pool, const std::string &spec, std::size_t i)
{
    const auto h = heuristicOf(spec);
    if (!h || i >= s.size() || pool.models.empty())
        return {};
    const HeuristicPolicy::Position p = h->positionAt(s, pool, i);
    HeuristicLines lines;
    lines.cLow = p.cLow;
    lines.cHigh = p.cHigh;
    for (double bound : HeuristicPolicy::switchPoints(pool, h->reading()).bounds)
        lines.switchLevels.push_back(p.cLow + bound * (p.cHigh - p.cLow));
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
    const auto h = heuristicOf(spec);
    if (!h || pool.models.empty()) {
        if (spec.rfind("optimal", 0) == 0)
            return tr("%1 at %2 g/kWh: the exact hindsight optimum places each model where it saves the most CO₂ "
                      "for the error allowed, knowing the whole month; there is no per-step rule.")
                .arg(model)
                .arg(c, 0, 'f', 0);
        return tr("%1 at %2 g/kWh, as %3 decides.").arg(model).arg(c, 0, 'f', 0).arg(QString::fromStdString(label));
    }
    const HeuristicPolicy::Position p = h->positionAt(s, pool, i);
    const bool printed = h->reading() == HeuristicPolicy::Reading::Printed;
    const QString energy = chosen >= 0 && chosen < pool.size()
                               ? QStringLiteral(" (%1 mJ)").arg(pool.at(chosen).energyMj, 0, 'f', 1)
                               : QString();
    return tr("Intensity %1 g/kWh is %2 % of the way from C_low %3 to C_high %4 g/kWh → E_sel = %5 mJ (%6) → "
              "nearest: %7%8.")
        .arg(c, 0, 'f', 0)
        .arg(p.x * 100, 0, 'f', 0)
        .arg(p.cLow, 0, 'f', 0)
        .arg(p.cHigh, 0, 'f', 0)
        .arg(p.selectedEnergyMj, 0, 'f', 1)
        .arg(printed ? tr("printed equation: the dirtier, the bigger") : tr("the paper's text: the dirtier, the smaller"))
        .arg(model, energy);
}

} // namespace cs
