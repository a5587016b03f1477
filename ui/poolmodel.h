#pragma once

#include "model_pool.h"

#include <QAbstractTableModel>

class QUndoStack;

namespace cs {

// The model pool as an editable table. The pool changes only through this class: the user-facing edits
// (setData, addModel, ...) push undo commands, and the commands call the plain mutators below, which wrap each
// change in the model's begin/end notifications (Tiled's LayerModel).
class PoolModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Energy, Error, Latency, Throughput, Source, ColumnCount };

    explicit PoolModel(QUndoStack *undoStack, QObject *parent = nullptr);

    const ModelPool &pool() const { return mPool; }
    QUndoStack *undoStack() const { return mUndoStack; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Validates and pushes one ChangeModel command; a rejected value emits editRejected and changes nothing.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // User-facing edits, each one undo step.
    void addModel();
    void duplicateModel(int row);
    void deleteModel(int row);
    void resetPool(const ModelPool &pool, const QString &why);

    // Why `value` cannot go into `column` of `row`; empty when it can.
    QString validate(int row, int column, const QVariant &value) const;

    // Mutators for the undo commands only.
    Model replaceModel(int row, Model model);
    void insertModel(int row, Model model);
    Model takeModel(int row);
    ModelPool replacePool(ModelPool pool);

Q_SIGNALS:
    void poolEdited();
    void modelRenamed(const QString &oldName, const QString &newName);
    void modelInserted(const QString &name);
    void poolReplaced();
    void editRejected(const QString &reason);

private:
    QString uniqueName(const QString &base) const;

    ModelPool mPool;
    QUndoStack *mUndoStack;
};

} // namespace cs
