#pragma once

#include "deployment/emission_account.h"
#include "policy.h"

#include <string>
#include <vector>

namespace cs {

// Per-interval results, column by column (one entry per scenario interval).
struct IntervalResults
{
    std::vector<int> model;          // the model serving the larger share of the interval's requests
    std::vector<double> energyKwh;
    std::vector<double> co2G;
    std::vector<double> cumulativeCo2G;
    std::vector<double> errorPct;    // request-weighted error of the interval
};

struct Totals
{
    double co2G = 0;
    double energyKwh = 0;
    double errorPct = 0;             // request-weighted over the scenario
    double requests = 0;
    std::size_t intervals = 0;
    std::vector<double> modelShare;  // share of requests served by each pool model
    // What co2G and energyKwh are made of (issue #16): GPU dynamic and idle, host, facility overhead,
    // embodied; which energy figure priced the GPUs; requests beyond the GPUs' capacity.
    EmissionParts parts;
    EnergyBasis basis = EnergyBasis::PerInference;
    double overCapacityRequests = 0;
};

struct SimulationResult
{
    std::string policySpec;
    std::string policyLabel;
    Assignment assignment;
    IntervalResults intervals;
    Totals totals;
};

// Against a baseline: extra CO2 (g), relative quality gain (%, (err_base - err)/err_base * 100) and the paper's
// carbon emission efficiency (gain / extra CO2; NaN where extra CO2 is 0).
struct BaselineComparison
{
    std::string baseline;
    double extraCo2G = 0;
    double relativeGainPct = 0;
    double efficiency = 0;
};

// CO2 of serving n requests at e mJ each under intensity c gCO2/kWh: n * e/1000 J / 3.6e6 * c.
inline double co2Grams(double requests, double energyMj, double intensity)
{
    return requests * (energyMj / 1000.0) / 3.6e6 * intensity;
}

// Prices an assignment with accountEmissions (deployment/emission_account.h): the paper's energy per inference for
// a model without a load curve, its profiled curve where it has one, and the deployment's host, PUE and embodied
// parts (none by default, as in the paper). Throws InputError where a scenario value is outside its range
// (scenario_checks.h) or a result would not be finite (a pool figure beyond its range), naming the interval and
// the quantity.
SimulationResult simulate(const Scenario &scenario, const ModelPool &pool, Assignment assignment,
                          const Deployment &deployment = {});
SimulationResult simulate(const Scenario &scenario, const ModelPool &pool, const Policy &policy,
                          const Deployment &deployment = {});

BaselineComparison compareToBaseline(const Totals &result, const Totals &baseline, std::string baselineName);

} // namespace cs
