#pragma once

#include "scenario.h"
#include "time_series.h"

#include <array>

namespace cs {

// A week of request rates, one per UTC hour of the week (Monday 00:00Z first), in requests per second: how a
// sweep gives every series of carbon intensity the same demand. Folding a request trace by hour of the week keeps
// its daily and weekly shape (and its scale), which a constant rate would lose.
struct HourOfWeekProfile
{
    std::array<double, 168> perSecond{};
    std::string source;
};

// The hour of the week (0 = Monday 00:00-01:00 UTC) holding t.
int hourOfWeek(UtcSeconds t);

// The mean rate of each hour of the week over `requests` (a count per interval; intervals of at most one hour
// that divide it). Throws InputError naming the trace where an hour of the week has no point (less than a week of
// data) or the interval does not fit.
HourOfWeekProfile foldByHourOfWeek(const TimeSeries &requests);

// A scenario of `carbon` alone whose every interval gets requests = the profile's rate at the interval's start
// times the interval length. Gaps in the carbon trace stay gaps.
Scenario scenarioWithProfile(const TimeSeries &carbon, const HourOfWeekProfile &profile);

// The same with a constant number of requests per interval.
Scenario scenarioWithConstantRequests(const TimeSeries &carbon, double requestsPerInterval);

} // namespace cs
