#pragma once

#include "model_pool.h"

#include <QUndoCommand>

namespace cs {

class PoolModel;

// One edit of one pool row; undo and redo both swap the stored model with the row's (Tiled's ChangeValue).
class ChangeModel : public QUndoCommand
{
public:
    ChangeModel(PoolModel *pool, int row, Model model, const QString &text);

    void undo() override { swap(); }
    void redo() override { swap(); }
    int id() const override;

private:
    void swap();

    PoolModel *mPool;
    int mRow;
    Model mModel;
};

} // namespace cs
