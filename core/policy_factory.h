#pragma once

#include "policy.h"

#include <string>
#include <vector>

namespace cs {

// Makes a policy from its spec, as the CLI and the GUI name policies:
//   model:NAME                         one model always (a baseline)
//   heuristic[:printed][:daily]        Jung 2024's heuristic; text reading and whole-trace C_low/C_high by default
//   threshold:M1@C1,M2@C2,...,Mn        M1 while intensity < C1, M2 while < C2, ..., Mn above
// Throws InputError naming the spec and what is wrong.
PolicyPtr makePolicy(const std::string &spec);

// The specs worth comparing on a pool: every single model, the heuristic in both readings, and its daily variant.
std::vector<std::string> standardPolicySpecs(const ModelPool &pool);

} // namespace cs
