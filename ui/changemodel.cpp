#include "changemodel.h"

#include "poolmodel.h"
#include "undocommands.h"

namespace cs {

ChangeModel::ChangeModel(PoolModel *pool, int row, Model model, const QString &text)
    : ChangeValue<Model>(
          CmdChangeModel, std::move(model), [pool, row](Model m) { return pool->replaceModel(row, std::move(m)); },
          text)
{}

} // namespace cs
