#pragma once

#include "eco_tier.h"

#include <vector>

namespace cs {

// Which users take the eco tier at a given discount (demand response). A user takes it when what they gain per
// request, the discount on the price and the CO2 their request avoids valued at their own price of carbon, is at
// least what they give up, the extra error and latency of the requests that get degraded:
//   discount x price + c x CO2 avoided  >=  degraded share x (error value x extra error + latency value x extra latency)
// Users differ in c only, spread evenly from 0 to maxCarbonValuePerKg, so the eco share is the fraction of them
// above the break-even c. Siris et al. (2026) frame tier choice by users' valuation of quality, latency and their
// environmental consciousness; this is the simplest model of that kind, one valuation differing between users.
struct EcoUptakeModel
{
    double errorValuePerPoint = 0;    // currency a user would pay per request to avoid one point more error
    double latencyValuePerMs = 0;     // ... to avoid one ms more latency (counted where the pool has latencies)
    double maxCarbonValuePerKg = 0;   // the greenest user's value of avoiding one kg of CO2

    void validate() const; // throws InputError naming the first value that is not a number >= 0
};

// What the choice weighs, per request of an eco user (share-independent: the degrade rule and the prices do not
// depend on how many users take the tier).
struct EcoUptakeTerms
{
    double pricePerRequest = 0;       // per-month pricing: revenue over the scenario / its requests
    double co2AvoidedKg = 0;          // CO2 avoided per eco request, averaged over the scenario
    double lossPerRequest = 0;        // degraded share x (error value x extra error + latency value x extra latency)
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
