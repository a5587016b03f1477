#include "cli_common.h"

#include "parse_error.h"
#include "policies/single_model_policy.h"
#include "pool_json.h"
#include "data_quality.h"
#include "import_runner.h"
#include "scenario_checks.h"
#include "trace_file.h"

#include <CLI/CLI.hpp>

#include <cstdio>

namespace cs::cli {

static std::string formatList(SeriesKind kind)
{
    std::string out;
    for (const std::string &f : ImportRunner::formats(kind))
        out += (out.empty() ? "" : ", ") + f;
    return out;
}

void addScenarioOptions(CLI::App &command, ScenarioOptions &o)
{
    command.add_option("--carbon", o.carbon,
                       "Carbon-intensity trace: any file `import` reads (CSV, UK CI or Electricity Maps JSON, "
                       "WattTime, ...; .gz/.zst too) or a project (.csdb)")->required();
    command.add_option("--carbon-column", o.carbonColumn,
                       "CSV: the intensity column (default: detected; 'actual' before 'forecast'); a file or project "
                       "of several series: the series' name or region");
    command.add_option("--carbon-format", o.carbonFormat, "Format of --carbon: " + formatList(SeriesKind::Carbon)
                                                              + ", project")->capture_default_str();
    command.add_flag("--zero-actual-missing", o.zeroActualIsMissing,
                     "Treat an actual intensity of 0 as not measured and take the forecast there (as the Live feed "
                     "does for GB national data)");
    command.add_option("--requests", o.requests,
                       "Request trace (any file `import --kind requests` reads, or a project); without it every "
                       "interval has one request");
    command.add_option("--requests-column", o.requestsColumn,
                       "CSV: the count column (default: detected); a project: the series' name");
    command.add_option("--requests-format", o.requestsFormat, "Format of --requests: "
                                                                  + formatList(SeriesKind::Requests) + ", project")
        ->capture_default_str();
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

LoadedScenario loadScenario(const ScenarioOptions &o)
{
    LoadedScenario loaded;
    loaded.pool = loadPool(o.pool);
    loaded.pool.validate();
    TraceFileOptions carbonOptions;
    carbonOptions.format = o.carbonFormat;
    carbonOptions.column = o.carbonColumn;
    carbonOptions.zeroActualIsMissing = o.zeroActualIsMissing;
    const TraceFile carbon = readTraceFile(o.carbon, carbonOptions);
    std::optional<TimeSeries> requests;
    if (!o.requests.empty()) {
        TraceFileOptions requestOptions;
        requestOptions.kind = SeriesKind::Requests;
        requestOptions.format = o.requestsFormat;
        requestOptions.column = o.requestsColumn;
        requests = readTraceFile(o.requests, requestOptions).series;
    }
    loaded.scenario = alignTraces(carbon.series, requests, carbon.forecast);
    if (!o.from.empty() || !o.to.empty())
        loaded.scenario = slicePeriod(loaded.scenario, o);
    if (loaded.scenario.empty())
        throw InputError("the scenario has no complete interval to simulate (check the traces' periods)");
    reportGaps(loaded.scenario);
    if (const DataQualityReport q = checkDataQuality(carbon.series); q.zeros > 0 || !q.repeatedRuns.empty())
        std::fprintf(stderr, "note: carbon trace \"%s\": %s%s\n", carbon.series.name.c_str(), q.summary().c_str(),
                     q.zeros > 0 && !o.zeroActualIsMissing ? " (--zero-actual-missing takes the forecast there)" : "");
    // Only where no --from/--to asked for the cut: the alignment's own cut to the traces' overlap.
    if (o.from.empty() && o.to.empty()) {
        for (const std::string &cut : {describeCutOff(carbon.series, loaded.scenario, "carbon"),
                                       requests ? describeCutOff(*requests, loaded.scenario, "request") : std::string()})
            if (!cut.empty())
                std::fprintf(stderr, "note: %s\n", cut.c_str());
    }
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
