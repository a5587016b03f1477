#pragma once

#include "model_pool.h"
#include "pool_hull.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace cs {

// The exact split (LP) optimum of one sweep cell at any error, after one sort: the least CO2 of any assignment
// whose request-weighted error is at most the target (docs/optimization.md, "The split optimum").
//
// Without service constraints a hull step k of the pool trades error for CO2 at a rate proportional to
// intensity x slope(k), so sorting the cell's intervals by intensity once orders every step's segments; merging
// the steps gives the frontier's segments in falling-rate order, and prefix sums of their error and CO2 answer
// each policy's query by one binary search. The buffers are kept between cells (reset() reuses them), so a worker
// that evaluates many cells allocates only while a cell is larger than every one before it.
class CellOptimum
{
public:
    explicit CellOptimum(const ModelPool &pool);

    // Prepares the cell: `n` intervals with these intensities (gCO2/kWh) and request counts.
    void reset(const double *intensity, const double *requests, std::size_t n);

    double totalRequests() const { return mTotalRequests; }
    double leastErrorPct() const { return mHull.leastErrorPct(); }
    double leastErrorCo2G() const { return mCo2.front(); }
    // The far end of the frontier: every step taken wherever it saves CO2.
    double leastCo2ErrorPct() const { return mError.back(); }
    double leastCo2G() const { return mCo2.back(); }

    // Least CO2 with request-weighted error <= maxErrorPct. Nothing where the target lies below the least error
    // the pool reaches (beyond a rounding tolerance of 1e-12 relative, as ParetoFrontier::atError) or the cell
    // has no requests.
    std::optional<double> co2AtError(double maxErrorPct) const;

private:
    PoolHull mHull;
    std::vector<double> mStepEnergySavedMj, mStepErrorAdded; // per hull step
    double mLeastErrorEnergyMj = 0;
    double mTotalRequests = 0;
    std::vector<std::size_t> mOrder;   // intervals with requests and intensity > 0, intensity falling
    std::vector<std::size_t> mCursor;  // per step: next position in mOrder during the merge
    std::vector<double> mRate;         // per segment, frontier order: grams saved per error point
    std::vector<double> mError, mCo2;  // totals after k whole segments (size segments + 1)
};

} // namespace cs
