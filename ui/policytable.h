#pragma once

#include <QTableView>

class QSortFilterProxyModel;

namespace cs {

class PolicyTotalsModel;
class ScenarioDocument;

// The policies' totals as a sortable table: double-click (or the context menu) makes a policy the baseline;
// the context menu also copies the carbonscope-cli line that reproduces the totals.
class PolicyTable : public QTableView
{
    Q_OBJECT

public:
    explicit PolicyTable(ScenarioDocument *document, QWidget *parent = nullptr);

    PolicyTotalsModel *totalsModel() const { return mModel; }
    // The spec of the policy in the current row, empty when none.
    std::string currentSpec() const;

Q_SIGNALS:
    void hideRequested(const std::string &spec);

private:
    void showMenu(const QPoint &pos);

    ScenarioDocument *mDocument;
    PolicyTotalsModel *mModel;
    QSortFilterProxyModel *mProxy;
};

} // namespace cs
