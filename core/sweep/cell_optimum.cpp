#include "cell_optimum.h"

#include "simulation.h"

#include <algorithm>
#include <cmath>

namespace cs {

CellOptimum::CellOptimum(const ModelPool &pool)
    : mHull(pool)
{
    const std::vector<int> &m = mHull.models();
    mLeastErrorEnergyMj = pool.at(m.front()).energyMj;
    for (std::size_t k = 0; k < mHull.steps(); ++k) {
        mStepEnergySavedMj.push_back(pool.at(m[k]).energyMj - pool.at(m[k + 1]).energyMj);
        mStepErrorAdded.push_back(mHull.errorAdded(k));
    }
    mCursor.resize(mHull.steps());
}

void CellOptimum::reset(const double *intensity, const double *requests, std::size_t n)
{
    double total = 0, co2 = 0;
    mOrder.clear();
    for (std::size_t i = 0; i < n; ++i) {
        total += requests[i];
        co2 += co2Grams(requests[i], mLeastErrorEnergyMj, intensity[i]);
        if (requests[i] > 0 && intensity[i] > 0)
            mOrder.push_back(i);
    }
    mTotalRequests = total;
    std::sort(mOrder.begin(), mOrder.end(), [&](std::size_t a, std::size_t b) {
        return intensity[a] != intensity[b] ? intensity[a] > intensity[b] : a < b;
    });

    const std::size_t steps = mHull.steps();
    const std::size_t segments = total > 0 ? mOrder.size() * steps : 0;
    mRate.resize(segments);
    mError.resize(segments + 1);
    mCo2.resize(segments + 1);
    mError[0] = mHull.leastErrorPct();
    mCo2[0] = co2;
    std::fill(mCursor.begin(), mCursor.end(), 0);
    // Merge the steps: each step's segments fall with intensity; the next segment is the highest rate among the
    // steps' heads (ties to the lower step, whose error comes first on the hull).
    double error = mError[0];
    for (std::size_t s = 0; s < segments; ++s) {
        std::size_t best = steps;
        double bestKey = -1;
        for (std::size_t k = 0; k < steps; ++k) {
            if (mCursor[k] == mOrder.size())
                continue;
            const double key = intensity[mOrder[mCursor[k]]] * mHull.slope(k);
            if (key > bestKey) {
                bestKey = key;
                best = k;
            }
        }
        const std::size_t i = mOrder[mCursor[best]++];
        const double dError = requests[i] / total * mStepErrorAdded[best];
        const double dCo2 = co2Grams(requests[i], mStepEnergySavedMj[best], intensity[i]);
        error += dError;
        co2 -= dCo2;
        mRate[s] = dCo2 / dError;
        mError[s + 1] = error;
        mCo2[s + 1] = co2;
    }
}

std::optional<double> CellOptimum::co2AtError(double maxErrorPct) const
{
    if (!(mTotalRequests > 0))
        return std::nullopt;
    const double tol = 1e-12 * std::max(1.0, std::abs(maxErrorPct));
    if (maxErrorPct < mError.front() - tol)
        return std::nullopt;
    // The last breakpoint with error <= target, then a share of the next segment at its rate.
    const auto k = static_cast<std::size_t>(std::upper_bound(mError.begin(), mError.end(), maxErrorPct) -
                                            mError.begin());
    if (k == 0)
        return mCo2.front();
    const std::size_t whole = k - 1;
    if (whole >= mRate.size())
        return mCo2.back();
    const double added = std::clamp(maxErrorPct - mError[whole], 0.0, mError[whole + 1] - mError[whole]);
    return added > 0 ? mCo2[whole] - added * mRate[whole] : mCo2[whole];
}

} // namespace cs
