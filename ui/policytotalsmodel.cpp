#include "policytotalsmodel.h"

#include "deploymentdialog.h"
#include "efficiencycell.h"
#include "plottheme.h"
#include "policystyle.h"
#include "scenariodocument.h"
#include "unitformat.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>

#include <cmath>

namespace cs {

PolicyTotalsModel::PolicyTotalsModel(ScenarioDocument *document, QObject *parent)
    : QAbstractTableModel(parent), mDocument(document)
{
    // Results are replaced wholesale on every edit; a reset is the honest notification.
    connect(document, &ScenarioDocument::resultsChanged, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(document, &ScenarioDocument::totalsChanged, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, Co2, Efficiency); // the units follow the largest value
    });
}

int PolicyTotalsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(mDocument->runs().size());
}

int PolicyTotalsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString shareText(const std::vector<double> &share, const ModelPool &pool)
{
    QStringList parts;
    for (std::size_t m = 0; m < share.size() && static_cast<int>(m) < pool.size(); ++m)
        if (share[m] > 0.0005)
            parts << QStringLiteral("%1 %2%").arg(QString::fromStdString(pool.at(static_cast<int>(m)).name))
                         .arg(share[m] * 100, 0, 'f', 1);
    return parts.join(QStringLiteral(", "));
}

// One unit per column, from the largest magnitude in it, so that the rows compare at a glance.
MassUnit PolicyTotalsModel::columnUnit(const ScenarioDocument &document, int column)
{
    double largest = 0;
    for (const PolicyRun &run : document.runs())
        if (run.ok())
            largest = std::max(largest, std::fabs(column == Co2 ? run.rangeTotals.co2G : run.rangeVsBaseline.extraCo2G));
    return massUnitFor(largest);
}

EfficiencyVerdict PolicyTotalsModel::verdict(const ScenarioDocument &document, int row)
{
    const PolicyRun &run = document.runs()[static_cast<std::size_t>(row)];
    const int b = document.baselineRun();
    const double baseCo2 = b >= 0 ? document.runs()[static_cast<std::size_t>(b)].rangeTotals.co2G : 0;
    return efficiencyVerdict(run.rangeVsBaseline.extraCo2G, run.rangeVsBaseline.relativeGainPct, baseCo2);
}

QString PolicyTotalsModel::displayText(const ScenarioDocument &document, int row, int column)
{
    const PolicyRun &run = document.runs()[static_cast<std::size_t>(row)];
    if (!run.ok())
        return column == Policy ? QString::fromStdString(run.label)
               : column == ModelShare ? tr("cannot run: %1").arg(QString::fromStdString(run.error))
               : column == Spec ? QString::fromStdString(run.spec) : QString();
    const Totals &t = run.rangeTotals;
    const BaselineComparison &c = run.rangeVsBaseline;
    const bool haveBase = document.baselineRun() >= 0;
    switch (column) {
    case Policy:
        return QString::fromStdString(run.label) +
               (run.spec == document.policies().baseline ? tr("  (baseline)") : QString());
    case Co2: return plainNumber(t.co2G / columnUnit(document, Co2).grams);
    case Error: return QString::number(t.errorPct, 'f', 3);
    case ExtraCo2: return haveBase ? plainNumber(c.extraCo2G / columnUnit(document, ExtraCo2).grams) : QString();
    case RelativeGain: return haveBase ? plainNumber(c.relativeGainPct) : QString();
    case Efficiency: return haveBase ? verdict(document, row).text(columnUnit(document, ExtraCo2).grams) : tr("—");
    case ModelShare: return shareText(t.modelShare, document.pool());
    case Spec: return QString::fromStdString(run.spec);
    }
    return {};
}

QString PolicyTotalsModel::headerText(const ScenarioDocument &document, int column)
{
    switch (column) {
    case Policy: return tr("Policy");
    case Co2: return tr("CO₂ (%1)").arg(columnUnit(document, Co2).symbol);
    case Error: return tr("Error (%)");
    case ExtraCo2: return tr("Extra CO₂ (%1)").arg(columnUnit(document, ExtraCo2).symbol);
    case RelativeGain: return tr("Rel. gain (%)");
    case Efficiency: return tr("Efficiency (%/%1)").arg(columnUnit(document, ExtraCo2).symbol);
    case ModelShare: return tr("Model share");
    case Spec: return tr("Spec");
    }
    return {};
}

