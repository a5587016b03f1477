#include "policytable.h"

#include "copycommand.h"
#include "policytotalsmodel.h"
#include "scenariodocument.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QSortFilterProxyModel>

namespace cs {

PolicyTable::PolicyTable(ScenarioDocument *document, QWidget *parent)
    : QTableView(parent), mDocument(document), mModel(new PolicyTotalsModel(document, this)),
      mProxy(new QSortFilterProxyModel(this))
{
    mProxy->setSourceModel(mModel);
    mProxy->setSortRole(Qt::UserRole);
    setModel(mProxy);
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setSortIndicatorShown(true);
    setColumnHidden(PolicyTotalsModel::Spec, true);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setToolTip(tr("Click a header to sort; double-click a policy to make it the baseline; right-click for more"));

    connect(this, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString spec = mProxy->index(index.row(), PolicyTotalsModel::Spec).data(Qt::UserRole).toString();
        mDocument->setBaseline(spec.toStdString());
    });
    connect(this, &QWidget::customContextMenuRequested, this, &PolicyTable::showMenu);
    connect(mModel, &QAbstractItemModel::modelReset, this, [this] {
        resizeColumnsToContents();
        for (int c = 0; c < mModel->columnCount(); ++c)
            setColumnWidth(c, std::min(columnWidth(c), 420));
    });
    resizeColumnsToContents();
}

std::string PolicyTable::currentSpec() const
{
    const QModelIndex index = currentIndex();
    if (!index.isValid())
        return {};
    return mProxy->index(index.row(), PolicyTotalsModel::Spec).data(Qt::UserRole).toString().toStdString();
}

void PolicyTable::showMenu(const QPoint &pos)
{
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return;
    const std::string spec =
        mProxy->index(index.row(), PolicyTotalsModel::Spec).data(Qt::UserRole).toString().toStdString();
    QMenu menu(this);
    menu.addAction(tr("Make baseline"), this, [this, spec] { mDocument->setBaseline(spec); });
    menu.addAction(tr("Hide in plots"), this, [this, spec] { Q_EMIT hideRequested(spec); });
    menu.addAction(tr("Remove from comparison"), this, [this, spec] { mDocument->removePolicy(spec); });
    menu.addSeparator();
    menu.addAction(tr("Copy as command"), this, [this] {
        const QString message = copyReproduceCommand(*mDocument);
        if (auto *main = qobject_cast<QMainWindow *>(window()))
            main->statusBar()->showMessage(message, 10000);
    });
    menu.exec(viewport()->mapToGlobal(pos));
}

} // namespace cs
