#pragma once

namespace cs {

// Registers the optimize library's policy kinds (optimal, optimal-split, online, forecast, budget, service,
// online:price, forecast:price) in the one registry (policy_factory.h). Call once at start-up (the CLI's main and
// the GUI); calling again is harmless.
void registerOptimizePolicies();

} // namespace cs
