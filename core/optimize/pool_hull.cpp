#include "pool_hull.h"

#include "parse_error.h"

#include <algorithm>

namespace cs {

PoolHull::PoolHull(const ModelPool &pool)
{
    pool.validate();
    std::vector<int> order(static_cast<std::size_t>(pool.size()));
    for (int i = 0; i < pool.size(); ++i)
        order[static_cast<std::size_t>(i)] = i;
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const Model &ma = pool.at(a), &mb = pool.at(b);
        if (ma.errorPct != mb.errorPct)
            return ma.errorPct < mb.errorPct;
        return ma.energyMj != mb.energyMj ? ma.energyMj < mb.energyMj : a < b;
    });
    // Monotone chain: keep a model only where it is cheaper than every lower-error one and the hull turns
    // the right way (slopes falling), so that a higher price never picks a higher-error model.
    auto e = [&](int m) { return pool.at(m).energyMj; };
    auto a = [&](int m) { return pool.at(m).errorPct; };
    for (int m : order) {
        if (!mModels.empty() && e(m) >= e(mModels.back()))
            continue; // no cheaper than a model with less or equal error
        while (mModels.size() >= 2) {
            const int p = mModels[mModels.size() - 2], q = mModels.back();
            const double slopeQ = (e(p) - e(q)) / (a(q) - a(p)), slopeM = (e(q) - e(m)) / (a(m) - a(q));
            if (slopeM < slopeQ)
                break;
            mModels.pop_back(); // q lies on or above the chord from p to m
        }
        mModels.push_back(m);
    }
    mLeastErrorPct = a(mModels.front());
    for (std::size_t k = 0; k + 1 < mModels.size(); ++k) {
        const double dError = a(mModels[k + 1]) - a(mModels[k]);
        mErrorAdded.push_back(dError);
        mSlopes.push_back((e(mModels[k]) - e(mModels[k + 1])) / dError);
    }
}

int PoolHull::modelAt(double intensity, double lambda) const
{
    std::size_t k = 0;
    while (k < steps() && stepRate(k, intensity) > lambda)
        ++k;
    return mModels[k];
}

} // namespace cs
