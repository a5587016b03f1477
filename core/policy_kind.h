#pragma once

#include "policy.h"

#include <functional>
#include <string>
#include <vector>

namespace cs {

// Makes a policy from the whole spec and the text after its kind's ':' (empty when none).
using PolicyKindFactory = std::function<PolicyPtr(const std::string &spec, const std::string &args)>;

// One kind of policy, as `simulate --help`, the Compare tab's presets and docs/policies.md describe it. Each policy
// defines its kind next to its own code; register_policies.cpp / register_optimize_policies.cpp list them.
struct PolicyKind
{
    std::string name;                  // what a spec starts with: "heuristic", or a two-part name "online:price"
    std::string syntax;                // "heuristic[:printed][:daily]"
    std::string help;                  // one line: what it does
    std::vector<std::string> examples; // specs that parse as written (the first is the one the docs show)
    PolicyKindFactory make;
};

} // namespace cs
