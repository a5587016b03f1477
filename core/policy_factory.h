#pragma once

#include "policy.h"
#include "policy_kind.h"

#include <string>
#include <vector>

namespace cs {

// The one registry of policy kinds. It starts with core's kinds (model, heuristic, threshold: register_policies.cpp);
// the optimize library adds its own with registerOptimizePolicies(). Registering a kind again replaces it.
void registerPolicyKind(PolicyKind kind);

// Makes a policy from its spec, as the CLI and the GUI name policies: the kind is the text before the first ':'
// (or before the second where that longer name is registered, as "online:price"). Throws InputError naming the
// spec and what is wrong.
PolicyPtr makePolicy(const std::string &spec);

// Every registered kind, sorted by name.
std::vector<PolicyKind> policyKinds();

// One line per known kind ("SYNTAX  help"), for --help texts and tooltips.
std::vector<std::string> policyKindHelp();

// The examples of every kind, in the order of policyKinds(): the Compare tab's presets.
std::vector<std::string> policyExamples();

// docs/policies.md as the registry writes it (tests/core/test_policy_registry.cpp keeps the file equal to it).
std::string policyReference();

// The specs worth comparing on a pool: every single model, the heuristic in both readings, and its daily variant.
std::vector<std::string> standardPolicySpecs(const ModelPool &pool);

} // namespace cs
