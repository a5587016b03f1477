#include "service_constraints.h"

#include "number_checks.h"
#include "parse_error.h"
#include "policy_args.h"
#include "result_export.h"

#include <cmath>

namespace cs {

ServiceConstraints ServiceConstraints::fromArgs(const PolicyArgs &args)
{
    ServiceConstraints c;
    if (const auto gpus = args.optionalNumber("gpus")) {
        if (*gpus != std::floor(*gpus) || *gpus < 1 || *gpus > 1e6)
            throw InputError("policy '" + args.spec() + "': gpus must be a whole number >= 1");
        c.gpus = static_cast<int>(*gpus);
    }
    if (const auto slo = args.optionalNumber("slo-ms", limits::maxLatencyMs)) {
        if (*slo <= 0)
            throw InputError("policy '" + args.spec() + "': slo-ms must be > 0");
        c.sloMs = *slo;
    }
    return c;
}

void ServiceConstraints::checkPool(const ModelPool &pool) const
{
    if (gpus < 0 || gpus > 1'000'000)
        throw InputError("service constraints: gpus must be a whole number from 0 to 1000000");
    requireRange(sloMs, 0, limits::maxLatencyMs, "service constraints: slo-ms");
    for (const Model &m : pool.models) {
        if (sloMs > 0 && !m.latencyMs)
            throw InputError("a latency SLO needs every model's latency; model '" + m.name + "' of pool '"
                             + pool.name + "' has no latency_ms");
        if (gpus > 0 && !m.throughputPerS)
            throw InputError("a GPU count needs every model's throughput; model '" + m.name + "' of pool '"
                             + pool.name + "' has no throughput_per_s");
    }
}

std::string ServiceConstraints::argsText() const
{
    std::string text;
    if (gpus > 0)
        text += ",gpus=" + std::to_string(gpus);
    if (sloMs > 0)
        text += ",slo-ms=" + plainDecimal(sloMs);
    return text;
}

namespace {

double capacity(const Model &model, double intervalSeconds, const ServiceConstraints &c)
{
    if (c.gpus <= 0 || !model.throughputPerS)
        return INFINITY;
    return *model.throughputPerS * c.gpus * intervalSeconds;
}

bool withinSlo(const Model &model, const ServiceConstraints &c)
{
    return c.sloMs <= 0 || !model.latencyMs || *model.latencyMs <= c.sloMs;
}

} // namespace

bool servesInterval(const Model &model, double requests, double intervalSeconds, const ServiceConstraints &c)
{
    return withinSlo(model, c) && requests <= capacity(model, intervalSeconds, c);
}

FeasibleModels feasibleModels(const Scenario &scenario, const ModelPool &pool, const ServiceConstraints &c)
{
    FeasibleModels out;
    const std::size_t n = scenario.size();
    out.models.resize(n);
    out.unservable.assign(n, false);
    const double seconds = static_cast<double>(scenario.intervalSeconds);
    int fallback = 0; // the model with the largest capacity among those within the SLO, else overall
    for (int m = 1; m < pool.size(); ++m) {
        const Model &a = pool.at(m), &b = pool.at(fallback);
        const bool aOk = withinSlo(a, c), bOk = withinSlo(b, c);
        if ((aOk && !bOk) || (aOk == bOk && capacity(a, seconds, c) > capacity(b, seconds, c)))
            fallback = m;
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (int m = 0; m < pool.size(); ++m)
            if (!c.active() || servesInterval(pool.at(m), scenario.requests[i], seconds, c))
                out.models[i].push_back(m);
        if (out.models[i].empty()) {
            out.models[i].push_back(fallback);
            out.unservable[i] = true;
        }
    }
    return out;
}

ServiceReport checkService(const Scenario &scenario, const ModelPool &pool, const Assignment &assignment,
                           const ServiceConstraints &c)
{
    ServiceReport report;
    report.intervals = scenario.size();
    if (!c.active())
        return report;
    const double seconds = static_cast<double>(scenario.intervalSeconds);
    const FeasibleModels feasible = feasibleModels(scenario, pool, c);
    for (std::size_t i = 0; i < scenario.size() && i < assignment.size(); ++i) {
        const Choice &ch = assignment[i];
        const double r = scenario.requests[i];
        bool slow = false;
        double utilisation = 0; // GPU time needed over GPU time available; a split shares the GPUs
        auto check = [&](int model, double share) {
            if (model < 0 || share <= 0)
                return;
            const Model &m = pool.at(model);
            slow = slow || !withinSlo(m, c);
            utilisation += r * share / capacity(m, seconds, c);
        };
        const double altShare = ch.alt >= 0 ? ch.altShare : 0.0;
        check(ch.model, 1.0 - altShare);
        check(ch.alt, altShare);
        const bool overloaded = utilisation > 1.0 + 1e-12;
        report.latencyViolations += slow;
        report.throughputViolations += overloaded;
        if (slow || overloaded) {
            ++report.violatingIntervals;
            report.violatingRequests += r;
        }
        report.unservableIntervals += feasible.unservable[i];
    }
    return report;
}

} // namespace cs
