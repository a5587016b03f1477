#pragma once

#include "import_options.h"
#include "time_series.h"

#include <cstddef>
#include <optional>
#include <string>

namespace cs {

// How carbonscope-cli's --carbon and --requests (and anything else wanting one trace in memory) read a file.
struct TraceFileOptions
{
    SeriesKind kind = SeriesKind::Carbon;
    std::string format = "auto";  // any `import --format` name; "auto" detects it as import does
    // A CSV's value column; for a file of several series (UK CI regional, a project) the series' name or region.
    std::string column;
    std::size_t maxPoints = 0;    // 0: limits::maxScenarioIntervals
    bool zeroActualIsMissing = false; // ImportedSeries::series
};

struct TraceFile
{
    TimeSeries series;                  // the intensity (actual, else forecast) or the request counts
    std::optional<TimeSeries> forecast; // carbon: the forecast beside an actual, where the file has one
    std::string format;                 // the format read: "csv", "ukci", ..., "project"
};

// Reads one trace into memory from any file `import` reads (the same --format auto detection), or from a
// project (*.csdb, opened read-only). A generic CSV goes through core's trace CSV reader (readCarbonCsv, whose
// messages name file, line and column); every other format through its importer into a MemorySink. Throws
// ParseError/InputError naming the file; where the file holds several series and none is named, the message
// lists them.
TraceFile readTraceFile(const std::string &path, const TraceFileOptions &options);

} // namespace cs
