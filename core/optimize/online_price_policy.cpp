#include "online_price_policy.h"

#include "number_checks.h"
#include "online_heuristic_policy.h"
#include "parse_error.h"
#include "policies/heuristic_policy.h"
#include "policy_args.h"
#include "policy_factory.h"
#include "pool_hull.h"
#include "utc_time.h"
#include "window_price.h"

#include <algorithm>

namespace cs {

namespace {

constexpr long long defaultWindowSeconds = 7 * 86400LL;

std::string durationText(long long seconds)
{
    return seconds % 86400 == 0  ? std::to_string(seconds / 86400) + "d"
           : seconds % 3600 == 0 ? std::to_string(seconds / 3600) + "h"
                                 : std::to_string(seconds) + "s";
}

} // namespace

OnlinePricePolicy::OnlinePricePolicy(Source source, long long windowSeconds, std::optional<double> maxErrorPct,
                                     ServiceConstraints constraints)
    : mSource(source)
    , mWindowSeconds(windowSeconds)
    , mMaxErrorPct(maxErrorPct)
    , mConstraints(constraints)
{
    if (windowSeconds < 1 || windowSeconds > limits::maxDurationSeconds)
        throw InputError("policy '" + spec() + "': the window must be from 1 s to 3660 days");
}

std::unique_ptr<OnlinePricePolicy> OnlinePricePolicy::parse(const std::string &spec, const std::string &args,
                                                            Source source)
{
    std::string flat = args; // "window=3d,max-error=7" or "window=3d:max-error=7"
    std::replace(flat.begin(), flat.end(), ':', ',');
    const PolicyArgs a(spec, flat);
    a.allowOnly("window,max-error,gpus,slo-ms");
    return std::make_unique<OnlinePricePolicy>(source, a.duration("window").value_or(defaultWindowSeconds),
                                               a.optionalNumber("max-error", limits::maxErrorPct),
                                               ServiceConstraints::fromArgs(a));
}

std::string OnlinePricePolicy::spec() const
{
    std::string s = mSource == Source::TrailingWindow ? "online:price" : "forecast:price";
    s += ":window=" + durationText(mWindowSeconds);
    if (mMaxErrorPct)
        s += ",max-error=" + shortNumber(*mMaxErrorPct);
    return s + mConstraints.argsText();
}

std::string OnlinePricePolicy::label() const
{
    return mSource == Source::TrailingWindow ? "Learned price, trailing window" : "Learned price, day-ahead forecast";
}

std::vector<std::optional<double>> OnlinePricePolicy::prices(const Scenario &scenario, const ModelPool &pool) const
{
    return mSource == Source::TrailingWindow ? trailingPrices(scenario, pool) : forecastPrices(scenario, pool);
}

Assignment OnlinePricePolicy::assign(const Scenario &scenario, const ModelPool &pool) const
{
    pool.validate();
    if (mConstraints.active())
        mConstraints.checkPool(pool);
    const PoolHull hull(pool);
    const auto price = prices(scenario, pool);
    const bool onForecast = mSource == Source::DayAheadForecast;
    Assignment out(scenario.size());
    for (std::size_t i = 0; i < scenario.size(); ++i) {
        const double c = onForecast ? scenario.forecast[i] : scenario.intensity[i];
        out[i] = Choice{price[i] ? hull.modelAt(c, *price[i]) : hull.models().front()};
    }
    keepToServingModels(out, scenario, pool, mConstraints);
    return out;
}

std::vector<std::optional<double>> OnlinePricePolicy::trailingPrices(const Scenario &scenario,
                                                                     const ModelPool &pool) const
{
    const PoolHull hull(pool);
    const auto switches = HeuristicPolicy::switchPoints(pool, HeuristicPolicy::Reading::Text);
    std::vector<std::optional<double>> out(scenario.size());
    SortedWindow window; // the intervals that started in [t - window, t)
    std::size_t first = 0;
    for (std::size_t i = 0; i < scenario.size(); ++i) {
        if (i > 0)
            window.insert(scenario.intensity[i - 1], scenario.requests[i - 1]);
        for (; first < i && scenario.times[first] < scenario.times[i] - mWindowSeconds; ++first)
            window.erase(scenario.intensity[first], scenario.requests[first]);
        const auto target = mMaxErrorPct ? mMaxErrorPct : windowHeuristicError(switches, window);
        if (target)
            out[i] = fitWindowPrice(hull, window, *target);
    }
    return out;
}

std::vector<std::optional<double>> OnlinePricePolicy::forecastPrices(const Scenario &scenario,
                                                                     const ModelPool &pool) const
{
    const std::size_t n = scenario.size();
    if (scenario.forecast.size() != n)
        throw InputError("policy '" + spec() + "': scenario '" + scenario.name
                         + "' has no forecast intensity (use a carbon file with a forecast column, e.g. the "
                           "GB national 2023 trace)");
    const PoolHull hull(pool);
    const auto switches = HeuristicPolicy::switchPoints(pool, HeuristicPolicy::Reading::Text);
    std::vector<std::optional<double>> out(n);
    std::vector<double> forecast, requests;
    std::size_t first = 0;    // first interval inside the window
    std::size_t dayBegin = 0; // first interval of the day being planned
    while (dayBegin < n) {
        const UtcSeconds dayStart = utcDayStart(scenario.times[dayBegin]), dayEnd = dayStart + 86400;
        std::size_t dayEndIndex = dayBegin;
        while (dayEndIndex < n && scenario.times[dayEndIndex] < dayEnd)
            ++dayEndIndex;
        while (first < dayEndIndex && scenario.times[first] < dayEnd - mWindowSeconds)
            ++first;
        // Requests are known before the day; within it, expected as the same slot the day before, else the
        // last count observed, else (no history at all) one per interval.
        forecast.clear();
        requests.clear();
        for (std::size_t j = first; j < dayEndIndex; ++j) {
            forecast.push_back(scenario.forecast[j]);
            if (j < dayBegin) {
                requests.push_back(scenario.requests[j]);
                continue;
            }
            const UtcSeconds slot = scenario.times[j] - 86400;
            const auto it = std::lower_bound(scenario.times.begin(), scenario.times.end(), slot);
            const std::size_t k = static_cast<std::size_t>(it - scenario.times.begin());
            if (k < dayBegin && scenario.times[k] == slot)
                requests.push_back(scenario.requests[k]);
            else
                requests.push_back(dayBegin > 0 ? scenario.requests[dayBegin - 1] : 1.0);
        }
        const SortedWindow window(forecast, requests);
        const auto target = mMaxErrorPct ? mMaxErrorPct : windowHeuristicError(switches, window);
        const auto price = target ? fitWindowPrice(hull, window, *target) : std::nullopt;
        for (std::size_t j = dayBegin; j < dayEndIndex; ++j)
            out[j] = price;
        dayBegin = dayEndIndex;
    }
    return out;
}

} // namespace cs
