// import, list, scenario add, export: the project database (*.csdb) from the command line.
#include "cli_common.h"
#include "commands.h"
#include "escaped_text.h"
#include "import_formats.h"
#include "import_runner.h"
#include "io/atomic_file.h"
#include "local_time_zone.h"
#include "new_project_file.h"
#include "option_checks.h"
#include "parse_error.h"
#include "pool_json.h"
#include "project_store.h"
#include "result_export.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace cs::cli {

namespace {

struct ImportArgs
{
    std::string kind;
    std::string file;
    std::string db;
    std::string format = "auto";
    std::string name;
    std::string start;
    std::string region;
    bool skipBadRows = false;
    bool replace = false;
    long long interval = 0;
    std::string operation;
    long long client = -1;
    std::string delimiter;
    bool header = false;
    bool noHeader = false;
    std::string timeColumn;
    std::string valueColumn;
    std::string timeFormat = "auto";
    std::string tz;
    bool direct = false;
    std::string unit;
};

UtcSeconds parseTimeOption(const std::string &text, const char *option)
{
    const auto t = parseUtcTime(text);
    if (!t)
        throw InputError(std::string(option) + ": expected an ISO 8601 time (2023-06-01T00:00Z), got \"" + text + "\"");
    return *t;
}

// A bar on stderr, redrawn at most ten times a second, only where stderr is a terminal.
class ProgressBar
{
public:
    ProgressBar() : mTty(isatty(STDERR_FILENO) != 0) {}
    ~ProgressBar()
    {
        if (mDrawn)
            std::fprintf(stderr, "\r\033[K");
    }
    bool operator()(std::uint64_t done, std::uint64_t total)
    {
        if (!mTty || total == 0)
            return true;
        const auto now = std::chrono::steady_clock::now();
        if (mDrawn && now - mLast < std::chrono::milliseconds(100) && done < total)
            return true;
        mLast = now;
        mDrawn = true;
        const double f = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
        const int width = 40, filled = static_cast<int>(f * width);
        std::fprintf(stderr, "\r[%s%s] %5.1f%%  %.1f / %.1f MB", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                     std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), 100 * f, done / 1e6, total / 1e6);
        std::fflush(stderr);
        return true;
    }

private:
    bool mTty;
    bool mDrawn = false;
    std::chrono::steady_clock::time_point mLast;
};

void runImport(const ImportArgs &a)
{
    ImportOptions o;
    o.kind = a.kind == "carbon" ? SeriesKind::Carbon : SeriesKind::Requests;
    o.format = a.format;
    o.name = a.name;
    o.region = a.region;
    if (!a.start.empty())
        o.start = parseTimeOption(a.start, "--start");
    o.skipBadRows = a.skipBadRows;
    o.replace = a.replace;
    if (a.interval < 0)
        throw InputError("--interval: expected a positive number of seconds");
    o.intervalSeconds = a.interval;
    o.operation = a.operation;
    if (a.client >= 0)
        o.client = a.client;
    if (a.delimiter == "tab" || a.delimiter == "\\t")
        o.delimiter = '\t';
    else if (a.delimiter.size() == 1)
        o.delimiter = a.delimiter[0];
    else if (!a.delimiter.empty())
        throw InputError("--delimiter: expected one character or \"tab\", got \"" + a.delimiter + "\"");
    if (a.header && a.noHeader)
        throw InputError("--header and --no-header exclude each other");
    if (a.header) o.header = true;
    if (a.noHeader) o.header = false;
    o.timeColumn = a.timeColumn;
    o.valueColumn = a.valueColumn;
    if (a.timeFormat == "auto") o.timeFormat = TimeFormat::Auto;
    else if (a.timeFormat == "iso") o.timeFormat = TimeFormat::Iso;
    else if (a.timeFormat == "unix" || a.timeFormat == "unix-s") o.timeFormat = TimeFormat::UnixSeconds;
    else if (a.timeFormat == "unix-ms") o.timeFormat = TimeFormat::UnixMilliseconds;
    else throw InputError("--time-format: expected auto, iso, unix-s or unix-ms, got \"" + a.timeFormat + "\"");
    if (!a.tz.empty()) {
        // Checked here, before the project is opened: an unknown zone says so at once.
        try {
            o.timeZone = LocalTimeZone::find(a.tz).name();
        } catch (const InputError &e) {
            throw InputError(std::string("--tz: ") + e.what());
        }
    }
    o.lifecycle = !a.direct;
    o.unit = a.unit;
    auto bar = std::make_shared<ProgressBar>();
    o.progress = [bar](std::uint64_t done, std::uint64_t total) { return (*bar)(done, total); };

    // Into a new project: the import goes into a temporary file that becomes the project only when it succeeds
    // (a failed first import leaves no file); where the project exists, or another process made it meanwhile,
    // into that one, in one transaction.
    ImportResult r;
    const bool created = NewProjectFile::create(a.db, [&](ProjectStore &fresh) {
        r = ImportRunner::importFile(fresh, a.file, o);
    });
    ProjectStore store = ProjectStore::open(a.db);
    if (!created)
        r = ImportRunner::importFile(store, a.file, o);
    bar.reset();
    for (const RowWarning &w : r.warnings) {
        if (w.line > 0)
            std::fprintf(stderr, "%s:%lld:%d: note: %s\n", a.file.c_str(), w.line, w.column, w.message.c_str());
        else
            std::fprintf(stderr, "%s: note: %s\n", a.file.c_str(), w.message.c_str());
    }
    for (const std::string &name : r.series) {
        const SeriesInfo info = store.seriesInfo(o.kind, name);
        std::printf("imported %s series \"%s\": %lld points every %lld s, %s to %s (%s)\n", a.kind.c_str(),
                    escapedText(name).c_str(), info.points, static_cast<long long>(info.meta.intervalSeconds),
                    formatUtcTime(info.first).c_str(), formatUtcTime(info.last).c_str(), r.format.c_str());
    }
    if (r.skippedRows > 0)
        std::printf("skipped %lld bad rows (--skip-bad-rows)\n", r.skippedRows);
    if (r.filteredRows > 0)
        std::printf("left out %lld rows by the operation/client filter\n", r.filteredRows);
}

