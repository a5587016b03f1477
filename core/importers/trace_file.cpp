#include "trace_file.h"

#include "import_runner.h"
#include "importer.h"
#include "memory_sink.h"
#include "number_checks.h"
#include "parse_error.h"
#include "project_store.h"

#include <algorithm>

namespace cs {

namespace {

const char *kindWord(SeriesKind kind)
{
    return kind == SeriesKind::Carbon ? "carbon" : "request";
}

// The one series asked for: named (by name or region), or the only one there is.
template <typename Item, typename NameOf, typename RegionOf>
const Item &pickSeries(const std::vector<Item> &all, const TraceFileOptions &o, const std::string &path, NameOf name,
                       RegionOf region)
{
    if (!o.column.empty()) {
        for (const Item &s : all)
            // "trace/South West England" (a UK CI regional file's series) is asked for by its region's name too.
            if (name(s) == o.column || name(s).ends_with("/" + o.column) || (!region(s).empty() && region(s) == o.column))
                return s;
    } else if (all.size() == 1) {
        return all.front();
    }
    std::string list;
    for (const Item &s : all)
        list += (list.empty() ? "\"" : ", \"") + name(s) + "\"";
    throw InputError(path + ": " + (o.column.empty() ? "holds " + std::to_string(all.size()) + " " + kindWord(o.kind)
                                                           + " series; name one with --" + (o.kind == SeriesKind::Carbon ? "carbon" : "requests") + "-column"
                                                     : "no " + std::string(kindWord(o.kind)) + " series named \""
                                                           + o.column + "\"")
                     + " (" + (list.empty() ? "none" : list) + ")");
}

TraceFile fromProject(const std::string &path, const TraceFileOptions &o)
{
    ProjectStore store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
    const std::vector<SeriesInfo> all = store.listSeries(o.kind);
    const SeriesInfo &info = pickSeries(
        all, o, path, [](const SeriesInfo &s) { return s.meta.name; },
        [](const SeriesInfo &s) { return s.meta.region; });
    TraceFile t;
    t.format = "project";
    if (o.kind == SeriesKind::Requests) {
        t.series = store.loadRequestSeries(info.meta.name);
        return t;
    }
    t.series = store.loadCarbonSeries(info.meta.name);
    if (info.actualPoints > 0)
        t.forecast = store.loadCarbonForecast(info.meta.name);
    return t;
}

// Where a generic CSV comes from: a file, or bytes in memory named `name`.
struct CsvSource
{
    const std::string &name;
    std::optional<std::string_view> bytes;
};

// The generic CSV importer, one series; its names as the header gives them (the columns the importer read).
TraceFile fromCsv(const CsvSource &in, const TraceFileOptions &o, std::size_t maxPoints)
{
    ImportOptions io;
    io.kind = o.kind;
    io.format = "csv";
    io.valueColumn = o.column;
    io.maxRows = maxPoints;
    MemorySink sink(maxPoints, true);
    const ImportResult result = in.bytes ? ImportRunner::importBytes(sink, *in.bytes, in.name, io)
                                         : ImportRunner::importInto(sink, in.name, io);
    const ImportedSeries &imported = sink.series().front();
    auto named = [&](TimeSeries series, const std::string &column) {
        if (!column.empty())
            series.name = column;
        series.source = in.name;
        return series;
    };
    TraceFile t;
    t.format = "csv";
    t.series = named(imported.series(o.zeroActualIsMissing), result.valueColumn);
    if (auto forecast = imported.forecastSeries())
        t.forecast = named(std::move(*forecast), result.forecastColumn);
    return t;
}

std::size_t pointsAllowed(const TraceFileOptions &o)
{
    return o.maxPoints ? o.maxPoints : limits::maxScenarioIntervals;
}

} // namespace

TraceFile readTraceFile(const std::string &path, const TraceFileOptions &o)
{
    const std::size_t maxPoints = pointsAllowed(o);
    if (o.format == "project" || (o.format == "auto" && path.ends_with(".csdb")))
        return fromProject(path, o);
    ImportOptions io;
    io.kind = o.kind;
    io.format = o.format;
    std::string format = "csv";
    try {
        format = ImportRunner::choose(path, io).format();
    } catch (const std::runtime_error &) { // InputError, ParseError
        // A missing, empty or unreadable file, or one no importer claims, under "auto": the CSV reader says what
        // is wrong with it at its line and column.
        if (o.format != "auto")
            throw;
    }
    if (format == "csv")
        return fromCsv({path, std::nullopt}, o, maxPoints);
    ImportResult result;
    const std::vector<ImportedSeries> all = ImportRunner::readFile(path, io, &result, maxPoints);
    const ImportedSeries &s = pickSeries(
        all, o, path, [](const ImportedSeries &x) { return x.meta.name; },
        [](const ImportedSeries &x) { return x.meta.region; });
    TraceFile t;
    t.format = result.format;
    t.series = s.series(o.zeroActualIsMissing);
    t.forecast = s.forecastSeries();
    return t;
}

TraceFile readTraceText(std::string_view bytes, const std::string &displayName, const TraceFileOptions &options)
{
    return fromCsv({displayName, bytes}, options, pointsAllowed(options));
}

TimeSeries readTrace(const std::string &path, SeriesKind kind, const std::string &column, std::size_t maxPoints)
{
    TraceFileOptions o;
    o.kind = kind;
    o.column = column;
    o.maxPoints = maxPoints;
    return readTraceFile(path, o).series;
}

} // namespace cs
