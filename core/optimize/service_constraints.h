#pragma once

#include "policy.h"

#include <string>
#include <vector>

namespace cs {

class PolicyArgs;

// What serving must achieve: `gpus` GPUs serve each interval (0: throughput not checked) and every request must
// be answered within `sloMs` milliseconds (0: latency not checked). A model serves an interval when its latency
// is within the SLO and its throughput x gpus x interval length covers the interval's requests (requests are
// taken as spread evenly over the interval; queueing is not modelled).
struct ServiceConstraints
{
    int gpus = 0;
    double sloMs = 0;

    bool active() const { return gpus > 0 || sloMs > 0; }

    // From policy arguments "gpus=N" and "slo-ms=MS" (both optional).
    static ServiceConstraints fromArgs(const PolicyArgs &args);
    // Throws InputError where a constraint needs a figure that a pool model lacks (latency for an SLO,
    // throughput for a GPU count): an unchecked model would hide violations.
    void checkPool(const ModelPool &pool) const;
    // ",gpus=4,slo-ms=100" or "" when inactive, for specs and labels.
    std::string argsText() const;
};

bool servesInterval(const Model &model, double requests, double intervalSeconds, const ServiceConstraints &c);

// For every interval, the pool models that serve it (in pool order). An interval no model serves gets the
// model with the highest capacity alone (least violation), and its flag in `unservable` is set.
struct FeasibleModels
{
    std::vector<std::vector<int>> models;
    std::vector<bool> unservable;
};
FeasibleModels feasibleModels(const Scenario &scenario, const ModelPool &pool, const ServiceConstraints &c);

// How an assignment fares against the constraints. Counted, never hidden: an interval violates when any model
// serving part of it misses the SLO, or the GPU time its requests need (summed over a split) exceeds the GPUs' time.
struct ServiceReport
{
    std::size_t intervals = 0;
    std::size_t latencyViolations = 0;    // intervals served (partly) by a model slower than the SLO
    std::size_t throughputViolations = 0; // intervals whose load exceeds the chosen model's capacity
    std::size_t violatingIntervals = 0;   // either of the two
    double violatingRequests = 0;         // requests in violating intervals
    std::size_t unservableIntervals = 0;  // intervals no pool model could serve
};
ServiceReport checkService(const Scenario &scenario, const ModelPool &pool, const Assignment &assignment,
                           const ServiceConstraints &c);

} // namespace cs
