#include "changetraces.h"

#include "undocommands.h"

namespace cs {

ChangeTraces::ChangeTraces(ScenarioDocument *document, ScenarioDocument::Traces traces, const QString &text)
    : QUndoCommand(text), mDocument(document), mOther(std::move(traces))
{}

int ChangeTraces::id() const
{
    return CmdChangeTraces;
}

} // namespace cs
