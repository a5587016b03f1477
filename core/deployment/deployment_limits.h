#pragma once

#include "number_checks.h"

// The documented ranges of a deployment's figures (docs/reliability.md's rule: every number that enters is
// checked against a range generous for its quantity).
namespace cs::limits {
inline constexpr double maxDeviceWatts = 1e6; // one GPU or one host, W (a whole rack is ~40 kW)
inline constexpr int maxGpus = 1'000'000;
inline constexpr double maxPue = 10;          // real data centres report 1.05..2.5
} // namespace cs::limits
