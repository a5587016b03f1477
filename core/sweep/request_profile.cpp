#include "request_profile.h"

#include "parse_error.h"

namespace cs {

int hourOfWeek(UtcSeconds t)
{
    // 1970-01-01 was a Thursday: hour 72 of a week that starts on Monday.
    const std::int64_t hours = t >= 0 ? t / 3600 : -((-t + 3599) / 3600);
    return static_cast<int>(((hours + 72) % 168 + 168) % 168);
}

HourOfWeekProfile foldByHourOfWeek(const TimeSeries &requests)
{
    const UtcSeconds step = requests.intervalSeconds;
    if (step <= 0 || step > 3600 || 3600 % step != 0)
        throw InputError(requests.source + ": a request profile needs intervals of at most one hour that divide it "
                         "(this trace has " + std::to_string(step) + " s)");
    std::array<double, 168> sum{};
    std::array<double, 168> seconds{};
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const auto h = static_cast<std::size_t>(hourOfWeek(requests.times[i]));
        sum[h] += requests.values[i];
        seconds[h] += static_cast<double>(step);
    }
    HourOfWeekProfile profile;
    profile.source = requests.source;
    for (std::size_t h = 0; h < 168; ++h) {
        if (seconds[h] == 0)
            throw InputError(requests.source + ": no requests in hour " + std::to_string(h % 24) + " of weekday " +
                             std::to_string(h / 24 + 1) + " (Monday = 1): a request profile needs a whole week");
        profile.perSecond[h] = sum[h] / seconds[h];
    }
    return profile;
}

Scenario scenarioWithProfile(const TimeSeries &carbon, const HourOfWeekProfile &profile)
{
    Scenario s = alignTraces(carbon, std::nullopt);
    const double seconds = static_cast<double>(s.intervalSeconds);
    for (std::size_t i = 0; i < s.size(); ++i)
        s.requests[i] = profile.perSecond[static_cast<std::size_t>(hourOfWeek(s.times[i]))] * seconds;
    s.requestSource = profile.source + " (by hour of the week)";
    return s;
}

Scenario scenarioWithConstantRequests(const TimeSeries &carbon, double requestsPerInterval)
{
    Scenario s = alignTraces(carbon, std::nullopt);
    for (double &r : s.requests)
        r = requestsPerInterval;
    if (requestsPerInterval != 1)
        s.requestSource = std::to_string(requestsPerInterval) + " requests per interval";
    return s;
}

} // namespace cs
