#pragma once

#include <QAbstractTableModel>

namespace cs {

class ScenarioDocument;

// Which pool models each adaptive policy may use: rows are the policies that choose among models, columns the
// pool's models, each cell a check box. A change is one undo step (ChangePolicies) and re-simulates at once.
class PolicyModelsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit PolicyModelsModel(ScenarioDocument *document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

private:
    void refresh();
    bool allowed(int row, int column) const;

    ScenarioDocument *mDocument;
    std::vector<int> mRows; // indices into the document's policy entries
};

} // namespace cs
