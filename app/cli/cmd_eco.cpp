// eco: the two-tier eco subscription on a scenario, one design or a sweep over eco share x discount.
#include "cli_common.h"
#include "commands.h"
#include "eco_sweep.h"
#include "eco_uptake.h"
#include "number_checks.h"
#include "option_checks.h"
#include "parse_error.h"
#include "result_export.h"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>

namespace cs::cli {

namespace {

struct EcoOptions
{
    ScenarioOptions scenario;
    EcoTierDesign design;
    std::string rule = "threshold:250";
    double pricePerRequest = -1;
    double pricePerMonth = -1;
    std::string sweepShares;    // FROM:TO:STEPS
    std::string sweepDiscounts; // FROM:TO:STEPS
    bool json = false;
    EcoUptakeModel uptake;      // with --error-value-max, --latency-value or --carbon-value: users choose their tier
    bool choose = false;
    bool shareGiven = false;
};

// FROM and TO are shares or discounts: finite, from 0 to 1.
std::vector<double> parseRange(const std::string &text, const char *option)
{
    double v[3];
    std::size_t start = 0;
    for (int k = 0; k < 3; ++k) {
        const std::size_t colon = k < 2 ? text.find(':', start) : text.size();
        if (colon == std::string::npos)
            throw InputError(std::string(option) + " '" + text + "': expected FROM:TO:STEPS, e.g. 0:1:11");
        const auto [ptr, ec] = std::from_chars(text.data() + start, text.data() + colon, v[k]);
        if (ec != std::errc() || ptr != text.data() + colon)
            throw InputError(std::string(option) + " '" + text + "': expected FROM:TO:STEPS, e.g. 0:1:11");
        start = colon + 1;
    }
    if (!std::isfinite(v[2]) || v[2] < 1 || v[2] > 1000 || v[2] != static_cast<int>(v[2]))
        throw InputError(std::string(option) + " '" + text + "': STEPS must be a whole number from 1 to 1000");
    for (int k = 0; k < 2; ++k)
        if (const std::string problem = rangeProblem(v[k], 0, 1); !problem.empty())
            throw InputError(std::string(option) + " '" + text + "': " + (k ? "TO " : "FROM ") + problem +
                             " (shares and discounts lie from 0 to 1)");
    return evenlySpaced(v[0], v[1], static_cast<int>(v[2]));
}

// ",\"key\":value" for a figure that exists; nothing where the pool has no latencies or nothing is saved (a
// cost per tonne of nothing): the output never holds null, inf or nan.
std::string field(const char *key, double value)
{
    return ",\"" + std::string(key) + "\":" + finiteDecimal(value, key);
}

std::string optionalField(const char *key, const std::optional<double> &value)
{
    return value ? field(key, *value) : std::string();
}

std::string resultJson(const EcoTierResult &r)
{
    const std::string fields = field("baseline_co2_g", r.baselineCo2G) + field("co2_g", r.co2G)
           + field("co2_saved_g", r.savedCo2G) + field("revenue_full", r.revenueFull)
           + field("revenue_given_up", r.revenueGivenUp)
           + (r.savedCo2G > 0 ? field("cost_per_tonne", r.costPerTonne) : std::string())
           + field("net_benefit", r.netBenefit)
           + ",\"cheaper_than_carbon_price\":" + (r.cheaperThanCarbonPrice ? "true" : "false")
           + field("standard_error_pct", r.standardErrorPct) + field("eco_error_pct", r.ecoErrorPct)
           + optionalField("standard_latency_ms", r.standardLatencyMs) + optionalField("eco_latency_ms", r.ecoLatencyMs)
           + field("eco_degraded_share", r.degradedShare)
           + ",\"degraded_intervals\":" + std::to_string(r.degradedIntervals);
    return "{" + fields.substr(1) + "}";
}

std::string cell(double value, const char *format, const char *what)
{
    return formatFinite(value, format, what);
}

// The cost per tonne avoided is "-" where nothing is saved (core gives infinity there: no tonne to divide by).
std::string costCell(const EcoTierResult &r, const char *format)
{
    return r.savedCo2G > 0 ? formatFinite(r.costPerTonne, format, "cost per tonne") : "-";
}

// The users choose their tier: one discount, or the curve over --sweep-discounts.
void runUptake(const EcoOptions &o, const LoadedScenario &s)
{
    const EcoTierDesign &d = o.design;
    std::vector<double> discounts{d.discount};
    if (!o.sweepDiscounts.empty())
        discounts = parseRange(o.sweepDiscounts, "--sweep-discounts");
    const std::vector<EcoTierResult> curve = ecoUptakeCurve(s.scenario, s.pool, d, o.uptake, discounts);
    if (o.json) {
        std::string out = o.sweepDiscounts.empty() ? "" : "[";
        for (std::size_t i = 0; i < curve.size(); ++i) {
            std::string r = resultJson(curve[i]);
            r.insert(1, "\"eco_share\":" + finiteDecimal(curve[i].ecoShare, "eco_share") + ",\"discount\":"
                            + finiteDecimal(discounts[i], "discount") + ",");
            out += (i ? "," : "") + r;
        }
        std::printf("%s%s\n", out.c_str(), o.sweepDiscounts.empty() ? "" : "]");
        return;
    }
    std::printf("users choose their tier: standard %s, eco %s; a point of error worth 0 to %g per request, a ms of "
                "latency %g, a kg of CO2 %g\n",
                d.standardModel.c_str(), d.ecoModel.c_str(), o.uptake.maxErrorValuePerPoint,
                o.uptake.latencyValuePerMs, o.uptake.carbonValuePerKg);
    std::printf("%9s %9s %14s %14s %14s %14s\n", "discount", "eco share", "CO2 saved g", "revenue lost",
                "cost per t", "net benefit");
    for (std::size_t i = 0; i < curve.size(); ++i)
        std::printf("%9.3f %9s %14s %14s %14s %14s\n", discounts[i],
                    cell(curve[i].ecoShare, "%.3f", "eco share").c_str(),
                    cell(curve[i].savedCo2G, "%.6g", "CO2 saved (g)").c_str(),
                    cell(curve[i].revenueGivenUp, "%.6g", "revenue given up").c_str(),
                    costCell(curve[i], "%.6g").c_str(),
                    cell(curve[i].netBenefit, "%.6g", "net benefit").c_str());
}

void runEco(EcoOptions o)
{
    const LoadedScenario s = loadScenario(o.scenario);
    EcoTierDesign &d = o.design;
    if (o.pricePerRequest >= 0 && o.pricePerMonth >= 0)
        throw InputError("give --price-per-request or --price-per-month, not both");
    if (o.pricePerMonth >= 0) {
        d.pricing = EcoTierDesign::Pricing::PerMonth;
        d.pricePerMonth = o.pricePerMonth;
    } else if (o.pricePerRequest >= 0) {
        d.pricePerRequest = o.pricePerRequest;
    }
    if (o.rule == "heuristic") {
        d.rule = EcoTierDesign::Rule::Heuristic;
    } else if (o.rule.starts_with("threshold:")) {
        const std::string v = o.rule.substr(10);
        const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d.thresholdGPerKwh);
        if (ec != std::errc() || ptr != v.data() + v.size() || v.empty())
            throw InputError("--rule '" + o.rule + "': expected threshold:G (gCO2/kWh) or heuristic");
        if (const std::string problem = rangeProblem(d.thresholdGPerKwh, 0, limits::maxIntensity); !problem.empty())
            throw InputError("--rule '" + o.rule + "': the threshold " + problem + " (gCO2/kWh)");
    } else {
        throw InputError("--rule '" + o.rule + "': expected threshold:G (gCO2/kWh) or heuristic");
    }
    // Defaults: the pool's least-error model for the standard tier, its least-energy model for the eco tier.
    int best = 0, smallest = 0;
    for (int m = 1; m < s.pool.size(); ++m) {
        if (s.pool.at(m).errorPct < s.pool.at(best).errorPct)
            best = m;
        if (s.pool.at(m).energyMj < s.pool.at(smallest).energyMj)
            smallest = m;
    }
    if (d.standardModel.empty())
        d.standardModel = s.pool.at(best).name;
    if (d.ecoModel.empty())
        d.ecoModel = s.pool.at(smallest).name;

