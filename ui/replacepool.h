#pragma once

#include "model_pool.h"

#include <QUndoCommand>

namespace cs {

class PoolModel;

// Replaces the whole pool (reset to Table 1, a preset, an imported JSON file); undo and redo swap.
class ReplacePool : public QUndoCommand
{
public:
    ReplacePool(PoolModel *pool, ModelPool replacement, const QString &text);

    void undo() override { swap(); }
    void redo() override { swap(); }
    int id() const override;

private:
    void swap();

    PoolModel *mPool;
    ModelPool mOther;
};

} // namespace cs