// Names come from files and users: printed escaped (escapedText), never as raw terminal control sequences.
void runList(const std::string &db)
{
    ProjectStore store = ProjectStore::open(db, ProjectStore::OpenMode::ReadOnly);
    std::printf("project %s (schema version %d)\n", escapedText(db).c_str(), store.schemaVersion());
    const auto series = store.listSeries();
    std::printf("series:\n");
    if (series.empty())
        std::printf("  (none)\n");
    for (const SeriesInfo &s : series) {
        std::printf("  %-8s %-32s %7lld points  %6lld s  %s .. %s  %s", s.kind == SeriesKind::Carbon ? "carbon" : "requests",
                    escapedText(s.meta.name).c_str(), s.points, static_cast<long long>(s.meta.intervalSeconds),
                    formatUtcTime(s.first).c_str(), formatUtcTime(s.last).c_str(), escapedText(s.meta.unit).c_str());
        if (s.kind == SeriesKind::Carbon)
            std::printf("  actual %lld, forecast %lld", s.actualPoints, s.forecastPoints);
        if (!s.meta.region.empty())
            std::printf("  region %s", escapedText(s.meta.region).c_str());
        std::printf("\n");
    }
    std::printf("pools:");
    for (const std::string &p : store.listPools())
        std::printf(" %s", escapedText(p).c_str());
    std::printf("\nscenarios:\n");
    for (const ScenarioSpec &s : store.listScenarios())
        std::printf("  %-24s carbon %s, requests %s, pool %s, %s .. %s\n", escapedText(s.name).c_str(),
                    escapedText(s.carbonSeries).c_str(),
                    s.requestSeries.empty() ? "(one per interval)" : escapedText(s.requestSeries).c_str(),
                    escapedText(s.pool).c_str(),
                    s.from ? formatUtcTime(*s.from).c_str() : "start", s.to ? formatUtcTime(*s.to).c_str() : "end");
    std::printf("runs:\n");
    for (const RunInfo &r : store.listRuns())
        std::printf("  #%-4lld %-20s %-24s CO2 %.3f g, error %.4f %%, %lld intervals, %s\n", r.id,
                    escapedText(r.scenario).c_str(), escapedText(r.policySpec).c_str(), r.co2G, r.errorPct, r.intervals, r.createdAt.c_str());
    const auto live = store.listLiveSessions();
    if (!live.empty()) {
        std::printf("live sessions:\n");
        for (const LiveSessionInfo &l : live)
            std::printf("  #%-4lld %-20s %s, %s, started %s%s\n", l.id, escapedText(l.label).c_str(),
                        escapedText(l.device).c_str(), escapedText(l.policySpec).c_str(), l.startedAt.c_str(), l.endedAt.empty() ? " (running)" : "");
    }
}

struct ScenarioArgs
{
    std::string db, name, carbon, requests, pool = "paper", from, to;
    bool replace = false;
};