    if (o.choose) {
        if (o.shareGiven || !o.sweepShares.empty())
            throw InputError("with the users choosing their tier (--error-value-max, --latency-value, "
                             "--carbon-value) the eco share follows the discount: leave out --eco-share and "
                             "--sweep-shares");
        runUptake(o, s);
        return;
    }
    if (o.sweepShares.empty() != o.sweepDiscounts.empty())
        throw InputError("a sweep needs both --sweep-shares and --sweep-discounts");
    if (!o.sweepShares.empty()) {
        const EcoSweep sweep = sweepEcoTier(s.scenario, s.pool, d, parseRange(o.sweepShares, "--sweep-shares"),
                                            parseRange(o.sweepDiscounts, "--sweep-discounts"));
        if (o.json) {
            std::string out = "[";
            bool first = true;
            for (std::size_t a = 0; a < sweep.shares.size(); ++a)
                for (std::size_t b = 0; b < sweep.discounts.size(); ++b) {
                    std::string r = resultJson(sweep.at(a, b));
                    r.insert(1, "\"eco_share\":" + finiteDecimal(sweep.shares[a], "eco_share") + ",\"discount\":"
                                    + finiteDecimal(sweep.discounts[b], "discount") + ",");
                    out += (first ? "" : ",") + r;
                    first = false;
                }
            std::printf("%s]\n", out.c_str());
            return;
        }
        std::printf("CO2 saved (g) by eco share (rows) x discount (columns); cost per tonne avoided below\n%8s",
                    "share");
        for (double disc : sweep.discounts)
            std::printf(" %11.3f", disc);
        std::printf("\n");
        for (std::size_t a = 0; a < sweep.shares.size(); ++a) {
            std::printf("%8.3f", sweep.shares[a]);
            for (std::size_t b = 0; b < sweep.discounts.size(); ++b)
                std::printf(" %11s", cell(sweep.at(a, b).savedCo2G, "%.5g", "CO2 saved (g)").c_str());
            std::printf("\n");
        }
        std::printf("cost per tonne avoided (carbon price %g):\n", d.carbonPricePerTonne);
        for (std::size_t a = 0; a < sweep.shares.size(); ++a) {
            std::printf("%8.3f", sweep.shares[a]);
            for (std::size_t b = 0; b < sweep.discounts.size(); ++b)
                std::printf(" %11s", costCell(sweep.at(a, b), "%.5g").c_str());
            std::printf("\n");
        }
        return;
    }

