#pragma once

#include <QAbstractTableModel>

namespace cs {

class ScenarioDocument;

// The policies' totals over the selected range, one row per policy, against the document's baseline.
// Qt::UserRole holds the raw number of each cell, for sorting and for CSV export.
class PolicyTotalsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Policy, Co2, Error, ExtraCo2, RelativeGain, Efficiency, ModelShare, Spec, ColumnCount };

    explicit PolicyTotalsModel(ScenarioDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The header of `column` as a tidy CSV name with its unit ("co2_g").
    static QString csvName(int column);

private:
    ScenarioDocument *mDocument;
};

} // namespace cs
