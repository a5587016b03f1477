#pragma once

#include "efficiencycell.h"
#include "unitformat.h"

#include <QAbstractTableModel>

namespace cs {

class ScenarioDocument;

// The policies' totals over the selected range, one row per policy, against the document's baseline.
// Qt::UserRole holds the raw number of each cell (grams, % per g), for sorting and for CSV export; the display
// scales each CO2 column to one unit (g, kg or t) and says in the efficiency column why a ratio is not shown.
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

    // The mass unit a CO2 column (Co2, ExtraCo2; Efficiency is per ExtraCo2's unit) is shown in.
    static MassUnit columnUnit(const ScenarioDocument &document, int column);
    static EfficiencyVerdict verdict(const ScenarioDocument &document, int row);
    // What the table shows, for the table and the PDF report alike.
    static QString displayText(const ScenarioDocument &document, int row, int column);
    static QString headerText(const ScenarioDocument &document, int column);

private:
    ScenarioDocument *mDocument;
};

} // namespace cs
