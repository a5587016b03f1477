#pragma once

#include "eco_tier.h"

#include <vector>

namespace cs {

// Which users take the eco tier at a given discount (demand response). A user takes it when what they gain per
// request, the discount on the price and the CO2 the request avoids valued at the users' price of carbon, is at
// least what they give up on the requests that get degraded, extra error and extra latency at their own values:
//   discount x price + carbon value x CO2 avoided  >=  degraded share x (v x extra error + latency value x extra latency)
// Users differ in v, how much a point of error is worth to them, spread evenly from 0 to maxErrorValuePerPoint
// (quality sensitivity varies most between users); the eco share is the fraction of them below the break-even v.
// Siris et al. (2026) frame tier choice by users' valuation of quality and latency and their environmental
// consciousness; this is the simplest model of that kind, one valuation differing between users.
struct EcoUptakeModel
{
    double maxErrorValuePerPoint = 0; // the most quality-sensitive user's price per request of one point more error
    double latencyValuePerMs = 0;     // every user's price per request of one ms more latency (where the pool has it)
    double carbonValuePerKg = 0;      // every user's value of avoiding one kg of CO2 (their environmental consciousness)

    void validate() const; // throws InputError naming the first value that is not a number >= 0
};

// What the choice weighs, per request of an eco user; none of it depends on how many users take the tier.
struct EcoUptakeTerms
{
    double pricePerRequest = 0;       // per-month pricing: revenue over the scenario / its requests
    double co2AvoidedKg = 0;          // CO2 avoided per eco request, averaged over the scenario
    double degradedShare = 0;         // share of eco requests served by the eco model
    double extraErrorPct = 0;         // eco model's error - standard model's, points
    double extraLatencyMs = 0;        // eco model's latency - standard model's; 0 where either is not known
};

EcoUptakeTerms ecoUptakeTerms(const Scenario &scenario, const ModelPool &pool, const EcoTierDesign &design,
                              const EcoUptakeModel &model);

// The share of users who take the eco tier at `discount`, 0..1.
double ecoUptakeShare(const EcoUptakeTerms &terms, const EcoUptakeModel &model, double discount);

// The design with its eco share set by the users' choice at its discount, evaluated.
EcoTierResult evaluateEcoTierWithUptake(const Scenario &scenario, const ModelPool &pool, EcoTierDesign design,
                                        const EcoUptakeModel &model);

// The discounts evaluated with the share that follows each (the curve through the share x discount maps).
std::vector<EcoTierResult> ecoUptakeCurve(const Scenario &scenario, const ModelPool &pool, const EcoTierDesign &design,
                                          const EcoUptakeModel &model, const std::vector<double> &discounts);

} // namespace cs
