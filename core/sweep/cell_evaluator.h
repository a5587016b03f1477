#pragma once

#include "cell_optimum.h"
#include "policy.h"
#include "sweep_result.h"

#include <string>
#include <vector>

namespace cs {

// Evaluates every policy of a sweep on one cell (a period of one series) and the exact split optimum at each
// policy's error. One evaluator per worker thread: the cell's scenario, its sorted intervals and the optimum's
// prefix sums live in buffers reused from cell to cell. Policies are shared between workers (assign() is const).
class CellEvaluator
{
public:
    CellEvaluator(const ModelPool &pool, int baseline, const std::vector<const Policy *> &policies);

    // The intervals of `series` that start in `span`. Writes the cell and one PolicyCell per policy into `out`
    // (NaN where the series has no data in the span). Throws InputError naming the policy that cannot run.
    void evaluate(const Scenario &series, const PeriodSpan &span, SweepCell &cell, PolicyCell *out);

    // The totals of an assignment on the current cell, priced as simulate() prices it.
    struct Totals
    {
        double co2G = 0;
        double errorPct = 0;
    };
    Totals totals(const Assignment &assignment) const;

private:
    void slice(const Scenario &series, const PeriodSpan &span, std::size_t first, std::size_t last);

    const ModelPool &mPool;
    int mBaseline;
    std::vector<const Policy *> mPolicies;
    std::vector<double> mKwhPerRequest;
    Scenario mCell;
    CellOptimum mOptimum;
};

} // namespace cs
