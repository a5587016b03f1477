#pragma once

#include "model_pool.h"

#include <vector>

namespace cs {

// The pool's lower convex hull in the (error, energy) plane, least error first: the only models the split
// optimum ever uses without service constraints. Step k leaves models[k] for models[k + 1], saving
// slope(k) mJ per point of error added; slopes fall along the hull (convexity).
//
// With a price `lambda` in grams of CO2 per request per point of error, serving a request at intensity c with
// model m costs e_m c / 3.6e9 + lambda a_m; the cheapest model is reached by taking every step whose rate
// c slope(k) / 3.6e9 exceeds lambda. That is the split optimum's threshold rule (docs/optimization.md).
class PoolHull
{
public:
    explicit PoolHull(const ModelPool &pool);

    const std::vector<int> &models() const { return mModels; }
    std::size_t steps() const { return mModels.size() - 1; }
    double slope(std::size_t k) const { return mSlopes[k]; }       // mJ saved per error point added
    double errorAdded(std::size_t k) const { return mErrorAdded[k]; } // points
    double leastErrorPct() const { return mLeastErrorPct; }

    // Grams saved per request per point of error added by step k at intensity c.
    double stepRate(std::size_t k, double intensity) const { return intensity * mSlopes[k] / 3.6e9; }
    // The pool index of the model that the price `lambda` chooses at `intensity` (steps at exactly lambda are
    // not taken: ties go to the lower error).
    int modelAt(double intensity, double lambda) const;

private:
    std::vector<int> mModels;
    std::vector<double> mSlopes;
    std::vector<double> mErrorAdded;
    double mLeastErrorPct = 0;
};

} // namespace cs