void runScenarioAdd(const ScenarioArgs &a)
{
    ProjectStore store = ProjectStore::open(a.db, ProjectStore::OpenMode::MustExist);
    ModelPool pool = cs::loadPool(a.pool);
    store.savePool(pool, true);
    ScenarioSpec spec;
    spec.name = a.name;
    spec.carbonSeries = a.carbon;
    spec.requestSeries = a.requests;
    spec.pool = pool.name;
    if (!a.from.empty()) spec.from = parseTimeOption(a.from, "--from");
    if (!a.to.empty()) spec.to = parseTimeOption(a.to, "--to");
    store.saveScenario(spec, a.replace);
    // Align now, so that a scenario that cannot be simulated is reported at once.
    const Scenario s = store.loadScenario(spec.name);
    std::printf("scenario \"%s\": %zu intervals of %lld s, %zu gaps, pool %s (%d models)\n", spec.name.c_str(),
                s.size(), static_cast<long long>(s.intervalSeconds), s.gaps.size(), pool.name.c_str(), pool.size());
}

struct ExportArgs
{
    std::string db, csv, series, kind = "auto";
    long long run = -1;
};

// Everything that can be refused is checked before the output file is created: a bad --kind, an unknown
// series or run leave an existing file as it was.
void runExport(const ExportArgs &a)
{
    if (a.series.empty() == (a.run < 0))
        throw InputError("export: name one --series NAME or one --run ID");
    refuseUnsafeTarget(a.csv, a.db);
    if (a.kind != "auto" && a.kind != "carbon" && a.kind != "requests")
        throw InputError("--kind: expected carbon, requests or auto");
    ProjectStore store = ProjectStore::open(a.db, ProjectStore::OpenMode::ReadOnly); // export never writes it
    if (a.run >= 0) {
        const auto runs = store.listRuns();
        if (std::none_of(runs.begin(), runs.end(), [&](const RunInfo &r) { return r.id == a.run; }))
            throw InputError(a.db + ": no run with id " + std::to_string(a.run));
        AtomicFile csv(a.csv);
        store.exportRunCsv(a.run, csv.stream());
        csv.commit();
        return;
    }
    SeriesKind kind = a.kind == "requests" ? SeriesKind::Requests : SeriesKind::Carbon;
    if (a.kind == "auto") {
        const bool carbon = store.hasSeries(SeriesKind::Carbon, a.series);
        const bool requests = store.hasSeries(SeriesKind::Requests, a.series);
        if (carbon && requests)
            throw InputError("export: both a carbon and a request series are named \"" + a.series
                             + "\"; add --kind carbon|requests");
        kind = requests ? SeriesKind::Requests : SeriesKind::Carbon;
    }
    if (!store.hasSeries(kind, a.series))
        throw InputError(a.db + ": no " + (kind == SeriesKind::Carbon ? "carbon" : "request") + " series named \""
                         + a.series + "\"");
    AtomicFile csv(a.csv);
    store.exportSeriesCsv(kind, a.series, csv.stream());
    csv.commit();
}

} // namespace

// For simulate/compare --db --scenario (cmd_simulate.cpp): the stored scenario and its pool.
LoadedScenario loadStoredScenario(const std::string &db, const std::string &name)
{
    ProjectStore store = ProjectStore::open(db, ProjectStore::OpenMode::ReadOnly);
    const ScenarioSpec spec = store.scenarioSpec(name);
    LoadedScenario loaded{store.loadScenario(name), store.loadPool(spec.pool)};
    reportGaps(loaded.scenario);
    return loaded;
}

// Keeps a simulation run in the project; returns its id.
long long saveStoredRun(const std::string &db, const std::string &scenarioName, const LoadedScenario &s,
                        const SimulationResult &result)
{
    ProjectStore store = ProjectStore::open(db, ProjectStore::OpenMode::MustExist);
    return store.saveRun(scenarioName, s.scenario, s.pool, result);
}

