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

std::string describeCutOff(const TimeSeries &trace, const Scenario &scenario, const std::string &role)
{
    if (trace.empty() || scenario.empty() || trace.intervalSeconds <= 0)
        return {};
    const UtcSeconds traceFrom = trace.times.front();
    const UtcSeconds traceTo = trace.times.back() + trace.intervalSeconds;
    const UtcSeconds keptFrom = scenario.times.front();
    const UtcSeconds keptTo = scenario.times.back() + scenario.intervalSeconds;
    const UtcSeconds cut = std::max<UtcSeconds>(0, keptFrom - traceFrom) + std::max<UtcSeconds>(0, traceTo - keptTo);
    if (cut <= 0)
        return {};
    auto hours = [](UtcSeconds s) { return shortNumber(static_cast<double>(s) / 3600.0) + " h"; };
    return role + " trace \"" + trace.name + "\" spans " + formatUtcTime(traceFrom) + " to " + formatUtcTime(traceTo)
           + " (" + hours(traceTo - traceFrom) + "); the scenario keeps " + formatUtcTime(keptFrom) + " to "
           + formatUtcTime(keptTo) + " (" + hours(keptTo - keptFrom) + ") where both traces have data, "
           + hours(cut) + " left out";
}

} // namespace cs
