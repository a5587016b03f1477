#pragma once

#include "scenariodocument.h"

#include <QUndoCommand>

namespace cs {

// A new carbon or request trace (an import, "Open default scenario"): one undo step that swaps the traces and
// the scenario aligned from them, so the edit marks the document modified and Ctrl+Z brings the old ones back.
class ChangeTraces : public QUndoCommand
{
public:
    ChangeTraces(ScenarioDocument *document, ScenarioDocument::Traces traces, const QString &text);

    void undo() override { mDocument->swapTraces(mOther); }
    void redo() override { mDocument->swapTraces(mOther); }
    int id() const override;

private:
    ScenarioDocument *mDocument;
    ScenarioDocument::Traces mOther;
};

} // namespace cs
