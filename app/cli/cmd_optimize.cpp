// frontier and optimize: the exact CO2-error frontier of a pool on a scenario, and how far policies are from it.
#include "cli_common.h"
#include "commands.h"
#include "daily_budget_policy.h"
#include "mckp_solver.h"
#include "number_checks.h"
#include "option_checks.h"
#include "optimal_policy.h"
#include "parse_error.h"
#include "policy_factory.h"
#include "register_optimize_policies.h"
#include "regret.h"
#include "result_export.h"
#include "service_constraints.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

namespace cs::cli {

namespace {

struct ServiceOptions
{
    int gpus = 0;
    double sloMs = 0;
    ServiceConstraints constraints() const { return {gpus, sloMs}; }
};

void addServiceOptions(CLI::App &command, ServiceOptions &o)
{
    command.add_option("--gpus", o.gpus, "GPUs serving each interval (checks throughput; needs throughput_per_s)")
        ->check(wholeIn(1, 1'000'000));
    command.add_option("--slo-ms", o.sloMs, "Latency SLO in ms (checks latency; needs latency_ms)")
        ->check(finiteAbove(0, limits::maxLatencyMs));
}

struct FrontierOptions
{
    ScenarioOptions scenario;
    ServiceOptions service;
    int points = 200;
    bool split = false;
    bool json = false;
};

void runFrontier(const FrontierOptions &o)
{
    const LoadedScenario s = loadScenario(o.scenario);
    if (s.scenario.empty())
        throw InputError("the scenario has no intervals");
    const auto start = std::chrono::steady_clock::now();
    const TradeoffProblem problem(s.scenario, s.pool, o.service.constraints());
    const ParetoFrontier frontier(problem);
    const std::vector<FrontierPoint> points = frontier.points(o.points, !o.split);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    if (o.json) {
        std::string out = "[";
        for (std::size_t k = 0; k < points.size(); ++k)
            out += std::string(k ? "," : "") + "{\"co2_g\":" + finiteDecimal(points[k].co2G, "co2_g")
                   + ",\"error_pct\":" + finiteDecimal(points[k].errorPct, "error_pct") + "}";
        std::printf("%s]\n", out.c_str());
        return;
    }
    std::printf("# exact CO2-error frontier, %s; %zu intervals, pool %s; %zu points in %.2f ms\n",
                o.split ? "requests may be split between models (LP)"
                        : "one model per interval (LP breakpoints, each an exact one-model optimum)",
                s.scenario.size(), s.pool.name.c_str(), points.size(), ms);
    std::printf("%16s %12s\n", "co2_g", "error_pct");
    for (const FrontierPoint &p : points)
        std::printf("%16s %12s\n", formatFinite(p.co2G, "%.9g", "co2_g").c_str(),
                    formatFinite(p.errorPct, "%.6f", "error_pct").c_str());
}

struct OptimizeOptions
{
    ScenarioOptions scenario;
    ServiceOptions service;
    std::vector<std::string> policies;
    std::string baseline;
    std::size_t nodeLimit = 100'000;
    bool json = false;
};

struct Row
{
    std::string spec;
    Totals totals;
    std::optional<Regret> regret;
    ServiceReport service;
    std::optional<BudgetDays> budget;
    BaselineComparison vsBaseline;        // the policy's carbon emission efficiency (Jung 2024)
    double optimumEfficiency = 0;         // the one-model optimum's at the same error: same gain, less extra CO2
};

void runOptimize(const OptimizeOptions &o)
{
    const LoadedScenario s = loadScenario(o.scenario);
    std::vector<PolicyPtr> policies;
    std::vector<std::string> specs = o.policies;
    if (specs.empty()) {
        specs = standardPolicySpecs(s.pool);
        specs.push_back("online:window=7d");
        if (!s.scenario.forecast.empty())
            specs.push_back("forecast");
    }
    for (const std::string &spec : specs)
        policies.push_back(makePolicy(spec));
    const ServiceConstraints constraints = o.service.constraints();
    const TradeoffProblem problem(s.scenario, s.pool, constraints);
    const ParetoFrontier frontier(problem);

    const int baselineIndex = resolveBaseline(s.pool, o.baseline);
    const std::string baselineName = s.pool.at(baselineIndex).name;
    const Totals baseline = simulate(s.scenario, s.pool, *makePolicy("model:" + baselineName)).totals;
    std::vector<Row> rows;
    for (const PolicyPtr &p : policies) {
        const SimulationResult r = simulate(s.scenario, s.pool, *p);
        Row row{p->spec(), r.totals, regretOf(frontier, r.totals, o.nodeLimit),
                checkService(s.scenario, s.pool, r.assignment, constraints), std::nullopt, {}, 0.0};
        if (const auto *b = dynamic_cast<const DailyBudgetPolicy *>(p.get()))
            row.budget = budgetDays(s.scenario, s.pool, r.assignment, b->dailyGrams());
        row.vsBaseline = compareToBaseline(r.totals, baseline, baselineName);
        if (row.regret) {
            Totals optimum = r.totals;
            optimum.co2G = row.regret->oneModelCo2G;
            row.optimumEfficiency = compareToBaseline(optimum, baseline, baselineName).efficiency;
        }
        rows.push_back(std::move(row));
    }

    if (o.json) {
        std::string out = "[";
        for (std::size_t k = 0; k < rows.size(); ++k) {
            const Row &r = rows[k];
            // Undefined figures (no extra CO2, no baseline error, no split optimum CO2) are left out.
            auto optional = [](const char *key, double v) {
                return isUndefined(v) ? std::string() : "," + std::string("\"") + key + "\":" + finiteDecimal(v, key);
            };
            out += std::string(k ? "," : "") + "{\"policy\":\"" + r.spec + "\",\"co2_g\":"
                   + finiteDecimal(r.totals.co2G, "co2_g") + ",\"error_pct\":"
                   + finiteDecimal(r.totals.errorPct, "error_pct") + ",\"baseline\":\"" + baselineName
                   + "\",\"extra_g\":" + finiteDecimal(r.vsBaseline.extraCo2G, "extra_g")
                   + optional("rel_gain_pct", r.vsBaseline.relativeGainPct)
                   + optional("efficiency", r.vsBaseline.efficiency);
            if (r.regret) {
                out += ",\"split_optimum_co2_g\":" + finiteDecimal(r.regret->splitOptimumCo2G, "split_optimum_co2_g")
                       + ",\"one_model_optimum_co2_g\":"
                       + finiteDecimal(r.regret->oneModelCo2G, "one_model_optimum_co2_g")
                       + ",\"one_model_lower_bound_g\":"
                       + finiteDecimal(r.regret->oneModelLowerBoundG, "one_model_lower_bound_g")
                       + ",\"one_model_proven\":" + (r.regret->oneModelProven ? "true" : "false")
                       + ",\"regret_g\":" + finiteDecimal(r.regret->regretVsOneModelG(), "regret_g")
                       + ",\"regret_vs_split_g\":" + finiteDecimal(r.regret->regretVsSplitG(), "regret_vs_split_g")
                       + optional("regret_vs_split_pct", r.regret->regretVsSplitPct())
                       + optional("optimum_efficiency", r.optimumEfficiency);
            }
            if (constraints.active())
                out += ",\"violating_intervals\":" + std::to_string(r.service.violatingIntervals)
                       + ",\"latency_violations\":" + std::to_string(r.service.latencyViolations)
                       + ",\"throughput_violations\":" + std::to_string(r.service.throughputViolations)
                       + ",\"violating_requests\":" + finiteDecimal(r.service.violatingRequests, "violating_requests")
                       + ",\"unservable_intervals\":" + std::to_string(r.service.unservableIntervals);
            if (r.budget)
                out += ",\"budget_days\":" + std::to_string(r.budget->days) + ",\"budget_days_over\":"
                       + std::to_string(r.budget->daysOver) + ",\"budget_worst_over_g\":"
                       + finiteDecimal(r.budget->worstOverG, "budget_worst_over_g");
            out += "}";
        }
        std::printf("%s]\n", out.c_str());
        return;
    }
    std::printf("%-30s %13s %8s %13s %13s %10s %8s %11s %11s\n", "policy", "CO2 (g)", "error %", "opt split (g)",
                "opt 1-model(g)", "regret (g)", "regret%", "efficiency", "opt. eff.");
    for (const Row &r : rows) {
        std::printf("%-30s %13s %8s", r.spec.c_str(), formatFinite(r.totals.co2G, "%.6g", "CO2 (g)").c_str(),
                    formatFinite(r.totals.errorPct, "%.4f", "error %").c_str());
        if (r.regret)
            std::printf(" %13s %13s%s %10s %8s %11s %11s",
                        formatFinite(r.regret->splitOptimumCo2G, "%.6g", "opt split (g)").c_str(),
                        formatFinite(r.regret->oneModelCo2G, "%.6g", "opt 1-model (g)").c_str(),
                        r.regret->oneModelProven ? " " : "*",
                        formatFinite(r.regret->regretVsOneModelG(), "%.4g", "regret (g)").c_str(),
                        formatFinite(r.regret->regretVsSplitPct(), "%.2f", "regret %", true).c_str(),
                        formatFinite(r.vsBaseline.efficiency, "%.4g", "efficiency", true).c_str(),
                        formatFinite(r.optimumEfficiency, "%.4g", "optimum efficiency", true).c_str());
        else
            std::printf("  below the least error the pool reaches");
        if (constraints.active())
            std::printf("  violations %zu intervals (latency %zu, throughput %zu, unservable %zu)",
                        r.service.violatingIntervals, r.service.latencyViolations, r.service.throughputViolations,
                        r.service.unservableIntervals);
        if (r.budget)
            std::printf("  days over budget %zu of %zu (worst +%s g)", r.budget->daysOver, r.budget->days,
                        formatFinite(r.budget->worstOverG, "%.1f", "worst day over budget (g)").c_str());
        std::printf("\n");
    }
    std::printf("optima at each policy's own error; regret = CO2 - one-model optimum, regret%% vs the split (LP) "
                "optimum; * = search stopped, optimum within [lower bound, shown]\n"
                "efficiency = relative quality gain (%%) / extra CO2 (g) against %s, for the policy and for the "
                "one-model optimum at the same error\n", baselineName.c_str());
    for (const Row &r : rows)
        if (r.regret && !r.regret->oneModelProven)
            std::printf("  %s: one-model optimum in [%s, %s] g\n", r.spec.c_str(),
                        formatFinite(r.regret->oneModelLowerBoundG, "%.9g", "one-model lower bound (g)").c_str(),
                        formatFinite(r.regret->oneModelCo2G, "%.9g", "one-model optimum (g)").c_str());
}

} // namespace

void addOptimizeCommands(CLI::App &app)
{
    registerOptimizePolicies(); // harmless if main did it already

    auto f = std::make_shared<FrontierOptions>();
    CLI::App *frontier = app.add_subcommand("frontier", "The exact CO2-error Pareto frontier of the pool");
    addScenarioOptions(*frontier, f->scenario);
    addServiceOptions(*frontier, f->service);
    frontier->add_option("--points", f->points, "Number of points")->check(CLI::Range(1, 1000000))->capture_default_str();
    frontier->add_flag("--split", f->split, "Allow an interval's requests to be split between models (the LP)");
    frontier->add_flag("--json", f->json, "Print a JSON list of {co2_g, error_pct}");
    frontier->callback([f] { runFrontier(*f); });

    auto o = std::make_shared<OptimizeOptions>();
    CLI::App *optimize = app.add_subcommand(
        "optimize", "Policies against the hindsight optimum at the same error (regret), service and budget checks");
    addScenarioOptions(*optimize, o->scenario);
    addServiceOptions(*optimize, o->service);
    optimize->add_option("--policy", o->policies, "Policy spec (repeat); default: the standard set and online");
    optimize->add_option("--baseline", o->baseline, "Baseline model for the efficiency (default ResNet50)");
    optimize->add_option("--node-limit", o->nodeLimit, "Branch-and-bound node limit of the one-model optimum")
        ->check(wholeIn(1, 1e12))
        ->capture_default_str();
    optimize->add_flag("--json", o->json, "Print a JSON list, one object per policy");
    optimize->callback([o] { runOptimize(*o); });
}

} // namespace cs::cli