void addStoreCommands(CLI::App &app)
{
    auto ia = std::make_shared<ImportArgs>();
    CLI::App *imp = app.add_subcommand("import", "Import a carbon-intensity or request trace into a project database");
    imp->add_option("kind", ia->kind, "carbon or requests")->required()->check(CLI::IsMember({"carbon", "requests"}));
    imp->add_option("file", ia->file, "The file (plain, .gz or .zst)")->required();
    imp->add_option("--db", ia->db, "Project database (*.csdb), created when missing")->required();
    std::string carbonFormats, requestFormats;
    for (const std::string &f : ImportRunner::formats(SeriesKind::Carbon))
        carbonFormats += (carbonFormats.empty() ? "" : ", ") + f;
    for (const std::string &f : ImportRunner::formats(SeriesKind::Requests))
        requestFormats += (requestFormats.empty() ? "" : ", ") + f;
    imp->add_option("--format", ia->format, carbonFormats + " (carbon); " + requestFormats + " (requests)")
        ->capture_default_str();
    imp->footer("Formats (the format registry, core/importers/import_formats.cpp):\n" + importFormatHelp());
    imp->add_option("--name", ia->name, "Series name (default: the file name)");
    imp->add_option("--start", ia->start, "ISO time the trace's relative timestamps count from (Twitter)");
    imp->add_option("--region", ia->region, "UK CI regional: region id or short name (default: every region)");
    imp->add_flag("--skip-bad-rows", ia->skipBadRows, "Skip and count bad rows instead of stopping");
    imp->add_flag("--replace", ia->replace, "Replace a series of the same name");
    imp->add_option("--interval", ia->interval, "Requests: seconds per count for per-request traces (default 60)")
        ->check(wholeIn(1, 31 * 86400));
    imp->add_option("--operation", ia->operation, "Twitter: keep only this operation (get, set, ...)");
    imp->add_option("--client", ia->client, "Twitter: keep only this client id")->check(wholeIn(0, 9e18));
    imp->add_option("--delimiter", ia->delimiter, "CSV: one character or \"tab\" (default: detect)");
    imp->add_flag("--header", ia->header, "CSV: the first row is a header");
    imp->add_flag("--no-header", ia->noHeader, "CSV: the first row is data");
    imp->add_option("--time-column", ia->timeColumn, "CSV: time column, name or 1-based index");
    imp->add_option("--value-column", ia->valueColumn, "CSV: value column, name or 1-based index");
    imp->add_option("--time-format", ia->timeFormat, "CSV: auto, iso, unix-s, unix-ms")->capture_default_str();
    imp->add_option("--tz", ia->tz,
                    "CSV: zone of times written without an offset: UTC, a fixed offset like +01:00, or an IANA "
                    "name like Europe/London (see time-zones); a repeated hour when clocks go back reads as two "
                    "hours, a skipped one is a bad row");
    imp->add_flag("--direct", ia->direct, "Electricity Maps: direct instead of life-cycle intensity");
    imp->add_option("--unit", ia->unit, "CSV carbon: the unit of the values (default gCO2/kWh)");
    imp->callback([ia] { runImport(*ia); });

    CLI::App *zones = app.add_subcommand("time-zones", "List the IANA time zone names import --tz accepts");
    zones->callback([] {
        const auto names = LocalTimeZone::names();
        if (names.empty())
            throw InputError(LocalTimeZone::namedZonesSupported()
                                 ? "no time zone data on this system (install Debian's tzdata)"
                                 : "this build has no named time zones (built without libhowardhinnant-date-dev); "
                                   "import --tz takes UTC or a fixed offset such as +01:00");
        for (const std::string &n : names)
            std::printf("%s\n", n.c_str());
    });

    auto db = std::make_shared<std::string>();
    CLI::App *list = app.add_subcommand("list", "List a project's series, pools, scenarios, runs and live sessions");
    list->add_option("--db", *db, "Project database")->required();
    list->callback([db] { runList(*db); });

    CLI::App *scenario = app.add_subcommand("scenario", "Manage a project's scenarios");
    scenario->require_subcommand(1);
    auto sa = std::make_shared<ScenarioArgs>();
    CLI::App *add = scenario->add_subcommand("add", "Add a scenario: a carbon series, a request series and a pool");
    add->add_option("--db", sa->db, "Project database")->required();
    add->add_option("--name", sa->name, "Scenario name")->required();
    add->add_option("--carbon", sa->carbon, "Carbon series name")->required();
    add->add_option("--requests", sa->requests, "Request series name (default: one request per interval)");
    add->add_option("--pool", sa->pool, "paper, resnets or a pool JSON file")->capture_default_str();
    add->add_option("--from", sa->from, "Period start, ISO time");
    add->add_option("--to", sa->to, "Period end (exclusive), ISO time");
    add->add_flag("--replace", sa->replace, "Replace a scenario of the same name");
    add->callback([sa] { runScenarioAdd(*sa); });

    auto ea = std::make_shared<ExportArgs>();
    CLI::App *exp = app.add_subcommand("export", "Export a stored series or run as CSV");
    exp->add_option("--db", ea->db, "Project database")->required();
    exp->add_option("--csv", ea->csv, "Output CSV file")->required();
    exp->add_option("--series", ea->series, "Series name");
    exp->add_option("--kind", ea->kind, "carbon, requests or auto")->capture_default_str();
    exp->add_option("--run", ea->run, "Run id (see list)");
    exp->callback([ea] { runExport(*ea); });
}

} // namespace cs::cli
