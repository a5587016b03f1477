#pragma once

#include "deployment/deployment.h"
#include "policy.h"

#include <vector>

namespace cs {

// Energy (kWh) and CO2 (g) of a deployment, part by part (issue #16).
struct EmissionParts
{
    double gpuDynamicKwh = 0; // above idle: the work of the requests
    double gpuIdleKwh = 0;    // the GPUs' idle floor (load curves only; the per-inference figure hides it)
    double hostKwh = 0;
    double overheadKwh = 0;   // (PUE - 1) x (GPU + host)
    double gpuDynamicG = 0, gpuIdleG = 0, hostG = 0, overheadG = 0;
    double embodiedG = 0;     // per GPU-hour, whatever the grid

    double energyKwh() const { return gpuDynamicKwh + gpuIdleKwh + hostKwh + overheadKwh; }
    double co2G() const { return gpuDynamicG + gpuIdleG + hostG + overheadG + embodiedG; }
};

// Which energy figure priced the GPUs: every model's profiled load curve, every model's per-inference energy
// (the paper's Table 1), or some of each (a pool partly profiled).
enum class EnergyBasis { LoadCurves, PerInference, Mixed };
const char *energyBasisName(EnergyBasis basis); // "load curves", "per inference", "mixed"

struct EmissionAccount
{
    EnergyBasis basis = EnergyBasis::PerInference;
    EmissionParts totals;
    std::vector<double> energyKwh; // per interval, all parts
    std::vector<double> co2G;      // per interval, all parts (embodied included)
    // Requests beyond what the GPUs sustain (a load curve's last rate x GPUs): still charged the power at
    // capacity; counted here as the service constraints count them.
    double overCapacityRequests = 0;
    std::size_t overCapacityIntervals = 0;
};

// The GPU joules of one model serving `requests` for `share` of `seconds` on `gpus` GPUs: its load curve's power
// at the rate per GPU over the time it holds the GPUs (idle apart), or its energy per inference per request.
struct GpuJoules
{
    double dynamic = 0, idle = 0, overCapacityRequests = 0;
};
GpuJoules gpuJoules(const Model &model, double requests, double share, double seconds, int gpus);

// Prices `assignment` on `scenario` (its intensity is the accounting signal) with `deployment`. A model with a
// load curve is charged the curve's power at the interval's rate per GPU over the time it serves (a split
// interval serves each model for its share of the time), idle included; one without is charged its energy
// per inference per request. Throws InputError where the deployment or a curve is out of range or the
// assignment does not fit the scenario.
EmissionAccount accountEmissions(const Scenario &scenario, const ModelPool &pool, const Assignment &assignment,
                                 const Deployment &deployment);

} // namespace cs
