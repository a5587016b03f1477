#include "changemodel.h"

#include "poolmodel.h"
#include "undocommands.h"

namespace cs {

ChangeModel::ChangeModel(PoolModel *pool, int row, Model model, const QString &text)
    : QUndoCommand(text), mPool(pool), mRow(row), mModel(std::move(model))
{}

int ChangeModel::id() const
{
    return CmdChangeModel;
}

void ChangeModel::swap()
{
    mModel = mPool->replaceModel(mRow, std::move(mModel));
}

} // namespace cs
