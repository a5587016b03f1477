// sweep: policies over many series (zones, regions) x calendar periods, each cell with the exact split optimum at
// every policy's error; a summary on stdout, every cell to CSV or JSON.
#include "commands.h"
#include "option_checks.h"
#include "parse_error.h"
#include "pool_json.h"
#include "register_optimize_policies.h"
#include "request_profile.h"
#include "result_export.h"
#include "sweep_export.h"
#include "sweep_loader.h"
#include "sweep_runner.h"
#include "trace_file.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>

namespace cs::cli {

namespace {

struct SweepOptions
{
    std::string zonesDir;
    std::vector<std::string> carbon;
    std::string period = "month";
    std::string policyList; // "a;b;c"
    std::vector<std::string> policies;
    std::string pool = "resnets";
    std::string baseline = "ResNet50";
    std::string requestProfile;
    std::string requests;
    double requestsPerInterval = 1;
    unsigned threads = 0;
    std::string out;
    bool json = false;
};

std::vector<std::string> policySpecs(const SweepOptions &o, const ModelPool &pool)
{
    std::vector<std::string> specs = o.policies;
    std::size_t start = 0;
    while (!o.policyList.empty() && start <= o.policyList.size()) {
        const std::size_t end = std::min(o.policyList.find(';', start), o.policyList.size());
        std::string spec = o.policyList.substr(start, end - start);
        spec.erase(0, spec.find_first_not_of(' '));
        spec.erase(spec.find_last_not_of(' ') + 1);
        if (spec.empty())
            throw InputError("--policies '" + o.policyList + "': an empty policy between ';'");
        specs.push_back(spec);
        start = end + 1;
    }
    return specs.empty() ? defaultSweepPolicies(pool, o.baseline) : specs;
}

std::vector<SweepSeries> makeSeries(const SweepOptions &o, const std::vector<TimeSeries> &carbon, std::string &demand)
{
    std::vector<SweepSeries> series;
    if (!o.requestProfile.empty()) {
        const HourOfWeekProfile profile = foldByHourOfWeek(readTrace(o.requestProfile, SeriesKind::Requests));
        for (const TimeSeries &c : carbon)
            series.push_back({c.name, scenarioWithProfile(c, profile)});
        demand = o.requestProfile + " by hour of the week";
    } else if (!o.requests.empty()) {
        const TimeSeries requests = readTrace(o.requests, SeriesKind::Requests);
        for (const TimeSeries &c : carbon)
            series.push_back({c.name, alignTraces(c, requests)});
        demand = o.requests;
    } else {
        for (const TimeSeries &c : carbon)
            series.push_back({c.name, scenarioWithConstantRequests(c, o.requestsPerInterval)});
        demand = plainDecimal(o.requestsPerInterval) + " per interval";
    }
    return series;
}

void printSummary(const SweepResult &r)
{
    std::printf("%-32s %6s %16s %9s %10s %10s %11s\n", "policy", "cells", "CO2 saved (g)", "saved %",
                "regret %", "max reg. %", "efficiency");
    for (std::size_t p = 0; p < r.policies.size(); ++p) {
        std::size_t cells = 0, regretCells = 0, efficiencyCells = 0;
        double saved = 0, baseline = 0, regretSum = 0, regretMax = 0, efficiencySum = 0;
        for (std::size_t s = 0; s < r.series.size(); ++s)
            for (std::size_t q = 0; q < r.periods.size(); ++q) {
                if (r.cell(s, q).intervals == 0)
                    continue;
                ++cells;
                saved += r.metric(SweepMetric::Co2SavedG, s, q, p);
                baseline += r.cell(s, q).baselineCo2G;
                const double regret = r.metric(SweepMetric::RegretPct, s, q, p);
                if (!std::isnan(regret)) {
                    ++regretCells;
                    regretSum += regret;
                    regretMax = std::max(regretMax, regret);
                }
                const double efficiency = r.metric(SweepMetric::Efficiency, s, q, p);
                if (!std::isnan(efficiency)) {
                    ++efficiencyCells;
                    efficiencySum += efficiency;
                }
            }
        const double nan = std::nan("");
        regretSum = std::abs(regretSum) < 1e-9 ? 0 : regretSum; // the optimum's own rounding is not a regret
        std::printf("%-32s %6zu %16s %9s %10s %10s %11s\n", r.policies[p].c_str(), cells,
                    formatFinite(saved, "%.6g", "CO2 saved (g)").c_str(),
                    formatFinite(baseline > 0 ? 100 * saved / baseline : nan, "%.2f", "saved %", true).c_str(),
                    formatFinite(regretCells ? regretSum / regretCells : nan, "%.2f", "regret %", true).c_str(),
                    formatFinite(regretCells ? regretMax : nan, "%.2f", "max regret %", true).c_str(),
                    formatFinite(efficiencyCells ? efficiencySum / efficiencyCells : nan, "%.4g", "efficiency", true)
                        .c_str());
    }
    std::printf("CO2 saved against %s over all cells; regret %% vs the exact split optimum at each policy's own "
                "error, mean and max over cells; efficiency = relative quality gain (%%) / extra CO2 (g), mean over "
                "the cells with extra CO2\n", r.baseline.c_str());
}

void runSweepCommand(const SweepOptions &o)
{
    const auto period = parseSweepPeriod(o.period);
    if (!period)
        throw InputError("--period '" + o.period + "': month, quarter or year");
    const ModelPool pool = loadPool(o.pool);
    pool.validate();
    const SweepSpec spec{policySpecs(o, pool), o.baseline, *period};

    const auto loadStart = std::chrono::steady_clock::now();
    const std::vector<std::string> files = o.zonesDir.empty() ? o.carbon : carbonFilesIn(o.zonesDir);
    const std::vector<TimeSeries> carbon = loadSweepCarbon(files, o.threads);
    std::string demand;
    const std::vector<SweepSeries> series = makeSeries(o, carbon, demand);
    const double loadS = std::chrono::duration<double>(std::chrono::steady_clock::now() - loadStart).count();

    const auto start = std::chrono::steady_clock::now();
    const SweepResult r = *runSweep(series, pool, spec, {o.threads, {}});
    const double sweepS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (!o.out.empty()) {
        if (o.out.ends_with(".json"))
            saveSweepJson(o.out, r);
        else
            saveSweepCsv(o.out, r);
    }
    if (o.json) {
        std::fputs(sweepJson(r).c_str(), stdout);
        return;
    }
    std::printf("# sweep: %zu series x %zu %ss x %zu policies in %.3f s (%s); %zu files read in %.3f s; pool %s, "
                "requests %s\n", r.series.size(), r.periods.size(), o.period.c_str(), r.policies.size(), sweepS,
                o.threads == 1 ? "serial" : o.threads == 0 ? "all cores" : (std::to_string(o.threads) + " threads")
                                                                              .c_str(),
                files.size(), loadS, pool.name.c_str(), demand.c_str());
    printSummary(r);
    if (!o.out.empty())
        std::printf("every cell written to %s\n", o.out.c_str());
}

} // namespace

void addSweepCommands(CLI::App &app)
{
    registerOptimizePolicies(); // harmless if main did it already

    auto o = std::make_shared<SweepOptions>();
    CLI::App *sweep = app.add_subcommand(
        "sweep", "Policies over many series x months/quarters/years: CO2 saved, efficiency and regret per cell");
    auto *dir = sweep->add_option("--zones-dir", o->zonesDir,
                                  "Folder of carbon CSVs; NAME_YYYY*.csv files of one NAME join into one series");
    auto *carbon = sweep->add_option("--carbon", o->carbon, "Carbon CSV files (NAME_YYYY*.csv join as above)");
    dir->excludes(carbon);
    carbon->excludes(dir);
    sweep->add_option("--period", o->period, "month, quarter or year (UTC calendar)")->capture_default_str();
    sweep->add_option("--policies", o->policyList,
                      "Policy specs separated by ';' (default: heuristic x3, online x3, the other single models, "
                      "the split optimum at the baseline's error)");
    sweep->add_option("--policy", o->policies, "A policy spec (repeat; joins --policies)");
    sweep->add_option("--pool", o->pool, "Model pool: paper, resnets or a pool JSON file")->capture_default_str();
    sweep->add_option("--baseline", o->baseline, "Baseline model for CO2 saved and efficiency")->capture_default_str();
    auto *profile = sweep->add_option("--request-profile", o->requestProfile,
                                      "Request CSV folded by UTC hour of the week and repeated over every series");
    auto *requests = sweep->add_option("--requests", o->requests, "Request CSV aligned with every series as is");
    auto *constant = sweep->add_option("--requests-per-interval", o->requestsPerInterval,
                                       "Constant requests per interval (the default: 1)")
                         ->check(finiteAbove(0, 1e15));
    profile->excludes(requests)->excludes(constant);
    requests->excludes(profile)->excludes(constant);
    sweep->add_option("--threads", o->threads, "Worker threads (0: all cores, 1: serial)")
        ->check(wholeIn(0, 1024))
        ->capture_default_str();
    sweep->add_option("--out", o->out, "Write every cell: CSV, or JSON where the name ends in .json (atomic)");
    sweep->add_flag("--json", o->json, "Print every cell as JSON instead of the summary");
    sweep->callback([o] {
        if (o->zonesDir.empty() && o->carbon.empty())
            throw InputError("sweep needs --zones-dir DIR or --carbon FILE...");
        runSweepCommand(*o);
    });
}

} // namespace cs::cli
