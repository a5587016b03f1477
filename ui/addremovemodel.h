#pragma once

#include "model_pool.h"

#include <QUndoCommand>

#include <optional>

namespace cs {

class PoolModel;

// Adds a model at a row (the first constructor) or removes the row's model (the second); undo does the other.
class AddRemoveModel : public QUndoCommand
{
public:
    AddRemoveModel(PoolModel *pool, int row, Model model, const QString &text);
    AddRemoveModel(PoolModel *pool, int row, const QString &text);

    void undo() override;
    void redo() override;
    int id() const override;

private:
    void add();
    void remove();

    PoolModel *mPool;
    int mRow;
    bool mAdds;
    std::optional<Model> mModel; // held while it is out of the pool
};

} // namespace cs
