#pragma once

#include "policy.h"

#include <functional>
#include <string>
#include <vector>

namespace cs {

// Makes a policy from its spec, as the CLI and the GUI name policies:
//   model:NAME                         one model always (a baseline)
//   heuristic[:printed][:daily]        Jung 2024's heuristic; text reading and whole-trace C_low/C_high by default
//   threshold:M1@C1,M2@C2,...,Mn        M1 while intensity < C1, M2 while < C2, ..., Mn at or above C(n-1)
// and any kind registered with registerPolicyKind. Throws InputError naming the spec and what is wrong.
PolicyPtr makePolicy(const std::string &spec);

// Other libraries add policy kinds (the text before the first ':' of a spec, or before the second where that
// longer name is registered, as "online:price"). The factory gets the whole spec and the text after the kind's
// ':' (empty when none). Registering a kind again replaces it.
using PolicyKindFactory = std::function<PolicyPtr(const std::string &spec, const std::string &args)>;
void registerPolicyKind(const std::string &kind, PolicyKindFactory factory, const std::string &help);

// One line per known kind, for --help texts and error messages.
std::vector<std::string> policyKindHelp();

// The specs worth comparing on a pool: every single model, the heuristic in both readings, and its daily variant.
std::vector<std::string> standardPolicySpecs(const ModelPool &pool);

} // namespace cs
