#include "addremovemodel.h"

#include "poolmodel.h"
#include "undocommands.h"

namespace cs {

AddRemoveModel::AddRemoveModel(PoolModel *pool, int row, Model model, const QString &text)
    : QUndoCommand(text), mPool(pool), mRow(row), mAdds(true), mModel(std::move(model))
{}

AddRemoveModel::AddRemoveModel(PoolModel *pool, int row, const QString &text)
    : QUndoCommand(text), mPool(pool), mRow(row), mAdds(false)
{}

int AddRemoveModel::id() const
{
    return CmdAddRemoveModel;
}

void AddRemoveModel::undo()
{
    mAdds ? remove() : add();
}

void AddRemoveModel::redo()
{
    mAdds ? add() : remove();
}

void AddRemoveModel::add()
{
    mPool->insertModel(mRow, std::move(*mModel));
    mModel.reset();
}

void AddRemoveModel::remove()
{
    mModel = mPool->takeModel(mRow);
}

} // namespace cs
