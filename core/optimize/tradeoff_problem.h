#pragma once

#include "service_constraints.h"

#include <vector>

namespace cs {

// One way to serve one interval: all its requests by `model`, costing `co2G` grams and adding `errorPct` to the
// scenario's request-weighted error (requests/total requests x the model's error).
struct TradeoffOption
{
    int model = -1;
    double co2G = 0;
    double errorPct = 0;
};

// The optimisation problem behind every hindsight policy: per interval, the Pareto-optimal options among the
// models that the service constraints allow (sorted by error ascending, CO2 descending). Totals of CO2 and of
// error are sums over intervals, which is what makes the problem separable.
class TradeoffProblem
{
public:
    TradeoffProblem(const Scenario &scenario, const ModelPool &pool, const ServiceConstraints &constraints = {});

    std::size_t intervals() const { return mBegin.size() - 1; }
    // The options of interval i: [begin(i), end(i)) into options().
    std::size_t begin(std::size_t i) const { return mBegin[i]; }
    std::size_t end(std::size_t i) const { return mBegin[i + 1]; }
    const std::vector<TradeoffOption> &options() const { return mOptions; }
    const std::vector<bool> &unservable() const { return mUnservable; }
    double totalRequests() const { return mTotalRequests; }

    // Without service constraints every interval with requests and a non-zero intensity has the same options in
    // the same order: the pool's Pareto models (error ascending), scaled. Those intervals' options are
    // `paretoModels()` in that order, the others have one option. Empty where constraints apply.
    const std::vector<int> &paretoModels() const { return mParetoModels; }
    // The intensity of every interval (a copy: the problem outlives no one's scenario).
    const std::vector<double> &intensity() const { return mIntensity; }
    // Interval starts, for messages that name an interval.
    const std::vector<UtcSeconds> &times() const { return mTimes; }

    // The totals of an assignment under this problem's pricing (a split counts pro rata).
    struct Totals { double co2G = 0; double errorPct = 0; };
    Totals evaluate(const Scenario &scenario, const ModelPool &pool, const Assignment &assignment) const;

private:
    std::vector<TradeoffOption> mOptions;
    std::vector<std::size_t> mBegin;
    std::vector<bool> mUnservable;
    std::vector<int> mParetoModels;
    std::vector<double> mIntensity;
    std::vector<UtcSeconds> mTimes;
    double mTotalRequests = 0;
};

} // namespace cs
