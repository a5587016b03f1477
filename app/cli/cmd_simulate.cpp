// simulate and compare: run policies over a scenario and report totals against a baseline.
#include "cli_common.h"
#include "commands.h"
#include "deployment_flags.h"
#include "export/codecarbon_emissions.h"
#include "io/atomic_file.h"
#include "parse_error.h"
#include "policy_factory.h"
#include "result_export.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <memory>

namespace cs::cli {

namespace {

struct SimulateOptions
{
    ScenarioOptions scenario;
    std::string db;           // --db/--scenario: a scenario stored in a project (cmd_store.cpp)
    std::string scenarioName;
    std::string policy = "heuristic";
    std::string baseline;
    std::string csv;
    std::string emissions;    // CodeCarbon's emissions.csv (core/export/codecarbon_emissions.h)
    bool json = false;
    DeploymentFlags deployment;
};

struct CompareOptions
{
    ScenarioOptions scenario;
    std::string db;
    std::string scenarioName;
    std::vector<std::string> policies;
    std::string baseline;
    std::string csv;
    DeploymentFlags deployment;
};

} // namespace
LoadedScenario loadStoredScenario(const std::string &db, const std::string &name); // cmd_store.cpp
long long saveStoredRun(const std::string &db, const std::string &scenarioName, const LoadedScenario &s,
                        const SimulationResult &result);
namespace {

// The scenario from files, or with --db/--scenario from a project.
LoadedScenario loadScenarioFrom(const ScenarioOptions &files, const std::string &db, const std::string &name)
{
    if (db.empty() != name.empty())
        throw InputError("--db and --scenario go together");
    if (db.empty()) {
        if (files.carbon.empty())
            throw InputError("--carbon is required (or --db with --scenario)");
        return loadScenario(files);
    }
    return loadStoredScenario(db, name);
}

// Keeps the run in the project it came from (nothing without --db).
void keepRun(const std::string &db, const std::string &name, const LoadedScenario &s, const SimulationResult &r)
{
    if (!db.empty())
        std::fprintf(stderr, "saved run #%lld in %s\n", saveStoredRun(db, name, s, r), db.c_str());
}

std::string policyHelp()
{
    std::string help = "Policy spec:";
    for (const std::string &line : policyKindHelp())
        help += "\n  " + line;
    return help;
}

// Checked before anything runs or is saved: `--csv p.csdb` must not simulate, save a run, then fail.
void refuseOutput(const std::string &csv, const std::string &db)
{
    if (!csv.empty())
        refuseUnsafeTarget(csv, db);
}

// An undefined figure (no extra CO2, no baseline error) as an empty CSV field; anything else must be finite.
std::string undefinedOrDecimal(double value, const char *what)
{
    return isUndefined(value) ? std::string() : finiteDecimal(value, what);
}

// Simulates one policy; the baseline's totals come from simulating the baseline model alone. The policy decides
// on --decide-on's signal; CO2 is accounted on the actual intensity with the deployment's parts (#16).
struct Evaluated
{
    SimulationResult result;
    BaselineComparison vsBaseline;
};

Evaluated evaluate(const LoadedScenario &s, const Policy &policy, const SimulationResult &baseline,
                   const DeploymentFlags &flags)
{
    const Deployment deployment = deploymentOf(flags);
    Evaluated e;
    e.result = flags.decideOn == "actual"
                   ? simulate(s.scenario, s.pool, policy, deployment)
                   : simulateDecidingOn(s.scenario, decisionScenarioOf(s.scenario, flags), s.pool, policy, deployment);
    e.vsBaseline = compareToBaseline(e.result.totals, baseline.totals, baseline.policyLabel);
    return e;
}

SimulationResult simulateBaseline(const LoadedScenario &s, const std::string &name, const DeploymentFlags &flags)
{
    const int index = resolveBaseline(s.pool, name);
    return simulate(s.scenario, s.pool, *makePolicy("model:" + s.pool.at(index).name), deploymentOf(flags));
}

// The parts of the account are shown where it holds more than the paper's one part (requests x energy per
// inference): a load curve, host power, a PUE above 1 or embodied carbon.
bool showsParts(const Totals &t, const DeploymentFlags &f)
{
    return t.basis != EnergyBasis::PerInference || f.hostWatts > 0 || f.pue > 1 || f.embodiedGPerGpuHour > 0;
}

void runSimulate(const SimulateOptions &o)
{
    refuseOutput(o.csv, o.db);
    refuseOutput(o.emissions, o.db);
    const LoadedScenario s = loadScenarioFrom(o.scenario, o.db, o.scenarioName);
    const PolicyPtr policy = makePolicy(o.policy);
    const SimulationResult baseline = simulateBaseline(s, o.baseline, o.deployment);
    const Evaluated e = evaluate(s, *policy, baseline, o.deployment);
    // Deciding on another signal: what deciding on the actual would have emitted, for the difference.
    std::optional<double> decidedOnActualCo2G;
    if (o.deployment.decideOn != "actual")
        decidedOnActualCo2G = simulate(s.scenario, s.pool, *policy, deploymentOf(o.deployment)).totals.co2G;

    // The file before the run is kept: a failed write then leaves no saved run behind it.
    if (!o.csv.empty()) {
        AtomicFile csv(o.csv);
        writeIntervalCsv(csv.stream(), s.scenario, s.pool, e.result);
        csv.commit();
    }
    if (!o.emissions.empty())
        writeCodeCarbonFile(o.emissions, {codeCarbonRunOf(s.scenario, e.result)});
    keepRun(o.db, o.scenarioName, s, e.result);
    if (o.json) {
        std::string more = ",\"emissions\":" + emissionPartsJson(e.result.totals);
        if (decidedOnActualCo2G)
            more += ",\"decided_on\":\"" + o.deployment.decideOn + "\",\"co2_g_deciding_on_actual\":" +
                    finiteDecimal(*decidedOnActualCo2G, "co2_g_deciding_on_actual");
        std::printf("%s\n", totalsJson(e.result, s.pool, e.vsBaseline, more).c_str());
        return;
    }
    const Totals &t = e.result.totals;
    std::printf("policy        %s\n", e.result.policySpec.c_str());
    std::printf("scenario      %zu intervals of %lld min, %s requests\n", t.intervals,
                static_cast<long long>(s.scenario.intervalSeconds / 60),
                formatFinite(t.requests, "%.0f", "requests").c_str());
    std::printf("CO2           %s g (%s kWh)\n", formatFinite(t.co2G, "%.6g", "CO2 (g)").c_str(),
                formatFinite(t.energyKwh, "%.6g", "energy (kWh)").c_str());
    std::printf("error         %s %%\n", formatFinite(t.errorPct, "%.4f", "error (%)").c_str());
    std::printf("vs %-10s extra CO2 %s g, relative quality gain %s %%, efficiency %s %%/g\n",
                e.vsBaseline.baseline.c_str(), formatFinite(e.vsBaseline.extraCo2G, "%+.6g", "extra CO2 (g)").c_str(),
                formatFinite(e.vsBaseline.relativeGainPct, "%.3f", "relative quality gain (%)", true).c_str(),
                isUndefined(e.vsBaseline.efficiency) ? "-"
                                                     : finiteDecimal(e.vsBaseline.efficiency, "efficiency").c_str());
    std::printf("model share  ");
    for (int m = 0; m < s.pool.size(); ++m)
        if (t.modelShare[static_cast<std::size_t>(m)] > 0)
            std::printf(" %s %.1f%%", s.pool.at(m).name.c_str(), 100 * t.modelShare[static_cast<std::size_t>(m)]);
    std::printf("\n");
    if (showsParts(t, o.deployment))
        printEmissionParts(t);
    if (decidedOnActualCo2G)
        std::printf("decided on    the %s: %s g against %s g deciding on the actual (%s g)\n", o.deployment.decideOn.c_str(),
                    formatFinite(t.co2G, "%.6g", "CO2 (g)").c_str(),
                    formatFinite(*decidedOnActualCo2G, "%.6g", "CO2 (g)").c_str(),
                    formatFinite(t.co2G - *decidedOnActualCo2G, "%+.6g", "CO2 difference (g)").c_str());
}

void runCompare(const CompareOptions &o)
{
    refuseOutput(o.csv, o.db);
    const LoadedScenario s = loadScenarioFrom(o.scenario, o.db, o.scenarioName);
    std::vector<PolicyPtr> policies;
    for (const std::string &spec : o.policies.empty() ? standardPolicySpecs(s.pool) : o.policies)
        policies.push_back(makePolicy(spec)); // all specs are checked before anything is printed
    const SimulationResult baseline = simulateBaseline(s, o.baseline, o.deployment);
    std::vector<Evaluated> rows;
    for (const PolicyPtr &p : policies)
        rows.push_back(evaluate(s, *p, baseline, o.deployment));
    const bool parts = !rows.empty() && showsParts(rows.front().result.totals, o.deployment);
    if (!o.csv.empty()) {
        AtomicFile csv(o.csv);
        std::ostream &out = csv.stream();
        out << "policy,co2_g,error_pct,extra_co2_g,rel_gain_pct,efficiency_pct_per_g,baseline"
            << (parts ? ",energy_basis,gpu_dynamic_g,gpu_idle_g,host_g,overhead_g,embodied_g\n" : "\n");
        for (const Evaluated &e : rows) {
            const EmissionParts &p = e.result.totals.parts;
            out << '"' << e.result.policySpec << "\"," << finiteDecimal(e.result.totals.co2G, "co2_g") << ','
                << finiteDecimal(e.result.totals.errorPct, "error_pct") << ','
                << finiteDecimal(e.vsBaseline.extraCo2G, "extra_co2_g") << ','
                << undefinedOrDecimal(e.vsBaseline.relativeGainPct, "rel_gain_pct") << ','
                << undefinedOrDecimal(e.vsBaseline.efficiency, "efficiency_pct_per_g") << ','
                << e.vsBaseline.baseline;
            if (parts)
                out << ',' << energyBasisName(e.result.totals.basis) << ',' << finiteDecimal(p.gpuDynamicG, "gpu_dynamic_g")
                    << ',' << finiteDecimal(p.gpuIdleG, "gpu_idle_g") << ',' << finiteDecimal(p.hostG, "host_g") << ','
                    << finiteDecimal(p.overheadG, "overhead_g") << ',' << finiteDecimal(p.embodiedG, "embodied_g");
            out << '\n';
        }
        csv.commit();
    }
    for (const Evaluated &e : rows)
        keepRun(o.db, o.scenarioName, s, e.result);
    // Six significant digits: a scenario of one request per interval emits fractions of a gram.
    std::printf("%-28s %14s %9s %14s %9s %12s\n", "policy", "CO2 (g)", "error %", "extra CO2 (g)", "gain %",
                "efficiency");
    for (const Evaluated &e : rows)
        std::printf("%-28s %14s %9s %14s %9s %12s\n", e.result.policySpec.c_str(),
                    formatFinite(e.result.totals.co2G, "%.6g", "CO2 (g)").c_str(),
                    formatFinite(e.result.totals.errorPct, "%.3f", "error %").c_str(),
                    formatFinite(e.vsBaseline.extraCo2G, "%+.6g", "extra CO2 (g)").c_str(),
                    formatFinite(e.vsBaseline.relativeGainPct, "%.2f", "gain %", true).c_str(),
                    formatFinite(e.vsBaseline.efficiency, "%.6g", "efficiency", true).c_str());
    std::printf("baseline: %s; efficiency = relative quality gain (%%) / extra CO2 (g)\n",
                rows.empty() ? "" : rows.front().vsBaseline.baseline.c_str());
}

// The scenario options with --carbon optional: --db and --scenario name a stored scenario instead (cmd_store.cpp),
// the one simulate and compare save their runs into.
void addScenarioSource(CLI::App &command, ScenarioOptions &scenario, std::string &db, std::string &name,
                       const std::string &savedThere)
{
    addScenarioOptions(command, scenario);
    command.get_option("--carbon")->required(false);
    command.add_option("--db", db, "Project database holding the scenario (with --scenario)");
    command.add_option("--scenario", name, "Stored scenario name; " + savedThere);
}

} // namespace

void addSimulateCommands(CLI::App &app)
{
    auto simulateOptions = std::make_shared<SimulateOptions>();
    CLI::App *sim = app.add_subcommand("simulate", "Simulate one policy over a scenario and report its totals");
    addScenarioSource(*sim, simulateOptions->scenario, simulateOptions->db, simulateOptions->scenarioName,
                      "the run is saved there");
    sim->add_option("--policy", simulateOptions->policy, policyHelp())->capture_default_str();
    sim->add_option("--baseline", simulateOptions->baseline, "Baseline model for extra CO2 and gain (default ResNet50)");
    sim->add_option("--csv", simulateOptions->csv, "Write the per-interval table to this CSV file");
    sim->add_option("--emissions", simulateOptions->emissions, "Write the run as CodeCarbon's emissions.csv");
    sim->add_flag("--json", simulateOptions->json, "Print the totals as one JSON object");
    addDeploymentFlags(sim, simulateOptions->deployment);
    sim->callback([simulateOptions] { runSimulate(*simulateOptions); });

    auto compareOptions = std::make_shared<CompareOptions>();
    CLI::App *cmp = app.add_subcommand("compare", "Simulate several policies side by side");
    addScenarioSource(*cmp, compareOptions->scenario, compareOptions->db, compareOptions->scenarioName,
                      "the runs are saved there");
    cmp->add_option("--policy", compareOptions->policies,
                    "Policy spec, repeatable (default: the heuristic in both readings, daily, and every model)");
    cmp->add_option("--baseline", compareOptions->baseline, "Baseline model (default ResNet50)");
    cmp->add_option("--csv", compareOptions->csv, "Write the comparison table to this CSV file");
    addDeploymentFlags(cmp, compareOptions->deployment);
    cmp->callback([compareOptions] { runCompare(*compareOptions); });
}

} // namespace cs::cli
