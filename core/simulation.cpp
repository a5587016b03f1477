#include "simulation.h"

#include "number_checks.h"
#include "parse_error.h"
#include "scenario_checks.h"

#include <cmath>
#include <limits>

namespace cs {

SimulationResult simulate(const Scenario &scenario, const ModelPool &pool, Assignment assignment,
                          const Deployment &deployment)
{
    // Checks the assignment against the scenario and pool, the ranges, and that every sum stays finite.
    EmissionAccount account = accountEmissions(scenario, pool, assignment, deployment);
    const std::size_t n = scenario.size();
    SimulationResult result;
    IntervalResults &rows = result.intervals;
    rows.model.resize(n);
    rows.cumulativeCo2G.resize(n);
    rows.errorPct.resize(n);
    std::vector<double> served(static_cast<std::size_t>(pool.size()), 0.0);

    double cumulative = 0, weightedError = 0, requests = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Choice &c = assignment[i];
        const double share = c.altShare > 0 ? c.altShare : 0.0;
        const double req = scenario.requests[i];
        double error = (1 - share) * pool.at(c.model).errorPct;
        served[static_cast<std::size_t>(c.model)] += req * (1 - share);
        if (share > 0) {
            error += share * pool.at(c.alt).errorPct;
            served[static_cast<std::size_t>(c.alt)] += req * share;
        }
        cumulative += account.co2G[i];
        weightedError += req * error;
        requests += req;
        rows.model[i] = share > 0.5 ? c.alt : c.model;
        rows.cumulativeCo2G[i] = cumulative;
        rows.errorPct[i] = error;
    }
    rows.energyKwh = std::move(account.energyKwh);
    rows.co2G = std::move(account.co2G);

    result.assignment = std::move(assignment);
    Totals &t = result.totals;
    t.co2G = cumulative;
    t.energyKwh = account.totals.energyKwh();
    t.requests = requests;
    t.intervals = n;
    t.errorPct = requests > 0 ? weightedError / requests : 0.0;
    t.modelShare.resize(served.size());
    for (std::size_t m = 0; m < served.size(); ++m)
        t.modelShare[m] = requests > 0 ? served[m] / requests : 0.0;
    t.parts = account.totals;
    t.basis = account.basis;
    t.overCapacityRequests = account.overCapacityRequests;
    requireFiniteResult(t.errorPct, "the request-weighted error (%)");
    return result;
}

SimulationResult simulate(const Scenario &scenario, const ModelPool &pool, const Policy &policy,
                          const Deployment &deployment)
{
    checkScenarioRanges(scenario); // before the policy sees it
    SimulationResult r = simulate(scenario, pool, policy.assign(scenario, pool), deployment);
    r.policySpec = policy.spec();
    r.policyLabel = policy.label();
    return r;
}

BaselineComparison compareToBaseline(const Totals &result, const Totals &baseline, std::string baselineName)
{
    BaselineComparison c;
    c.baseline = std::move(baselineName);
    c.extraCo2G = result.co2G - baseline.co2G;
    c.relativeGainPct = baseline.errorPct > 0 ? (baseline.errorPct - result.errorPct) / baseline.errorPct * 100.0
                                              : std::numeric_limits<double>::quiet_NaN();
    c.efficiency = c.extraCo2G != 0 ? c.relativeGainPct / c.extraCo2G : std::numeric_limits<double>::quiet_NaN();
    return c;
}

} // namespace cs
