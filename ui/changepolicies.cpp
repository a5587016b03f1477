#include "changepolicies.h"

#include "scenariodocument.h"
#include "undocommands.h"

namespace cs {

ChangePolicies::ChangePolicies(ScenarioDocument *document, PolicySet policies, const QString &text)
    : QUndoCommand(text), mDocument(document), mOther(std::move(policies))
{}

int ChangePolicies::id() const
{
    return CmdChangePolicies;
}

void ChangePolicies::swap()
{
    mOther = mDocument->replacePolicies(std::move(mOther));
}

} // namespace cs
