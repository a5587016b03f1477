#include "cli_common.h"

#include "parse_error.h"
#include "policies/single_model_policy.h"
#include "pool_json.h"
#include "trace_csv.h"

#include <CLI/CLI.hpp>

#include <cstdio>

namespace cs::cli {

void addScenarioOptions(CLI::App &command, ScenarioOptions &o)
{
    command.add_option("--carbon", o.carbon, "Carbon-intensity CSV (time column + gCO2/kWh column)")->required();
    command.add_option("--carbon-column", o.carbonColumn,
                       "Intensity column to use (default: detected; 'actual' before 'forecast')");
    command.add_option("--requests", o.requests,
                       "Request-count CSV (time column + count column); without it every interval has one request");
    command.add_option("--requests-column", o.requestsColumn, "Count column to use (default: detected)");
    command.add_option("--pool", o.pool, "Model pool: paper, resnets or a pool JSON file")->capture_default_str();
    command.add_option("--from", o.from, "Start of the period (ISO 8601 UTC, inclusive)");
    command.add_option("--to", o.to, "End of the period (ISO 8601 UTC, exclusive)");
}

static UtcSeconds timeOption(const std::string &text, const char *option)
{
    const auto t = parseUtcTime(text);
    if (!t)
        throw InputError(std::string(option) + " '" + text + "' is not a time such as 2023-06-01T00:00:00Z");
    return *t;
}

// The period [--from, --to) of the scenario: refused where it is empty or ends before it starts, or holds no
// interval of the data, with both options and the data's own period in the message.
static Scenario slicePeriod(const Scenario &s, const ScenarioOptions &o)
{
    if (s.empty())
        return s; // refused by the caller: no complete interval at all
    const UtcSeconds from = o.from.empty() ? s.times.front() : timeOption(o.from, "--from");
    const UtcSeconds to = o.to.empty() ? s.times.back() + s.intervalSeconds : timeOption(o.to, "--to");
    if (!o.from.empty() && !o.to.empty() && from >= to)
        throw InputError("--from " + formatUtcTime(from) + (from == to ? " is --to " : " comes after --to ") +
                         formatUtcTime(to) + ": the period [--from, --to) must end after it starts");
    Scenario out = sliceScenario(s, from, to);
    if (out.empty()) {
        const std::string data = formatUtcTime(s.times.front()) + " to " +
                                 formatUtcTime(s.times.back() + s.intervalSeconds);
        std::string period = o.from.empty() ? "" : "--from " + formatUtcTime(from);
        period += o.to.empty() ? "" : std::string(period.empty() ? "" : " ") + "--to " + formatUtcTime(to);
        throw InputError("the period " + period + " holds no interval of the data (" + data + ")");
    }
    return out;
}

// The carbon file's forecast column, where it has one beside the intensity in use.
static std::optional<TimeSeries> readForecast(const ScenarioOptions &o)
{
    if (o.carbonColumn == "forecast")
        return std::nullopt;
    try {
        return readCarbonCsv(o.carbon, CarbonCsvOptions{"forecast"});
    } catch (const ParseError &e) {
        if (e.message().starts_with("no column named"))
            return std::nullopt;
        throw;
    }
}

LoadedScenario loadScenario(const ScenarioOptions &o)
{
    LoadedScenario loaded;
    loaded.pool = loadPool(o.pool);
    loaded.pool.validate();
    const TimeSeries carbon = readCarbonCsv(o.carbon, CarbonCsvOptions{o.carbonColumn});
    std::optional<TimeSeries> requests;
    if (!o.requests.empty())
        requests = readRequestCsv(o.requests, o.requestsColumn);
    loaded.scenario = alignTraces(carbon, requests, readForecast(o));
    if (!o.from.empty() || !o.to.empty())
        loaded.scenario = slicePeriod(loaded.scenario, o);
    if (loaded.scenario.empty())
        throw InputError("the scenario has no complete interval to simulate (check the traces' periods)");
    reportGaps(loaded.scenario);
    return loaded;
}

int resolveBaseline(const ModelPool &pool, const std::string &name)
{
    return requireModel(pool, name.empty() ? "ResNet50" : name, "--baseline");
}

void reportGaps(const Scenario &scenario)
{
    for (const Gap &g : scenario.gaps)
        std::fprintf(stderr, "note: no complete data from %s to %s: left out of the simulation\n",
                     formatUtcTime(g.from).c_str(), formatUtcTime(g.to).c_str());
}

} // namespace cs::cli
