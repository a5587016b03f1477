#include "changepolicies.h"

#include "scenariodocument.h"
#include "undocommands.h"

namespace cs {

ChangePolicies::ChangePolicies(ScenarioDocument *document, PolicySet policies, const QString &text)
    : ChangeValue<PolicySet>(
          CmdChangePolicies, std::move(policies),
          [document](PolicySet set) { return document->replacePolicies(std::move(set)); }, text)
{}

} // namespace cs
