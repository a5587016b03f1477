#pragma once

#include "policyset.h"

#include <QUndoCommand>

namespace cs {

class ScenarioDocument;

// Any change to the compared policies, the baseline or the models a policy may use; undo and redo swap.
class ChangePolicies : public QUndoCommand
{
public:
    ChangePolicies(ScenarioDocument *document, PolicySet policies, const QString &text);

    void undo() override { swap(); }
    void redo() override { swap(); }
    int id() const override;

private:
    void swap();

    ScenarioDocument *mDocument;
    PolicySet mOther;
};

} // namespace cs
