#include "deployment/emission_account.h"

#include "number_checks.h"
#include "parse_error.h"
#include "scenario_checks.h"
#include "utc_time.h"

#include <cmath>

namespace cs {

const char *energyBasisName(EnergyBasis basis)
{
    switch (basis) {
    case EnergyBasis::LoadCurves: return "load curves";
    case EnergyBasis::PerInference: return "per inference";
    case EnergyBasis::Mixed: return "mixed";
    }
    return "?";
}

namespace {

constexpr double joulesPerKwh = 3.6e6;

EnergyBasis basisOf(const ModelPool &pool)
{
    int curves = 0;
    for (const Model &m : pool.models)
        curves += m.loadCurve && !m.loadCurve->empty() ? 1 : 0;
    if (curves == 0)
        return EnergyBasis::PerInference;
    return curves == pool.size() ? EnergyBasis::LoadCurves : EnergyBasis::Mixed;
}

} // namespace

GpuJoules gpuJoules(const Model &m, double requests, double share, double seconds, int gpus)
{
    GpuJoules j;
    if (share <= 0)
        return j;
    if (!m.loadCurve || m.loadCurve->empty()) {
        j.dynamic = share * requests * m.energyMj / 1000.0;
        return j;
    }
    const LoadCurve &curve = *m.loadCurve;
    const double busySeconds = share * seconds * gpus; // GPU-seconds this model holds the GPUs
    const double rate = requests / (seconds * gpus);   // per GPU while it serves
    j.idle = curve.idleWatts * busySeconds;
    j.dynamic = (curve.wattsAt(rate) - curve.idleWatts) * busySeconds;
    if (rate > curve.capacityPerS())
        j.overCapacityRequests = (rate - curve.capacityPerS()) * busySeconds;
    return j;
}

EmissionAccount accountEmissions(const Scenario &scenario, const ModelPool &pool, const Assignment &assignment,
                                 const Deployment &deployment)
{
    deployment.validate();
    for (const Model &m : pool.models)
        if (m.loadCurve)
            m.loadCurve->validate("model '" + m.name + "'");
    if (assignment.size() != scenario.size())
        throw InputError("internal: an assignment of " + std::to_string(assignment.size()) + " choices for " +
                         std::to_string(scenario.size()) + " intervals");
    checkScenarioRanges(scenario);

    EmissionAccount a;
    a.basis = basisOf(pool);
    const bool timed = a.basis != EnergyBasis::PerInference || deployment.hostWatts > 0 ||
                       deployment.embodiedGPerGpuHour > 0; // the paper's figure needs no interval length
    if (timed && scenario.intervalSeconds <= 0 && !scenario.empty())
        throw InputError("internal: a scenario without an interval length");
    a.energyKwh.resize(scenario.size());
    a.co2G.resize(scenario.size());
    const double seconds = static_cast<double>(scenario.intervalSeconds);
    const double hostJoules = deployment.hostWatts * seconds;
    const double embodiedG = deployment.embodiedGPerGpuHour * deployment.gpus * seconds / 3600.0;
    EmissionParts &t = a.totals;
    double cumulative = 0;
    for (std::size_t i = 0; i < scenario.size(); ++i) {
        const Choice &c = assignment[i];
        if (c.model < 0 || c.model >= pool.size() || (c.altShare > 0 && (c.alt < 0 || c.alt >= pool.size())))
            throw InputError("internal: interval " + std::to_string(i) + " is assigned a model outside the pool");
        const double share = c.altShare > 0 ? c.altShare : 0.0;
        const double req = scenario.requests[i];
        const GpuJoules first = gpuJoules(pool.at(c.model), req, 1 - share, seconds, deployment.gpus);
        const GpuJoules second = share > 0 ? gpuJoules(pool.at(c.alt), req, share, seconds, deployment.gpus)
                                           : GpuJoules{};
        const double dynamicKwh = (first.dynamic + second.dynamic) / joulesPerKwh;
        const double idleKwh = (first.idle + second.idle) / joulesPerKwh;
        const double hostKwh = hostJoules / joulesPerKwh;
        // Not 0 x IT where PUE is 1: an overflowing IT energy must read inf, not nan.
        const double overheadKwh = deployment.pue > 1 ? (deployment.pue - 1) * (dynamicKwh + idleKwh + hostKwh) : 0.0;
        const double intensity = scenario.intensity[i];
        t.gpuDynamicKwh += dynamicKwh;
        t.gpuIdleKwh += idleKwh;
        t.hostKwh += hostKwh;
        t.overheadKwh += overheadKwh;
        t.gpuDynamicG += dynamicKwh * intensity;
        t.gpuIdleG += idleKwh * intensity;
        t.hostG += hostKwh * intensity;
        t.overheadG += overheadKwh * intensity;
        t.embodiedG += embodiedG;
        a.energyKwh[i] = dynamicKwh + idleKwh + hostKwh + overheadKwh;
        a.co2G[i] = a.energyKwh[i] * intensity + embodiedG;
        cumulative += a.co2G[i];
        if (!std::isfinite(cumulative)) { // only a figure beyond its range gets here
            const std::string at = formatUtcTime(scenario.times[i]);
            requireFiniteResult(a.co2G[i], "the CO2 (g) of the interval at " + at);
            requireFiniteResult(cumulative, "the cumulative CO2 (g) at " + at);
        }
        const double over = first.overCapacityRequests + second.overCapacityRequests;
        a.overCapacityRequests += over;
        a.overCapacityIntervals += over > 0 ? 1 : 0;
    }
    requireFiniteResult(t.energyKwh(), "the total energy (kWh)");
    requireFiniteResult(t.co2G(), "the total CO2 (g)");
    return a;
}

} // namespace cs
