#include "eco_sweep.h"

#include <limits>

namespace cs {

std::vector<double> evenlySpaced(double from, double to, int steps)
{
    std::vector<double> v;
    if (steps <= 1) {
        v.push_back(from);
        return v;
    }
    for (int k = 0; k < steps; ++k)
        v.push_back(from + (to - from) * k / (steps - 1));
    return v;
}

EcoSweep sweepEcoTier(const Scenario &scenario, const ModelPool &pool, const EcoTierDesign &base,
                      const std::vector<double> &shares, const std::vector<double> &discounts)
{
    EcoSweep sweep;
    sweep.shares = shares;
    sweep.discounts = discounts;
    sweep.results.reserve(shares.size() * discounts.size());
    // Every result is linear in the share and the discount once the degraded intervals are known: evaluate the
    // whole scenario once at share 1, discount 1, then scale (exact, not an approximation).
    EcoTierDesign unit = base;
    unit.ecoShare = 1;
    unit.discount = 1;
    const EcoTierResult full = evaluateEcoTier(scenario, pool, unit);
    for (double share : shares) {
        for (double discount : discounts) {
            EcoTierDesign d = base;
            d.ecoShare = share;
            d.discount = discount;
            d.validate(pool);
            EcoTierResult r = full;
            r.co2G = full.baselineCo2G - share * full.savedCo2G;
            r.savedCo2G = share * full.savedCo2G;
            r.revenueGivenUp = full.revenueFull * share * discount;
            const double tonnes = r.savedCo2G / 1e6;
            r.costPerTonne = tonnes > 0 ? r.revenueGivenUp / tonnes : std::numeric_limits<double>::infinity();
            r.netBenefit = tonnes * d.carbonPricePerTonne - r.revenueGivenUp;
            r.cheaperThanCarbonPrice = tonnes > 0 && r.costPerTonne <= d.carbonPricePerTonne;
            checkEcoResult(r);
            sweep.results.push_back(r);
        }
    }
    return sweep;
}

} // namespace cs
