#pragma once

namespace cs {

// Registers with makePolicy() the kinds optimal, optimal-split, online, forecast, budget and service. Call once
// at start-up (the CLI's main and the GUI); calling again is harmless.
void registerOptimizePolicies();

} // namespace cs
