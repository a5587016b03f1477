// frontier and optimize: the exact CO2-error frontier of a pool on a scenario, and how far policies are from it.
#include "cli_common.h"
#include "commands.h"
#include "daily_budget_policy.h"
#include "mckp_solver.h"
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
        ->check(CLI::PositiveNumber);
    command.add_option("--slo-ms", o.sloMs, "Latency SLO in ms (checks latency; needs latency_ms)")
        ->check(CLI::PositiveNumber);
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
            out += std::string(k ? "," : "") + "{\"co2_g\":" + plainDecimal(points[k].co2G)
                   + ",\"error_pct\":" + plainDecimal(points[k].errorPct) + "}";
        std::printf("%s]\n", out.c_str());
        return;
    }
    std::printf("# exact CO2-error frontier, %s; %zu intervals, pool %s; %zu points in %.2f ms\n",
                o.split ? "requests may be split between models (LP)"
                        : "one model per interval (LP breakpoints, each an exact one-model optimum)",
                s.scenario.size(), s.pool.name.c_str(), points.size(), ms);
    std::printf("%16s %12s\n", "co2_g", "error_pct");
    for (const FrontierPoint &p : points)
        std::printf("%16.9g %12.6f\n", p.co2G, p.errorPct);
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
            out += std::string(k ? "," : "") + "{\"policy\":\"" + r.spec + "\",\"co2_g\":" + plainDecimal(r.totals.co2G)
                   + ",\"error_pct\":" + plainDecimal(r.totals.errorPct) + ",\"baseline\":\"" + baselineName
                   + "\",\"extra_g\":" + plainDecimal(r.vsBaseline.extraCo2G) + ",\"rel_gain_pct\":"
                   + plainDecimal(r.vsBaseline.relativeGainPct) + ",\"efficiency\":"
                   + plainDecimal(r.vsBaseline.efficiency);
            if (r.regret) {
                out += ",\"split_optimum_co2_g\":" + plainDecimal(r.regret->splitOptimumCo2G)
                       + ",\"one_model_optimum_co2_g\":" + plainDecimal(r.regret->oneModelCo2G)
                       + ",\"one_model_lower_bound_g\":" + plainDecimal(r.regret->oneModelLowerBoundG)
                       + ",\"one_model_proven\":" + (r.regret->oneModelProven ? "true" : "false")
                       + ",\"regret_g\":" + plainDecimal(r.regret->regretVsOneModelG())
                       + ",\"regret_vs_split_g\":" + plainDecimal(r.regret->regretVsSplitG())
                       + ",\"regret_vs_split_pct\":" + plainDecimal(r.regret->regretVsSplitPct())
                       + ",\"optimum_efficiency\":" + plainDecimal(r.optimumEfficiency);
            }
            if (constraints.active())
                out += ",\"violating_intervals\":" + std::to_string(r.service.violatingIntervals)
                       + ",\"latency_violations\":" + std::to_string(r.service.latencyViolations)
                       + ",\"throughput_violations\":" + std::to_string(r.service.throughputViolations)
                       + ",\"violating_requests\":" + plainDecimal(r.service.violatingRequests)
                       + ",\"unservable_intervals\":" + std::to_string(r.service.unservableIntervals);
            if (r.budget)
                out += ",\"budget_days\":" + std::to_string(r.budget->days) + ",\"budget_days_over\":"
                       + std::to_string(r.budget->daysOver) + ",\"budget_worst_over_g\":"
                       + plainDecimal(r.budget->worstOverG);
            out += "}";
        }
        std::printf("%s]\n", out.c_str());
        return;
    }
    std::printf("%-30s %13s %8s %13s %13s %10s %8s %11s %11s\n", "policy", "CO2 (g)", "error %", "opt split (g)",
                "opt 1-model(g)", "regret (g)", "regret%", "efficiency", "opt. eff.");
    for (const Row &r : rows) {
        std::printf("%-30s %13.6g %8.4f", r.spec.c_str(), r.totals.co2G, r.totals.errorPct);
        if (r.regret)
            std::printf(" %13.6g %13.6g%s %10.4g %8.2f %11.4g %11.4g", r.regret->splitOptimumCo2G,
                        r.regret->oneModelCo2G, r.regret->oneModelProven ? " " : "*", r.regret->regretVsOneModelG(),
                        r.regret->regretVsSplitPct(), r.vsBaseline.efficiency, r.optimumEfficiency);
        else
            std::printf("  below the least error the pool reaches");
        if (constraints.active())
            std::printf("  violations %zu intervals (latency %zu, throughput %zu, unservable %zu)",
                        r.service.violatingIntervals, r.service.latencyViolations, r.service.throughputViolations,
                        r.service.unservableIntervals);
        if (r.budget)
            std::printf("  days over budget %zu of %zu (worst +%.1f g)", r.budget->daysOver, r.budget->days,
                        r.budget->worstOverG);
        std::printf("\n");
    }
    std::printf("optima at each policy's own error; regret = CO2 - one-model optimum, regret%% vs the split (LP) "
                "optimum; * = search stopped, optimum within [lower bound, shown]\n"
                "efficiency = relative quality gain (%%) / extra CO2 (g) against %s, for the policy and for the "
                "one-model optimum at the same error\n", baselineName.c_str());
    for (const Row &r : rows)
        if (r.regret && !r.regret->oneModelProven)
            std::printf("  %s: one-model optimum in [%.9g, %.9g] g\n", r.spec.c_str(), r.regret->oneModelLowerBoundG,
                        r.regret->oneModelCo2G);
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
        ->capture_default_str();
    optimize->add_flag("--json", o->json, "Print a JSON list, one object per policy");
    optimize->callback([o] { runOptimize(*o); });
}

} // namespace cs::cli