QVariant PolicyTotalsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const PolicyRun &run = mDocument->runs()[static_cast<std::size_t>(index.row())];
    const bool isBaseline = run.spec == mDocument->policies().baseline;
    const Totals &t = run.rangeTotals;
    const BaselineComparison &c = run.rangeVsBaseline;
    const bool haveBase = mDocument->baselineRun() >= 0;

    if (role == Qt::UserRole) {
        if (!run.ok())
            return index.column() == Policy ? QVariant(QString::fromStdString(run.label)) : QVariant();
        switch (index.column()) {
        case Policy: return QString::fromStdString(run.label);
        case Co2: return t.co2G;
        case Error: return t.errorPct;
        case ExtraCo2: return haveBase ? QVariant(c.extraCo2G) : QVariant();
        case RelativeGain: return haveBase ? QVariant(c.relativeGainPct) : QVariant();
        case Efficiency: { // % per g where defined; the words sort after every number
            const EfficiencyVerdict v = verdict(*mDocument, index.row());
            return haveBase && v.kind == EfficiencyVerdict::Defined ? QVariant(v.percentPerGram) : QVariant();
        }
        case ModelShare: return shareText(t.modelShare, mDocument->pool());
        case Spec: return QString::fromStdString(run.spec);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        return displayText(*mDocument, index.row(), index.column());
    } else if (role == Qt::DecorationRole && index.column() == Policy) {
        // The policy's own colour, as every plot draws it: it follows the policy, not the row.
        return mDocument->policyStyle(run.spec, isDarkPalette(QGuiApplication::palette())).colour;
    } else if (role == Qt::FontRole && isBaseline) {
        QFont f;
        f.setBold(true);
        return f;
    } else if (role == Qt::ForegroundRole && !run.ok()) {
        return QBrush(Qt::red);
    } else if (role == Qt::TextAlignmentRole && index.column() >= Co2 && index.column() <= Efficiency) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == Qt::ToolTipRole) {
        if (!run.ok())
            return QString::fromStdString(run.error);
        if (index.column() == Efficiency)
            return verdict(*mDocument, index.row()).explanation() +
                   tr(" (carbon emission efficiency, Jung 2024: relative quality gain ÷ extra CO₂, defined where "
                      "the extra CO₂ is above 0)");
        if (index.column() == Policy)
            return tr("%1 — double-click to make it the baseline").arg(QString::fromStdString(run.spec));
        if (index.column() == Co2) // what the total is made of (Edit ▸ Deployment…, docs/energy_model.md)
            return emissionPartsText(run.rangeTotals);
    }
    return {};
}

QVariant PolicyTotalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Co2: return tr("Total CO₂ over the selected period");
        case Error: return tr("Request-weighted top-5 error, percent");
        case ExtraCo2: return tr("CO₂ above the baseline's (negative: less)");
        case RelativeGain: return tr("(error of baseline − error) ÷ error of baseline × 100");
        case Efficiency:
            return tr("Relative quality gain ÷ extra CO₂, where the policy emits more than the baseline; otherwise "
                      "what it is: dominates (better and cheaper), cheaper and worse, same as baseline");
        case ModelShare: return tr("Share of requests served by each model");
        case Spec: return tr("The policy as the CLI names it (carbonscope-cli --policy)");
        }
        return {};
    }
    return role == Qt::DisplayRole ? QVariant(headerText(*mDocument, section)) : QVariant();
}

QString PolicyTotalsModel::csvName(int column)
{
    switch (column) {
    case Policy: return QStringLiteral("policy");
    case Co2: return QStringLiteral("co2_g");
    case Error: return QStringLiteral("error_pct");
    case ExtraCo2: return QStringLiteral("extra_co2_g");
    case RelativeGain: return QStringLiteral("rel_gain_pct");
    case Efficiency: return QStringLiteral("efficiency_pct_per_g");
    case ModelShare: return QStringLiteral("model_share");
    case Spec: return QStringLiteral("spec");
    }
    return {};
}

} // namespace cs
