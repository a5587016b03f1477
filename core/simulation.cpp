#include "simulation.h"

#include "number_checks.h"
#include "parse_error.h"
#include "scenario_checks.h"

#include <cmath>
#include <limits>

namespace cs {

SimulationResult simulate(const Scenario &scenario, const ModelPool &pool, Assignment assignment)
{
    if (assignment.size() != scenario.size())
        throw InputError("internal: an assignment of " + std::to_string(assignment.size()) + " choices for " +
                         std::to_string(scenario.size()) + " intervals");
    checkScenarioRanges(scenario);
    const std::size_t n = scenario.size();
    const int models = pool.size();
    SimulationResult result;
    IntervalResults &rows = result.intervals;
    rows.model.resize(n);
    rows.energyKwh.resize(n);
    rows.co2G.resize(n);
    rows.cumulativeCo2G.resize(n);
    rows.errorPct.resize(n);
    std::vector<double> served(static_cast<std::size_t>(models), 0.0);

    // kWh per request of each model: mJ / 1000 -> J, / 3.6e6 -> kWh.
    std::vector<double> kwhPerRequest(static_cast<std::size_t>(models));
    for (int m = 0; m < models; ++m)
        kwhPerRequest[static_cast<std::size_t>(m)] = pool.at(m).energyMj / 1000.0 / 3.6e6;

    double cumulative = 0, energy = 0, weightedError = 0, requests = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Choice &c = assignment[i];
        if (c.model < 0 || c.model >= models || (c.altShare > 0 && (c.alt < 0 || c.alt >= models)))
            throw InputError("internal: interval " + std::to_string(i) + " is assigned a model outside the pool");
        const double share = c.altShare > 0 ? c.altShare : 0.0;
        const Model &a = pool.at(c.model);
        const double req = scenario.requests[i];
        double kwh = req * (1 - share) * kwhPerRequest[static_cast<std::size_t>(c.model)];
        double error = (1 - share) * a.errorPct;
        served[static_cast<std::size_t>(c.model)] += req * (1 - share);
        if (share > 0) {
            const Model &b = pool.at(c.alt);
            kwh += req * share * kwhPerRequest[static_cast<std::size_t>(c.alt)];
            error += share * b.errorPct;
            served[static_cast<std::size_t>(c.alt)] += req * share;
        }
        const double co2 = kwh * scenario.intensity[i];
        cumulative += co2;
        if (!std::isfinite(cumulative)) { // only a pool figure beyond its range gets here
            const std::string at = formatUtcTime(scenario.times[i]);
            requireFiniteResult(co2, "the CO2 (g) of the interval at " + at);
            requireFiniteResult(cumulative, "the cumulative CO2 (g) at " + at);
        }
        energy += kwh;
        weightedError += req * error;
        requests += req;
        rows.model[i] = share > 0.5 ? c.alt : c.model;
        rows.energyKwh[i] = kwh;
        rows.co2G[i] = co2;
        rows.cumulativeCo2G[i] = cumulative;
        rows.errorPct[i] = error;
    }

    result.assignment = std::move(assignment);
    Totals &t = result.totals;
    t.co2G = cumulative;
    t.energyKwh = energy;
    t.requests = requests;
    t.intervals = n;
    t.errorPct = requests > 0 ? weightedError / requests : 0.0;
    t.modelShare.resize(static_cast<std::size_t>(models));
    for (std::size_t m = 0; m < served.size(); ++m)
        t.modelShare[m] = requests > 0 ? served[m] / requests : 0.0;
    requireFiniteResult(t.energyKwh, "the total energy (kWh)");
    requireFiniteResult(t.errorPct, "the request-weighted error (%)");
    return result;
}

SimulationResult simulate(const Scenario &scenario, const ModelPool &pool, const Policy &policy)
{
    checkScenarioRanges(scenario); // before the policy sees it
    SimulationResult r = simulate(scenario, pool, policy.assign(scenario, pool));
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
