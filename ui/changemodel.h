#pragma once

#include "changevalue.h"
#include "model_pool.h"

namespace cs {

class PoolModel;

// One edit of one pool row: a ChangeValue of the row's model.
class ChangeModel : public ChangeValue<Model>
{
public:
    ChangeModel(PoolModel *pool, int row, Model model, const QString &text);
};

} // namespace cs
