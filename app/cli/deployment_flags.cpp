#include "deployment_flags.h"

#include "deployment/deployment_limits.h"
#include "option_checks.h"
#include "result_export.h"

#include <CLI/CLI.hpp>

#include <cstdio>

namespace cs::cli {

void addDeploymentFlags(CLI::App *c, DeploymentFlags &f)
{
    c->add_option("--gpus", f.gpus, "GPUs serving the trace (a pool's load curves are per GPU)")
        ->check(wholeIn(1, limits::maxGpus))
        ->capture_default_str();
    c->add_option("--host-watts", f.hostWatts, "Power of the rest of the server(s) while serving, W")
        ->check(finiteIn(0, limits::maxDeviceWatts))
        ->capture_default_str();
    c->add_option("--pue", f.pue, "Facility power usage effectiveness (>= 1; 1: no overhead)")
        ->check(finiteIn(1, limits::maxPue))
        ->capture_default_str();
    c->add_option("--embodied-g-per-gpu-hour", f.embodiedGPerGpuHour,
                  "Embodied carbon per GPU-hour, g (docs/energy_model.md works one out)")
        ->check(finiteIn(0, limits::maxGrams))
        ->capture_default_str();
    c->add_option("--decide-on", f.decideOn,
                  "Signal the policy decides on: actual, or forecast (CO2 is accounted on the actual)")
        ->check(CLI::IsMember({"actual", "forecast"}))
        ->capture_default_str();
}

Deployment deploymentOf(const DeploymentFlags &f)
{
    return Deployment{f.gpus, f.hostWatts, f.pue, f.embodiedGPerGpuHour};
}

Scenario decisionScenarioOf(const Scenario &accounting, const DeploymentFlags &f)
{
    return decisionScenario(accounting, f.decideOn == "forecast" ? DecisionSignal::Forecast : DecisionSignal::Actual);
}

std::string emissionPartsJson(const Totals &t)
{
    const EmissionParts &p = t.parts;
    auto field = [](const char *name, double v) { return "\"" + std::string(name) + "\":" + finiteDecimal(v, name); };
    return std::string("{\"energy_basis\":\"") + energyBasisName(t.basis) + "\"," +
           field("gpu_dynamic_kwh", p.gpuDynamicKwh) + "," + field("gpu_idle_kwh", p.gpuIdleKwh) + "," +
           field("host_kwh", p.hostKwh) + "," + field("overhead_kwh", p.overheadKwh) + "," +
           field("gpu_dynamic_g", p.gpuDynamicG) + "," + field("gpu_idle_g", p.gpuIdleG) + "," +
           field("host_g", p.hostG) + "," + field("overhead_g", p.overheadG) + "," +
           field("embodied_g", p.embodiedG) + "," + field("over_capacity_requests", t.overCapacityRequests) + "}";
}

void printEmissionParts(const Totals &t)
{
    const EmissionParts &p = t.parts;
    std::printf("energy basis  %s\n", energyBasisName(t.basis));
    std::printf("CO2 parts     GPU dynamic %s g, GPU idle %s g, host %s g, overhead %s g, embodied %s g\n",
                formatFinite(p.gpuDynamicG, "%.6g", "GPU dynamic CO2").c_str(),
                formatFinite(p.gpuIdleG, "%.6g", "GPU idle CO2").c_str(), formatFinite(p.hostG, "%.6g", "host CO2").c_str(),
                formatFinite(p.overheadG, "%.6g", "overhead CO2").c_str(),
                formatFinite(p.embodiedG, "%.6g", "embodied CO2").c_str());
    if (t.overCapacityRequests > 0)
        std::printf("over capacity %s requests beyond what the GPUs sustain (charged at capacity power)\n",
                    formatFinite(t.overCapacityRequests, "%.0f", "requests over capacity").c_str());
}

} // namespace cs::cli
