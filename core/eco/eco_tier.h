#pragma once

#include "model_pool.h"
#include "scenario.h"

#include <optional>
#include <string>

namespace cs {

// A two-tier subscription: standard users always get the standard model; eco users pay less and, while the
// grid is dirty, get the eco model (less energy, more error, maybe more latency). Eco users are taken to send
// the same share of every interval's requests as their share of users.
struct EcoTierDesign
{
    double ecoShare = 0.2;  // share of users, hence of requests, in the eco tier (0..1)
    double discount = 0.2;  // fraction off the eco tier's price (0..1)

    enum class Pricing { PerRequest, PerMonth } pricing = Pricing::PerRequest;
    double pricePerRequest = 0.001; // currency per request (PerRequest)
    double pricePerMonth = 10;      // currency per user per month (PerMonth)
    double users = 1000;            // subscribers in both tiers (PerMonth)

    // When eco requests are degraded: at or above a fixed intensity, or where Jung 2024's heuristic (text
    // reading, C_low/C_high over the whole scenario) picks the eco model from the pool {standard, eco}, i.e.
    // above the middle of the trace's intensity range.
    enum class Rule { Threshold, Heuristic } rule = Rule::Threshold;
    double thresholdGPerKwh = 250;

    std::string standardModel;
    std::string ecoModel;
    // Latency per request typed in by the user, used where the pool has no latency figure for the model (a
    // profiled pool's figure wins); unset and no figure: not known.
    std::optional<double> standardLatencyMs;
    std::optional<double> ecoLatencyMs;
    double carbonPricePerTonne = 80; // what avoiding a tonne is worth to the user, to compare with

    // Throws InputError naming the first bad field (shares outside 0..1, unknown models, negative prices).
    void validate(const ModelPool &pool) const;
};

struct EcoTierResult
{
    double ecoShare = 0;            // the design's eco share (or the one the users' choice gave)
    double baselineCo2G = 0;        // everyone on the standard model
    double co2G = 0;                // with the eco tier
    double savedCo2G = 0;
    double revenueFull = 0;         // everyone paying the full price over the scenario
    double revenueGivenUp = 0;      // the eco tier's discount over the scenario
    double costPerTonne = 0;        // revenue given up per tonne avoided; infinity where nothing is saved
    double netBenefit = 0;          // tonnes avoided x carbon price - revenue given up
    bool cheaperThanCarbonPrice = false;
    double standardErrorPct = 0;    // error seen by each tier (request-weighted)
    double ecoErrorPct = 0;
    std::optional<double> standardLatencyMs; // latency seen by each tier, where the pool has the figures
    std::optional<double> ecoLatencyMs;
    double degradedShare = 0;       // share of eco requests served by the eco model
    std::size_t degradedIntervals = 0;
    double months = 0;              // the scenario's length in months of 30.44 days (PerMonth pricing)
};

// The latency of a model in the design: the pool's figure where it has one, else the one typed in, else none.
std::optional<double> designLatencyMs(const Model &model, const std::optional<double> &typed);

// Which intervals degrade eco requests under the design's rule.
std::vector<bool> ecoDegradedIntervals(const Scenario &scenario, const ModelPool &pool, const EcoTierDesign &d);

// Throws InputError for a design or scenario value outside its range, or a result that is not finite.
EcoTierResult evaluateEcoTier(const Scenario &scenario, const ModelPool &pool, const EcoTierDesign &design);

// Throws InputError naming the first result that is not finite (cost per tonne may be infinite only where
// nothing is saved).
void checkEcoResult(const EcoTierResult &result);

} // namespace cs