    const EcoTierResult r = evaluateEcoTier(s.scenario, s.pool, d);
    if (o.json) {
        std::printf("%s\n", resultJson(r).c_str());
        return;
    }
    std::printf("eco tier      %.1f %% of requests, %.1f %% discount; standard %s, eco %s; degrade %s\n",
                100 * d.ecoShare, 100 * d.discount, d.standardModel.c_str(), d.ecoModel.c_str(),
                d.rule == EcoTierDesign::Rule::Heuristic ? "where the heuristic picks the eco model"
                                                         : ("at or above " + plainDecimal(d.thresholdGPerKwh)
                                                            + " gCO2/kWh").c_str());
    std::printf("CO2           %s g with the tier, %s g everyone on standard: %s g saved (%s %%)\n",
                cell(r.co2G, "%.6g", "CO2 with the tier (g)").c_str(),
                cell(r.baselineCo2G, "%.6g", "CO2 everyone on standard (g)").c_str(),
                cell(r.savedCo2G, "%.6g", "CO2 saved (g)").c_str(),
                cell(r.baselineCo2G > 0 ? 100 * r.savedCo2G / r.baselineCo2G : 0.0, "%.3f", "CO2 saved (%)").c_str());
    std::printf("revenue       %s given up of %s\n", cell(r.revenueGivenUp, "%.6g", "revenue given up").c_str(),
                cell(r.revenueFull, "%.6g", "full revenue").c_str());
    std::printf("cost          %s per tonne avoided vs carbon price %.6g: %s; net benefit %s\n",
                costCell(r, "%.6g").c_str(), d.carbonPricePerTonne,
                r.cheaperThanCarbonPrice ? "cheaper" : "dearer", cell(r.netBenefit, "%.6g", "net benefit").c_str());
    std::printf("error         standard tier %s %%, eco tier %s %%\n",
                cell(r.standardErrorPct, "%.4f", "standard tier error (%)").c_str(),
                cell(r.ecoErrorPct, "%.4f", "eco tier error (%)").c_str());
    if (r.standardLatencyMs && r.ecoLatencyMs)
        std::printf("latency       standard tier %s ms, eco tier %s ms\n",
                    cell(*r.standardLatencyMs, "%.3f", "standard tier latency (ms)").c_str(),
                    cell(*r.ecoLatencyMs, "%.3f", "eco tier latency (ms)").c_str());
    else
        std::printf("latency       not known (the pool has no latency figures)\n");
    std::printf("degraded      %.2f %% of eco requests (%zu of %zu intervals)\n", 100 * r.degradedShare,
                r.degradedIntervals, s.scenario.size());
}

} // namespace

