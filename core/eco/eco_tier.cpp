#include "eco_tier.h"

#include "number_checks.h"
#include "parse_error.h"
#include "policies/heuristic_policy.h"
#include "scenario_checks.h"
#include "simulation.h"

#include <cmath>
#include <limits>

namespace cs {

void EcoTierDesign::validate(const ModelPool &pool) const
{
    auto inRange = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
    if (!inRange(ecoShare, 0, 1))
        throw InputError("eco tier: the eco share must lie between 0 and 1");
    if (!inRange(discount, 0, 1))
        throw InputError("eco tier: the discount must lie between 0 and 1");
    // The documented ranges (number_checks.h); they keep revenue and cost per tonne finite.
    requireRange(pricePerRequest, 0, limits::maxMoney, "eco tier: the price per request");
    requireRange(pricePerMonth, 0, limits::maxMoney, "eco tier: the price per user-month");
    requireRange(users, 0, limits::maxUsers, "eco tier: the number of users");
    requireRange(thresholdGPerKwh, 0, limits::maxIntensity, "eco tier: the threshold (gCO2/kWh)");
    requireRange(carbonPricePerTonne, 0, limits::maxMoney, "eco tier: the carbon price per tonne");
    for (const std::optional<double> *typed : {&standardLatencyMs, &ecoLatencyMs})
        if (*typed)
            requireRange(**typed, 0, limits::maxLatencyMs, "eco tier: the latency typed in (ms)");
    for (const std::string *name : {&standardModel, &ecoModel})
        if (pool.indexOf(*name) < 0)
            throw InputError("eco tier: no model named '" + *name + "' in pool '" + pool.name + "'");
}

std::vector<bool> ecoDegradedIntervals(const Scenario &scenario, const ModelPool &pool, const EcoTierDesign &d)
{
    std::vector<bool> degraded(scenario.size(), false);
    if (scenario.empty())
        return degraded;
    if (d.rule == EcoTierDesign::Rule::Threshold) {
        for (std::size_t i = 0; i < scenario.size(); ++i)
            degraded[i] = scenario.intensity[i] >= d.thresholdGPerKwh;
        return degraded;
    }
    // The paper's heuristic on the two-model pool: the same rule as the "heuristic" policy, so the eco tier's
    // switch point is the one users see in the Compare view.
    ModelPool two;
    two.name = "eco tier";
    two.models = {pool.at(pool.indexOf(d.standardModel)), pool.at(pool.indexOf(d.ecoModel))};
    HeuristicPolicy heuristic(HeuristicPolicy::Reading::Text, HeuristicPolicy::Range::Whole);
    const Assignment a = heuristic.assign(scenario, two);
    for (std::size_t i = 0; i < scenario.size(); ++i)
        degraded[i] = a[i].model == 1 && d.standardModel != d.ecoModel;
    return degraded;
}

void checkEcoResult(const EcoTierResult &r)
{
    for (const auto &[value, what] : {std::pair{r.baselineCo2G, "eco tier: the CO2 with everyone on standard (g)"},
                                      {r.co2G, "eco tier: the CO2 with the tier (g)"},
                                      {r.savedCo2G, "eco tier: the CO2 saved (g)"},
                                      {r.revenueFull, "eco tier: the full revenue"},
                                      {r.revenueGivenUp, "eco tier: the revenue given up"},
                                      {r.netBenefit, "eco tier: the net benefit"}})
        requireFiniteResult(value, what);
    // Infinity is the documented "nothing saved"; anything else not finite is an overflow.
    if (r.savedCo2G > 0)
        requireFiniteResult(r.costPerTonne, "eco tier: the cost per tonne avoided");
}

std::optional<double> designLatencyMs(const Model &model, const std::optional<double> &typed)
{
    return model.latencyMs ? model.latencyMs : typed;
}

EcoTierResult evaluateEcoTier(const Scenario &scenario, const ModelPool &pool, const EcoTierDesign &d)
{
    d.validate(pool);
    checkScenarioRanges(scenario);
    pool.validate();
    const Model &standard = pool.at(pool.indexOf(d.standardModel));
    const Model &eco = pool.at(pool.indexOf(d.ecoModel));
    const std::vector<bool> degraded = ecoDegradedIntervals(scenario, pool, d);

    EcoTierResult r;
    r.ecoShare = d.ecoShare;
    double requests = 0, ecoRequests = 0, degradedRequests = 0;
    for (std::size_t i = 0; i < scenario.size(); ++i) {
        const double n = scenario.requests[i], c = scenario.intensity[i];
        const double base = co2Grams(n, standard.energyMj, c);
        r.baselineCo2G += base;
        const double ecoHere = d.ecoShare * n;
        requests += n;
        ecoRequests += ecoHere;
        if (degraded[i]) {
            r.co2G += co2Grams(n - ecoHere, standard.energyMj, c) + co2Grams(ecoHere, eco.energyMj, c);
            degradedRequests += ecoHere;
            ++r.degradedIntervals;
        } else {
            r.co2G += base;
        }
    }
    r.savedCo2G = r.baselineCo2G - r.co2G;

    if (d.pricing == EcoTierDesign::Pricing::PerRequest) {
        r.revenueFull = d.pricePerRequest * requests;
    } else {
        r.months = static_cast<double>(scenario.size()) * static_cast<double>(scenario.intervalSeconds)
                   / (365.25 / 12 * 86400);
        r.revenueFull = d.pricePerMonth * d.users * r.months;
    }
    r.revenueGivenUp = r.revenueFull * d.ecoShare * d.discount;
    const double tonnes = r.savedCo2G / 1e6;
    r.costPerTonne = tonnes > 0 ? r.revenueGivenUp / tonnes : std::numeric_limits<double>::infinity();
    r.netBenefit = tonnes * d.carbonPricePerTonne - r.revenueGivenUp;
    r.cheaperThanCarbonPrice = tonnes > 0 && r.costPerTonne <= d.carbonPricePerTonne;
    checkEcoResult(r);

    r.degradedShare = ecoRequests > 0 ? degradedRequests / ecoRequests : 0;
    r.standardErrorPct = standard.errorPct;
    r.ecoErrorPct = (1 - r.degradedShare) * standard.errorPct + r.degradedShare * eco.errorPct;
    const std::optional<double> standardMs = designLatencyMs(standard, d.standardLatencyMs);
    const std::optional<double> ecoMs = designLatencyMs(eco, d.ecoLatencyMs);
    r.standardLatencyMs = standardMs;
    if (standardMs && ecoMs)
        r.ecoLatencyMs = (1 - r.degradedShare) * *standardMs + r.degradedShare * *ecoMs;
    return r;
}

} // namespace cs
