// The sweep the obvious way (runSweepReference): the benchmark's peer and the tests' independent check.
#include "sweep_runner.h"

#include "pareto_frontier.h"
#include "parse_error.h"
#include "simulation.h"
#include "tradeoff_problem.h"

namespace cs {

SweepResult runSweepReference(const std::vector<SweepSeries> &series, const ModelPool &pool, const SweepSpec &spec)
{
    std::vector<PolicyPtr> policies;
    SweepResult r = sweepSkeleton(series, pool, spec, policies);
    const Assignment::value_type baselineChoice{pool.indexOf(spec.baseline), -1, 0};
    const std::size_t periods = r.periods.size();
    for (std::size_t s = 0; s < series.size(); ++s) {
        for (std::size_t q = 0; q < periods; ++q) {
            const Scenario cell = sliceScenario(series[s].scenario, r.periods[q].from, r.periods[q].to);
            if (cell.empty())
                continue;
            SweepCell &info = r.cells[s * periods + q];
            const Totals base = simulate(cell, pool, Assignment(cell.size(), baselineChoice)).totals;
            info.intervals = cell.size();
            info.requests = base.requests;
            info.baselineCo2G = base.co2G;
            info.baselineErrorPct = base.errorPct;
            const TradeoffProblem problem(cell, pool);
            const ParetoFrontier frontier(problem);
            for (std::size_t p = 0; p < policies.size(); ++p) {
                PolicyCell &out = r.values[(s * periods + q) * policies.size() + p];
                Totals t;
                try {
                    t = simulate(cell, pool, *policies[p]).totals;
                } catch (const std::exception &e) {
                    throw InputError(series[s].name + ", " + r.periods[q].label + ": " + policies[p]->spec() + ": " +
                                     e.what());
                }
                out.co2G = t.co2G;
                out.errorPct = t.errorPct;
                if (const auto optimum = frontier.atError(t.errorPct))
                    out.optimumCo2G = optimum->co2G;
            }
        }
    }
    return r;
}

} // namespace cs