void addEcoCommands(CLI::App &app)
{
    auto o = std::make_shared<EcoOptions>();
    CLI::App *eco = app.add_subcommand("eco", "The two-tier eco subscription: CO2 saved, revenue given up, cost "
                                              "per tonne, error and latency per tier");
    addScenarioOptions(*eco, o->scenario);
    eco->add_option("--standard", o->design.standardModel, "Standard tier's model (default: least error)");
    eco->add_option("--eco", o->design.ecoModel, "Eco tier's model when degraded (default: least energy)");
    CLI::Option *share =
        eco->add_option("--eco-share", o->design.ecoShare, "Share of users (and requests) in the eco tier, 0..1")
            ->check(finiteIn(0, 1))
            ->capture_default_str();
    eco->add_option("--discount", o->design.discount, "Eco tier's discount, 0..1")
        ->check(finiteIn(0, 1))
        ->capture_default_str();
    eco->add_option("--price-per-request", o->pricePerRequest, "Price per request (default 0.001)")
        ->check(finiteIn(0, limits::maxMoney));
    eco->add_option("--price-per-month", o->pricePerMonth, "Price per user per month (instead of per request)")
        ->check(finiteIn(0, limits::maxMoney));
    eco->add_option("--users", o->design.users, "Users in both tiers (with --price-per-month)")
        ->check(finiteIn(0, limits::maxUsers))
        ->capture_default_str();
    eco->add_option("--rule", o->rule, "When eco requests are degraded: threshold:G (gCO2/kWh) or heuristic")
        ->capture_default_str();
    eco->add_option("--carbon-price", o->design.carbonPricePerTonne, "Carbon price per tonne, to compare with")
        ->check(finiteIn(0, limits::maxMoney))
        ->capture_default_str();
    eco->add_option("--sweep-shares", o->sweepShares, "Sweep eco shares FROM:TO:STEPS (with --sweep-discounts)");
    eco->add_option("--sweep-discounts", o->sweepDiscounts, "Sweep discounts FROM:TO:STEPS");
    eco->add_flag("--json", o->json, "Print JSON (an object, or a list for a sweep)");
    CLI::Option *errorValue = eco->add_option(
        "--error-value-max", o->uptake.maxErrorValuePerPoint,
        "Users choose their tier: what the most quality-sensitive user would pay per request to avoid one point "
        "more error (users spread evenly from 0)")->check(finiteIn(0, limits::maxMoney));
    CLI::Option *latencyValue = eco->add_option(
        "--latency-value", o->uptake.latencyValuePerMs,
        "Users choose their tier: what a user would pay per request to avoid one ms more latency")
        ->check(finiteIn(0, limits::maxMoney));
    CLI::Option *carbonValue = eco->add_option(
        "--carbon-value", o->uptake.carbonValuePerKg,
        "Users choose their tier: what avoiding a kg of CO2 is worth to a user")->check(finiteIn(0, limits::maxMoney));
    eco->callback([o, share, carbonValue, errorValue, latencyValue] {
        o->choose = carbonValue->count() + errorValue->count() + latencyValue->count() > 0;
        o->shareGiven = share->count() > 0;
        runEco(*o);
    });
}

} // namespace cs::cli
