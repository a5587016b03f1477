#pragma once

#include <QUndoCommand>

#include <functional>
#include <utility>

namespace cs {

// One undoable change of a value (Tiled's ChangeValue): the command holds the other value, and undo and redo both
// swap it with the one in place through `swap`, which installs its argument and returns what it replaced. The
// merge id comes from undocommands.h; commands of one id do not merge (each edit is one undo step).
template<typename Value>
class ChangeValue : public QUndoCommand
{
public:
    using Swap = std::function<Value(Value)>;

    ChangeValue(int id, Value other, Swap swap, const QString &text)
        : QUndoCommand(text), mId(id), mOther(std::move(other)), mSwap(std::move(swap))
    {}

    void undo() override { mOther = mSwap(std::move(mOther)); }
    void redo() override { mOther = mSwap(std::move(mOther)); }
    int id() const override { return mId; }

private:
    int mId;
    Value mOther;
    Swap mSwap;
};

} // namespace cs
