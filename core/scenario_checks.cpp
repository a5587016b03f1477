#include "scenario_checks.h"

#include "number_checks.h"
#include "parse_error.h"

namespace cs {

namespace {

void checkValues(const std::vector<UtcSeconds> &times, const std::vector<double> &values, double max,
                 const std::string &where, const char *quantity)
{
    for (std::size_t i = 0; i < values.size() && i < times.size(); ++i)
        if (const std::string problem = rangeProblem(values[i], 0, max); !problem.empty())
            throw InputError(where + ": " + quantity + " at " + formatUtcTime(times[i]) + ": " + problem);
}

} // namespace

void checkCarbonSeries(const TimeSeries &carbon)
{
    checkValues(carbon.times, carbon.values, limits::maxIntensity, "carbon trace '" + carbon.source + "'",
                "intensity (gCO2/kWh)");
}

void checkRequestSeries(const TimeSeries &requests)
{
    checkValues(requests.times, requests.values, limits::maxRequestsPerInterval,
                "request trace '" + requests.source + "'", "request count");
}

void checkScenarioRanges(const Scenario &s)
{
    const std::string where = "scenario '" + s.name + "'";
    if (s.intensity.size() != s.size() || s.requests.size() != s.size() ||
        (!s.forecast.empty() && s.forecast.size() != s.size()))
        throw InputError(where + " has columns of different lengths");
    checkValues(s.times, s.intensity, limits::maxIntensity, where, "intensity (gCO2/kWh)");
    checkValues(s.times, s.requests, limits::maxRequestsPerInterval, where, "request count");
    checkValues(s.times, s.forecast, limits::maxIntensity, where, "forecast intensity (gCO2/kWh)");
}

} // namespace cs
