#include "pooleditor.h"

#include "policymodelsmodel.h"
#include "pool_json.h"
#include "poolmodel.h"
#include "scenariodocument.h"
#include "textdelegate.h"

#include <QAction>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace cs {

PoolEditor::PoolEditor(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), mDocument(document), mTable(new QTableView(this)), mPolicyModels(new QTableView(this)),
      mMessage(new QLabel(this))
{
    PoolModel *pool = document->poolModel();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *bar = new QToolBar(this);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    const auto icon = [this](QStyle::StandardPixmap p) { return style()->standardIcon(p); };
    QAction *add = bar->addAction(icon(QStyle::SP_FileIcon), tr("Add"), pool, &PoolModel::addModel);
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Insert));
    add->setToolTip(tr("Add a model to the pool (Ctrl+Insert)"));
    QAction *duplicate = bar->addAction(icon(QStyle::SP_FileDialogNewFolder), tr("Duplicate"), this,
                                        [this, pool] { pool->duplicateModel(currentRow()); });
    duplicate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    duplicate->setToolTip(tr("Duplicate the selected model (Ctrl+D)"));
    QAction *remove = bar->addAction(icon(QStyle::SP_TrashIcon), tr("Remove"), this,
                                     [this, pool] { pool->deleteModel(currentRow()); });
    remove->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    remove->setToolTip(tr("Remove the selected model (Ctrl+Delete)"));
    bar->addSeparator();
    QAction *undo = document->undoStack()->createUndoAction(this, tr("Undo"));
    undo->setIcon(icon(QStyle::SP_ArrowBack));
    undo->setToolTip(tr("Undo the last edit (Ctrl+Z)"));
    QAction *redo = document->undoStack()->createRedoAction(this, tr("Redo"));
    redo->setIcon(icon(QStyle::SP_ArrowForward));
    redo->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    bar->addAction(undo);
    bar->addAction(redo);
    bar->addSeparator();
    bar->addAction(icon(QStyle::SP_BrowserReload), tr("Reset to Table 1"), this,
                   [pool] { pool->resetPool(paperPool(), tr("Reset pool to Table 1")); })
        ->setToolTip(tr("The paper's seven models (Jung 2024, Table 1)"));
    bar->addAction(tr("ResNets"), this, [pool] { pool->resetPool(resnetPool(), tr("ResNet preset")); })
        ->setToolTip(tr("The paper's four ResNets, the pool of its headline result"));
    bar->addSeparator();
    bar->addAction(icon(QStyle::SP_DialogOpenButton), tr("Import JSON…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import pool"), {}, tr("Pool JSON (*.json)"));
        if (!path.isEmpty())
            importPoolJson(path);
    })->setToolTip(tr("Replace the pool with one read from a JSON file (undoable)"));
    bar->addAction(icon(QStyle::SP_DialogSaveButton), tr("Export JSON…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export pool"), QStringLiteral("pool.json"),
                                                          tr("Pool JSON (*.json)"));
        if (path.isEmpty())
            return;
        // A failed write (folder read-only, disk full, a project named as the target) is a dialog, not a line.
        if (const QString why = exportPoolJson(path); !why.isEmpty()) {
            QMessageBox box(QMessageBox::Warning, tr("Export failed"), tr("Could not write %1").arg(path),
                            QMessageBox::Ok, this);
            box.setInformativeText(why);
            box.exec();
        }
    })->setToolTip(tr("Write the pool as JSON (the CLI reads it with --pool FILE.json)"));
    layout->addWidget(bar);

    auto *hint = new QLabel(tr("Double-click a cell (or press F2) to edit. Every edit re-simulates every policy at "
                               "once; Ctrl+Z undoes it."),
                            this);
    layout->addWidget(hint);

    mTable->setModel(pool);
    mTable->setItemDelegate(new TextDelegate(mTable));
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    mTable->horizontalHeader()->setStretchLastSection(true);
    mTable->verticalHeader()->setVisible(false);
    mTable->setAlternatingRowColors(true);
    mTable->setToolTip(tr("The model pool: energy and error per inference of each model"));
    mTable->resizeColumnsToContents();
    connect(pool, &QAbstractItemModel::modelReset, mTable, &QTableView::resizeColumnsToContents);

    mMessage->setWordWrap(true);
    connect(pool, &PoolModel::editRejected, this, [this](const QString &why) { showMessage(why, true); });
    connect(document->undoStack(), &QUndoStack::indexChanged, this, [this] {
        showMessage(tr("Re-simulated %1 policies in %2 ms.")
                        .arg(mDocument->runs().size())
                        .arg(mDocument->lastSimulationMs(), 0, 'f', 1),
                    false);
    });

    auto *policyModels = new PolicyModelsModel(document, this);
    mPolicyModels->setModel(policyModels);
    mPolicyModels->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    mPolicyModels->setToolTip(tr("Untick a model to keep an adaptive policy from choosing it"));

    auto *history = new QUndoView(document->undoStack(), this);
    history->setEmptyLabel(tr("<opened>"));
    history->setToolTip(tr("Edit history: click an entry to go back to it"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(mTable, 3);
    leftLayout->addWidget(mMessage);
    leftLayout->addWidget(new QLabel(tr("<b>Models each adaptive policy may use</b>"), left));
    leftLayout->addWidget(mPolicyModels, 2);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("<b>History</b>"), right));
    rightLayout->addWidget(history);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
}

int PoolEditor::currentRow() const
{
    const QModelIndex index = mTable->currentIndex();
    return index.isValid() ? index.row() : -1;
}

void PoolEditor::showMessage(const QString &text, bool error)
{
    mMessage->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: bold") : QString());
    mMessage->setText(text);
}

QString PoolEditor::importPoolJson(const QString &path)
{
    try {
        ModelPool pool = readPoolJson(path.toStdString());
        mDocument->poolModel()->resetPool(pool, tr("Import pool %1").arg(QString::fromStdString(pool.name)));
        showMessage(tr("Imported %1 models from %2.").arg(pool.size()).arg(path), false);
        return {};
    } catch (const std::exception &e) {
        const QString why = QString::fromUtf8(e.what());
        showMessage(why, true);
        return why;
    }
}

QString PoolEditor::exportPoolJson(const QString &path)
{
    try {
        writePoolJson(mDocument->pool(), path.toStdString());
        showMessage(tr("Wrote the pool to %1.").arg(path), false);
        return {};
    } catch (const std::exception &e) {
        const QString why = QString::fromUtf8(e.what());
        showMessage(why, true);
        return why;
    }
}

} // namespace cs
