#include "online_heuristic_policy.h"

#include "number_checks.h"
#include "parse_error.h"
#include "policy_args.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace cs {

OnlineHeuristicPolicy::OnlineHeuristicPolicy(Source source, long long windowSeconds,
                                             HeuristicPolicy::Reading reading, ServiceConstraints constraints)
    : mSource(source)
    , mWindowSeconds(windowSeconds)
    , mReading(reading)
    , mConstraints(constraints)
{
    if (source == Source::TrailingWindow && (windowSeconds < 1 || windowSeconds > limits::maxDurationSeconds))
        throw InputError("policy 'online': the window must be from 1 s to 3660 days, not " +
                         std::to_string(windowSeconds) + " s");
}

std::unique_ptr<OnlineHeuristicPolicy> OnlineHeuristicPolicy::parse(const std::string &spec,
                                                                    const std::string &args, Source source)
{
    // "window=7d,printed,gpus=4" or with ':' before the reading ("online:window=7d:printed").
    std::string flat = args;
    std::replace(flat.begin(), flat.end(), ':', ',');
    const PolicyArgs a(spec, flat);
    auto reading = HeuristicPolicy::Reading::Text;
    if (a.has("printed"))
        reading = HeuristicPolicy::Reading::Printed;
    long long window = 0;
    if (source == Source::TrailingWindow) {
        a.allowOnly("window,text,printed,gpus,slo-ms");
        window = a.duration("window").value_or(7 * 86400LL);
    } else {
        a.allowOnly("text,printed,gpus,slo-ms");
    }
    return std::make_unique<OnlineHeuristicPolicy>(source, window, reading, ServiceConstraints::fromArgs(a));
}

std::string OnlineHeuristicPolicy::spec() const
{
    std::string s;
    if (mSource == Source::TrailingWindow) {
        s = "online:window=";
        s += mWindowSeconds % 86400 == 0   ? std::to_string(mWindowSeconds / 86400) + "d"
             : mWindowSeconds % 3600 == 0  ? std::to_string(mWindowSeconds / 3600) + "h"
                                           : std::to_string(mWindowSeconds) + "s";
        if (mReading == HeuristicPolicy::Reading::Printed)
            s += ",printed";
    } else {
        s = "forecast";
        if (mReading == HeuristicPolicy::Reading::Printed)
            s += ":printed";
    }
    const std::string c = mConstraints.argsText();
    if (!c.empty())
        s += (s.find(':') == std::string::npos ? ":" + c.substr(1) : c);
    return s;
}

std::string OnlineHeuristicPolicy::label() const
{
    std::string s = mSource == Source::TrailingWindow ? "Heuristic, trailing window" : "Heuristic, day-ahead forecast";
    if (mReading == HeuristicPolicy::Reading::Printed)
        s += " (printed)";
    return s;
}

Assignment OnlineHeuristicPolicy::assign(const Scenario &scenario, const ModelPool &pool) const
{
    Assignment out(scenario.size());
    if (scenario.empty())
        return out;
    pool.validate();
    if (mConstraints.active())
        mConstraints.checkPool(pool);
    const std::size_t n = scenario.size();

    if (mSource == Source::TrailingWindow) {
        // Monotone deques give the window's minimum and maximum in O(1) amortised per interval.
        std::deque<std::size_t> lows, highs;
        std::size_t next = 0; // first interval not yet pushed into the window
        for (std::size_t i = 0; i < n; ++i) {
            const UtcSeconds t = scenario.times[i];
            for (; next < i; ++next) {
                const double v = scenario.intensity[next];
                while (!lows.empty() && scenario.intensity[lows.back()] >= v)
                    lows.pop_back();
                lows.push_back(next);
                while (!highs.empty() && scenario.intensity[highs.back()] <= v)
                    highs.pop_back();
                highs.push_back(next);
            }
            while (!lows.empty() && scenario.times[lows.front()] < t - mWindowSeconds)
                lows.pop_front();
            while (!highs.empty() && scenario.times[highs.front()] < t - mWindowSeconds)
                highs.pop_front();
            double x = 0;
            if (!lows.empty()) {
                const double lo = scenario.intensity[lows.front()], hi = scenario.intensity[highs.front()];
                x = hi > lo ? std::clamp((scenario.intensity[i] - lo) / (hi - lo), 0.0, 1.0) : 0.0;
            }
            out[i] = Choice{HeuristicPolicy::modelForPosition(pool, x, mReading)};
        }
    } else {
        if (scenario.forecast.size() != n)
            throw InputError("policy '" + spec() + "': scenario '" + scenario.name
                             + "' has no forecast intensity (use a carbon file with a forecast column, e.g. the "
                               "GB national 2023 trace)");
        std::size_t first = 0;
        for (std::size_t i = 1; i <= n; ++i) {
            if (i < n && utcDayStart(scenario.times[i]) == utcDayStart(scenario.times[first]))
                continue;
            const auto b = scenario.forecast.begin() + static_cast<std::ptrdiff_t>(first);
            const auto e = scenario.forecast.begin() + static_cast<std::ptrdiff_t>(i);
            const auto [lo, hi] = std::minmax_element(b, e);
            for (std::size_t j = first; j < i; ++j) {
                const double x = *hi > *lo ? (scenario.forecast[j] - *lo) / (*hi - *lo) : 0.0;
                out[j] = Choice{HeuristicPolicy::modelForPosition(pool, x, mReading)};
            }
            first = i;
        }
    }
    keepToServingModels(out, scenario, pool, mConstraints);
    return out;
}

void keepToServingModels(Assignment &a, const Scenario &scenario, const ModelPool &pool, const ServiceConstraints &c)
{
    if (!c.active())
        return;
    const FeasibleModels feasible = feasibleModels(scenario, pool, c);
    for (std::size_t i = 0; i < a.size() && i < scenario.size(); ++i) {
        const auto &ok = feasible.models[i];
        if (a[i].alt >= 0 && a[i].altShare > 0)
            continue; // a split is checked and counted by checkService, not rewritten
        if (std::find(ok.begin(), ok.end(), a[i].model) != ok.end())
            continue;
        const double e = pool.at(a[i].model).energyMj;
        int best = ok.front();
        for (int m : ok) {
            const double d = std::abs(pool.at(m).energyMj - e), bestD = std::abs(pool.at(best).energyMj - e);
            if (d < bestD || (d == bestD && pool.at(m).errorPct < pool.at(best).errorPct))
                best = m;
        }
        a[i] = Choice{best};
    }
}

} // namespace cs
