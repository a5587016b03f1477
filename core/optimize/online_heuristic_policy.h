#pragma once

#include "policies/heuristic_policy.h"
#include "service_constraints.h"

namespace cs {

// Jung 2024's heuristic without hindsight.
//   online:window=7d   C_low/C_high are the minimum and maximum actual intensity of the intervals that started in
//                      the trailing window [t - window, t), i.e. data already measured; x places the current
//                      intensity in that range (clamped to [0, 1]). No history yet (the first interval): x = 0.
//   forecast           decides on the day-ahead forecast: C is the interval's forecast intensity and C_low/C_high
//                      the range of the forecast over its UTC day (published the day before); the simulator then
//                      prices the choice on the actual intensity. Needs a carbon source with a forecast column.
// Both take ":printed" for the equation's reading, and ",gpus=N,slo-ms=MS" to keep to models that serve the
// interval (the chosen model is replaced by the serving model nearest in energy).
class OnlineHeuristicPolicy : public Policy
{
public:
    enum class Source { TrailingWindow, DayAheadForecast };

    OnlineHeuristicPolicy(Source source, long long windowSeconds, HeuristicPolicy::Reading reading,
                          ServiceConstraints constraints = {});
    static std::unique_ptr<OnlineHeuristicPolicy> parse(const std::string &spec, const std::string &args,
                                                        Source source);

    std::string spec() const override;
    std::string label() const override;
    Assignment assign(const Scenario &scenario, const ModelPool &pool) const override;

private:
    Source mSource;
    long long mWindowSeconds;
    HeuristicPolicy::Reading mReading;
    ServiceConstraints mConstraints;
};

// Where `model` does not serve an interval under `c`, the serving model nearest in energy (ties: lower error);
// an interval no model serves keeps the fallback of feasibleModels(). Leaves `a` alone when `c` is inactive.
void keepToServingModels(Assignment &a, const Scenario &scenario, const ModelPool &pool, const ServiceConstraints &c);

} // namespace cs
