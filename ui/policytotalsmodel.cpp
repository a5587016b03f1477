#include "policytotalsmodel.h"

#include "policystyle.h"
#include "scenariodocument.h"

#include <QBrush>
#include <QFont>

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
        case Efficiency: return haveBase && std::isfinite(c.efficiency) ? QVariant(c.efficiency) : QVariant();
        case ModelShare: return shareText(t.modelShare, mDocument->pool());
        case Spec: return QString::fromStdString(run.spec);
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        if (!run.ok())
            return index.column() == Policy ? QString::fromStdString(run.label)
                   : index.column() == ModelShare ? tr("cannot run: %1").arg(QString::fromStdString(run.error))
                   : index.column() == Spec ? QString::fromStdString(run.spec) : QVariant();
        switch (index.column()) {
        case Policy: return QString::fromStdString(run.label) + (isBaseline ? tr("  (baseline)") : QString());
        case Co2: return QString::number(t.co2G, 'f', t.co2G < 100 ? 3 : 1);
        case Error: return QString::number(t.errorPct, 'f', 3);
        case ExtraCo2: return haveBase ? QString::number(c.extraCo2G, 'f', 2) : QString();
        case RelativeGain: return haveBase ? QString::number(c.relativeGainPct, 'f', 2) : QString();
        case Efficiency:
            return haveBase && std::isfinite(c.efficiency) ? QString::number(c.efficiency, 'g', 4) : tr("—");
        case ModelShare: return shareText(t.modelShare, mDocument->pool());
        case Spec: return QString::fromStdString(run.spec);
        }
    } else if (role == Qt::DecorationRole && index.column() == Policy) {
        return policyColor(index.row());
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
            return tr("Carbon emission efficiency (Jung 2024): relative quality gain ÷ extra CO₂ against the "
                      "baseline; undefined where the extra CO₂ is 0");
        if (index.column() == Policy)
            return tr("%1 — double-click to make it the baseline").arg(QString::fromStdString(run.spec));
    }
    return {};
}

QVariant PolicyTotalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Co2: return tr("Total CO₂ over the selected period, grams");
        case Error: return tr("Request-weighted top-5 error, percent");
        case ExtraCo2: return tr("CO₂ above the baseline's, grams (negative: less)");
        case RelativeGain: return tr("(error of baseline − error) ÷ error of baseline × 100");
        case Efficiency: return tr("Relative quality gain ÷ extra CO₂ (% per g)");
        case ModelShare: return tr("Share of requests served by each model");
        case Spec: return tr("The policy as the CLI names it (carbonscope-cli --policy)");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Policy: return tr("Policy");
    case Co2: return tr("CO₂ (g)");
    case Error: return tr("Error (%)");
    case ExtraCo2: return tr("Extra CO₂ (g)");
    case RelativeGain: return tr("Rel. gain (%)");
    case Efficiency: return tr("Efficiency (%/g)");
    case ModelShare: return tr("Model share");
    case Spec: return tr("Spec");
    }
    return {};
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
