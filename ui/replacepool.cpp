#include "replacepool.h"

#include "poolmodel.h"
#include "undocommands.h"

namespace cs {

ReplacePool::ReplacePool(PoolModel *pool, ModelPool replacement, const QString &text)
    : QUndoCommand(text), mPool(pool), mOther(std::move(replacement))
{}

int ReplacePool::id() const
{
    return CmdReplacePool;
}

void ReplacePool::swap()
{
    mOther = mPool->replacePool(std::move(mOther));
}

} // namespace cs
