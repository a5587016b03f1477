#pragma once

#include "changevalue.h"
#include "policyset.h"

namespace cs {

class ScenarioDocument;

// Any change to the compared policies, the baseline or the models a policy may use: a ChangeValue of the
// document's PolicySet.
class ChangePolicies : public ChangeValue<PolicySet>
{
public:
    ChangePolicies(ScenarioDocument *document, PolicySet policies, const QString &text);
};

} // namespace cs
