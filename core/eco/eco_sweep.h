#pragma once

#include "eco_tier.h"

#include <vector>

namespace cs {

// The eco tier over a grid of eco shares x discounts, everything else as in the base design. Row-major:
// at(s, d) is shares[s] with discounts[d].
struct EcoSweep
{
    std::vector<double> shares;
    std::vector<double> discounts;
    std::vector<EcoTierResult> results;

    const EcoTierResult &at(std::size_t share, std::size_t discount) const
    {
        return results[share * discounts.size() + discount];
    }
};

// Evenly spaced values from `from` to `to` inclusive, `steps` of them (at least 1).
std::vector<double> evenlySpaced(double from, double to, int steps);

// The degrade rule does not depend on share or discount, so it is worked out once (the sweep is cheap enough
// for a GUI to redo on every edit).
EcoSweep sweepEcoTier(const Scenario &scenario, const ModelPool &pool, const EcoTierDesign &base,
                      const std::vector<double> &shares, const std::vector<double> &discounts);

} // namespace cs
