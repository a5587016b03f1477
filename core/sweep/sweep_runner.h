#pragma once

#include "model_pool.h"
#include "policy.h"
#include "sweep_result.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cs {

// What a sweep computes: these policies (specs, as makePolicy takes them) on every period of every series,
// against a baseline model, each with the exact split optimum at the error it reaches.
struct SweepSpec
{
    std::vector<std::string> policies;
    std::string baseline = "ResNet50";
    SweepPeriod period = SweepPeriod::Month;
};

// Limits that keep a sweep's memory bounded whatever it is given.
inline constexpr std::size_t maxSweepSeries = 1000;
inline constexpr std::size_t maxSweepPolicies = 64;
inline constexpr std::size_t maxSweepCells = 1'000'000; // series x periods x policies

struct SweepRunOptions
{
    // Worker threads: 0 all the machine's cores, 1 serial (no thread pool at all).
    unsigned threads = 0;
    // Called after each cell with (cells done, cells), from any worker but never two at once; return false to
    // cancel (cells not yet started are skipped and runSweep returns nothing).
    std::function<bool(std::size_t, std::size_t)> progress;
};

// The default policy set of a sweep on `pool`: every single model other than the baseline, the paper's heuristic
// in its three variants, the two online heuristics, the learned-price policy and the split optimum at the
// baseline's error (whose regret is 0 by construction: a check on the whole table).
std::vector<std::string> defaultSweepPolicies(const ModelPool &pool, const std::string &baseline);

// The sweep's columns: every calendar period that holds data in at least one series, in time order.
std::vector<PeriodSpan> sweepPeriods(const std::vector<SweepSeries> &series, SweepPeriod period);

// Runs the sweep; cells spread over `options.threads` with oneTBB. Each cell is computed by one worker from the
// series alone, so the result is bit for bit the same for any number of threads. Throws InputError for a bad
// spec or limit, and for a policy that fails on a cell (the first such cell in series, period, policy order,
// named). Nothing when cancelled.
std::optional<SweepResult> runSweep(const std::vector<SweepSeries> &series, const ModelPool &pool,
                                    const SweepSpec &spec, const SweepRunOptions &options = {});

// The same figures the slow, obvious way, serially: each cell's scenario sliced, each policy run through
// simulate(), and the optimum from a TradeoffProblem and ParetoFrontier built for the cell (as `optimize` does).
// The peer of the benchmark and an independent check in the tests.
SweepResult runSweepReference(const std::vector<SweepSeries> &series, const ModelPool &pool, const SweepSpec &spec);

// Shared by both: the result's skeleton (names, periods, NaN cells) and the policies made from the specs.
SweepResult sweepSkeleton(const std::vector<SweepSeries> &series, const ModelPool &pool, const SweepSpec &spec,
                          std::vector<PolicyPtr> &policies);

} // namespace cs
