#include "sweep_runner.h"

#include "cell_evaluator.h"
#include "parse_error.h"
#include "policy_factory.h"
#include "result_export.h"
#include "scenario_checks.h"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <mutex>

namespace cs {

std::vector<std::string> defaultSweepPolicies(const ModelPool &pool, const std::string &baseline)
{
    std::vector<std::string> specs = {"heuristic", "heuristic:daily", "heuristic:printed", "online:window=7d",
                                      "online:window=1d", "online:price"};
    for (const Model &m : pool.models)
        if (m.name != baseline)
            specs.push_back("model:" + m.name);
    const int b = pool.indexOf(baseline);
    if (b >= 0)
        specs.push_back("optimal-split:max-error=" + plainDecimal(pool.at(b).errorPct));
    return specs;
}

std::vector<PeriodSpan> sweepPeriods(const std::vector<SweepSeries> &series, SweepPeriod period)
{
    std::vector<PeriodSpan> all;
    for (const SweepSeries &s : series) {
        std::vector<PeriodSpan> own = periodsCovering(s.scenario.times, period);
        all.insert(all.end(), own.begin(), own.end());
    }
    std::sort(all.begin(), all.end(), [](const PeriodSpan &a, const PeriodSpan &b) { return a.from < b.from; });
    all.erase(std::unique(all.begin(), all.end()), all.end());
    return all;
}

SweepResult sweepSkeleton(const std::vector<SweepSeries> &series, const ModelPool &pool, const SweepSpec &spec,
                          std::vector<PolicyPtr> &policies)
{
    if (series.empty())
        throw InputError("a sweep needs at least one series");
    if (series.size() > maxSweepSeries)
        throw InputError("a sweep takes at most " + std::to_string(maxSweepSeries) + " series (" +
                         std::to_string(series.size()) + " given)");
    if (spec.policies.empty())
        throw InputError("a sweep needs at least one policy");
    if (spec.policies.size() > maxSweepPolicies)
        throw InputError("a sweep takes at most " + std::to_string(maxSweepPolicies) + " policies (" +
                         std::to_string(spec.policies.size()) + " given)");
    pool.validate();
    if (pool.indexOf(spec.baseline) < 0)
        throw InputError("the baseline model '" + spec.baseline + "' is not in the pool '" + pool.name + "'");
    for (const SweepSeries &s : series) {
        checkScenarioRanges(s.scenario);
        if (s.scenario.empty())
            throw InputError("the series '" + s.name + "' has no intervals");
    }
    policies.clear();
    SweepResult r;
    for (const std::string &text : spec.policies) {
        policies.push_back(makePolicy(text));
        r.policies.push_back(policies.back()->spec());
    }
    for (const SweepSeries &s : series)
        r.series.push_back(s.name);
    r.baseline = spec.baseline;
    r.period = spec.period;
    r.periods = sweepPeriods(series, spec.period);
    const std::size_t cells = series.size() * r.periods.size();
    if (cells * spec.policies.size() > maxSweepCells)
        throw InputError("a sweep of " + std::to_string(cells * spec.policies.size()) + " values (series x periods x "
                         "policies) is beyond the limit of " + std::to_string(maxSweepCells));
    r.cells.assign(cells, SweepCell{});
    r.values.assign(cells * spec.policies.size(), PolicyCell{});
    return r;
}

std::optional<SweepResult> runSweep(const std::vector<SweepSeries> &series, const ModelPool &pool,
                                    const SweepSpec &spec, const SweepRunOptions &options)
{
    std::vector<PolicyPtr> owned;
    SweepResult r = sweepSkeleton(series, pool, spec, owned);
    std::vector<const Policy *> policies;
    for (const PolicyPtr &p : owned)
        policies.push_back(p.get());
    const int baseline = pool.indexOf(spec.baseline);
    const std::size_t periods = r.periods.size(), cells = r.cells.size(), perCell = policies.size();

    std::vector<std::string> errors(cells); // a failure per cell; the first in cell order is reported
    std::atomic<bool> cancelled{false};
    std::atomic<std::size_t> done{0};
    std::mutex progressMutex;
    auto runCell = [&](CellEvaluator &evaluator, std::size_t c) {
        if (cancelled.load(std::memory_order_relaxed))
            return;
        const std::size_t s = c / periods, q = c % periods;
        try {
            evaluator.evaluate(series[s].scenario, r.periods[q], r.cells[c], &r.values[c * perCell]);
        } catch (const std::exception &e) {
            errors[c] = series[s].name + ", " + r.periods[q].label + ": " + e.what();
        }
        const std::size_t now = done.fetch_add(1) + 1;
        if (options.progress) {
            std::lock_guard lock(progressMutex);
            if (!options.progress(now, cells))
                cancelled = true;
        }
    };

    if (options.threads == 1) {
        CellEvaluator evaluator(pool, baseline, policies);
        for (std::size_t c = 0; c < cells; ++c)
            runCell(evaluator, c);
    } else {
        const int threads = options.threads == 0 ? tbb::task_arena::automatic : static_cast<int>(options.threads);
        tbb::task_arena arena(threads);
        tbb::enumerable_thread_specific<CellEvaluator> evaluators(
            [&] { return CellEvaluator(pool, baseline, policies); });
        arena.execute([&] {
            tbb::parallel_for(tbb::blocked_range<std::size_t>(0, cells, 1),
                              [&](const tbb::blocked_range<std::size_t> &range) {
                                  CellEvaluator &evaluator = evaluators.local();
                                  for (std::size_t c = range.begin(); c != range.end(); ++c)
                                      runCell(evaluator, c);
                              });
        });
    }
    if (cancelled)
        return std::nullopt;
    for (const std::string &e : errors)
        if (!e.empty())
            throw InputError(e);
    return r;
}

} // namespace cs
