#pragma once

#include "import_options.h"
#include "time_series.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cs {

// The most data rows (points, empty ones included) one trace CSV may hold where the caller asks for this bound;
// the next row is refused at its line ("more than N data rows"). It bounds what the whole pipeline holds: reading
// keeps about 24 bytes a point, the scenario 32 bytes an interval and each policy's result 52 (its choices and
// five result columns), and compare, frontier and optimize hold several results and their own working columns.
// Peak RSS of carbonscope-cli (6 MB on a tiny input) with 100,000 half-hourly carbon and request points and the
// 4-model pool: simulate 19 MB, eco 16 MB, frontier 40 MB, compare 49 MB, optimize 92 MB; at 1,000,000 simulate
// alone grew by 124 MB and compare by 424 MB over a tiny run. 100,000 points are 5.7 years of half-hourly data,
// 11 years of hourly data or 347 days of 5-minute data. The sweep, the benches and the tests read with this
// bound; carbonscope-cli's --carbon and --requests read with TraceFileOptions' default instead,
// limits::maxScenarioIntervals (1,000,000: a year of 5-minute data is 105,120 rows, a year of 1-minute data
// 525,600), the most one scenario holds, so that memory stays bounded there too.
inline constexpr std::size_t maxTraceRows = 100'000;

// How carbonscope-cli's --carbon and --requests (and anything else wanting one trace in memory) read a file.
struct TraceFileOptions
{
    SeriesKind kind = SeriesKind::Carbon;
    std::string format = "auto";  // any `import --format` name; "auto" detects it as import does
    // A CSV's value column; for a file of several series (UK CI regional, a project) the series' name or region.
    std::string column;
    std::size_t maxPoints = 0;    // 0: limits::maxScenarioIntervals; a CSV's data rows, empty ones included
    bool zeroActualIsMissing = false; // ImportedSeries::series
};

struct TraceFile
{
    TimeSeries series;                  // the intensity (actual, else forecast) or the request counts
    std::optional<TimeSeries> forecast; // carbon: the forecast beside an actual, where the file has one
    std::string format;                 // the format read: "csv", "ukci", ..., "project"
};

// Reads one trace into memory from any file `import` reads (the same --format auto detection), or from a
// project (*.csdb, opened read-only), through the importers into a MemorySink. A generic CSV (--format csv, or
// what auto detection leaves to it) keeps its value column's header as the series' name, and may hold one point;
// its messages name file, line and column. Throws ParseError/InputError naming the file; where the file holds
// several series and none is named, the message lists them.
TraceFile readTraceFile(const std::string &path, const TraceFileOptions &options);

// A generic CSV held in memory (an embedded resource, a test's text), read as readTraceFile reads a CSV file;
// messages name it `displayName`.
TraceFile readTraceText(std::string_view bytes, const std::string &displayName, const TraceFileOptions &options);

// One trace's series alone, read as readTraceFile does: readTrace(path, SeriesKind::Requests) for a request CSV.
TimeSeries readTrace(const std::string &path, SeriesKind kind, const std::string &column = {},
                     std::size_t maxPoints = maxTraceRows);

} // namespace cs
