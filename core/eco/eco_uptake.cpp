#include "eco_uptake.h"

#include "number_checks.h"
#include "parse_error.h"

#include <algorithm>
#include <cmath>

namespace cs {

void EcoUptakeModel::validate() const
{
    const auto ok = [](double v) { return std::isfinite(v) && v >= 0 && v <= limits::maxMoney; };
    if (!ok(maxErrorValuePerPoint))
        throw InputError("eco uptake: the most sensitive user's value of a point of error must be a number from 0 "
                         "to 1e+09");
    if (!ok(latencyValuePerMs))
        throw InputError("eco uptake: the value of a ms of latency must be a number from 0 to 1e+09");
    if (!ok(carbonValuePerKg))
        throw InputError("eco uptake: the value of a kg of CO2 must be a number from 0 to 1e+09");
}

EcoUptakeTerms ecoUptakeTerms(const Scenario &scenario, const ModelPool &pool, const EcoTierDesign &design,
                              const EcoUptakeModel &model)
{
    model.validate();
    // Everyone in the eco tier: CO2 saved and revenue are linear in the share, so this gives the per-request terms.
    EcoTierDesign all = design;
    all.ecoShare = 1;
    const EcoTierResult r = evaluateEcoTier(scenario, pool, all);
    double requests = 0;
    for (double n : scenario.requests)
        requests += n;
    EcoUptakeTerms t;
    const Model &standard = pool.at(pool.indexOf(design.standardModel));
    const Model &eco = pool.at(pool.indexOf(design.ecoModel));
    t.degradedShare = r.degradedShare;
    t.extraErrorPct = eco.errorPct - standard.errorPct;
    const std::optional<double> standardMs = designLatencyMs(standard, design.standardLatencyMs);
    const std::optional<double> ecoMs = designLatencyMs(eco, design.ecoLatencyMs);
    if (standardMs && ecoMs)
        t.extraLatencyMs = *ecoMs - *standardMs;
    if (requests > 0) {
        t.pricePerRequest = r.revenueFull / requests;
        t.co2AvoidedKg = r.savedCo2G / 1000 / requests;
    }
    return t;
}

double ecoUptakeShare(const EcoUptakeTerms &t, const EcoUptakeModel &model, double discount)
{
    // What every user gains per request, before the error they give up; then the users whose v makes the error
    // cost no more than that: v <= gain / (degraded share x extra error).
    const double gain = discount * t.pricePerRequest + model.carbonValuePerKg * t.co2AvoidedKg
                        - t.degradedShare * model.latencyValuePerMs * t.extraLatencyMs;
    if (gain < 0)
        return 0;
    const double mostSensitive = t.degradedShare * t.extraErrorPct * model.maxErrorValuePerPoint;
    if (mostSensitive <= 0)
        return 1;
    return std::clamp(gain / mostSensitive, 0.0, 1.0);
}

EcoTierResult evaluateEcoTierWithUptake(const Scenario &scenario, const ModelPool &pool, EcoTierDesign design,
                                        const EcoUptakeModel &model)
{
    design.ecoShare = ecoUptakeShare(ecoUptakeTerms(scenario, pool, design, model), model, design.discount);
    EcoTierResult r = evaluateEcoTier(scenario, pool, design);
    r.ecoShare = design.ecoShare;
    return r;
}

std::vector<EcoTierResult> ecoUptakeCurve(const Scenario &scenario, const ModelPool &pool, const EcoTierDesign &design,
                                          const EcoUptakeModel &model, const std::vector<double> &discounts)
{
    const EcoUptakeTerms terms = ecoUptakeTerms(scenario, pool, design, model);
    std::vector<EcoTierResult> curve;
    curve.reserve(discounts.size());
    for (double d : discounts) {
        EcoTierDesign at = design;
        at.discount = d;
        at.ecoShare = ecoUptakeShare(terms, model, d);
        curve.push_back(evaluateEcoTier(scenario, pool, at));
        curve.back().ecoShare = at.ecoShare;
    }
    return curve;
}

} // namespace cs
