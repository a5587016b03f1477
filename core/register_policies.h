#pragma once

#include "policy_kind.h"

#include <vector>

namespace cs {

// core's own policy kinds, one line each (register_policies.cpp); the registry starts with them.
std::vector<PolicyKind> corePolicyKinds();

} // namespace cs
