#pragma once

#include "store_types.h"
#include "utc_time.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cs {

// Progress in bytes of the file read so far of its size; return false to cancel (the import then rolls back).
using ImportProgress = std::function<bool(std::uint64_t done, std::uint64_t total)>;

// How a generic CSV's time column is written.
enum class TimeFormat { Auto, Iso, UnixSeconds, UnixMilliseconds };

struct ImportOptions
{
    SeriesKind kind = SeriesKind::Carbon;
    std::string format = "auto";       // auto ukci electricitymaps watttime csv twitter azure-llm
    std::string name;                  // series name; empty: derived from the file name
    std::string region;                // UK CI regional: a region id or short name (empty: every region)
    std::optional<UtcSeconds> start;   // anchors traces whose times count seconds from their start (Twitter)
    bool skipBadRows = false;          // count and skip bad rows instead of stopping at the first
    bool replace = false;              // replace a series of the same name
    UtcSeconds intervalSeconds = 0;    // request aggregation interval (per-request traces); 0: 60 s
    // More empty intervals than this between two requests is refused: a stray year 2200 in a minute trace would
    // otherwise write a hundred million zeros. (The fuzz targets lower it so that each input stays cheap.)
    long long maxEmptyIntervals = 1'000'000;
    // A compressed file may not inflate to more than this many bytes in all (64 GiB), nor, past the first 64 MiB,
    // to more than this many bytes per byte of the file read so far: a decompression bomb stops early.
    std::uint64_t maxDecompressedBytes = std::uint64_t(64) << 30;
    double maxDecompressionRatio = 1000;
    // CSV formats: more data rows than this (empty ones included) is refused at the next row's line; 0: no limit
    // here (a MemorySink still bounds the points it holds). readTraceFile sets it (maxTraceRows, trace_file.h).
    std::size_t maxRows = 0;

    // Electricity Maps: which intensity to take.
    bool lifecycle = true;             // false: direct emissions

    // Generic CSV/TSV.
    char delimiter = 0;                // 0: detect
    std::optional<bool> header;        // empty: detect
    std::string timeColumn;            // name or 1-based index; empty: detect
    std::string valueColumn;           // name or 1-based index; empty: detect
    TimeFormat timeFormat = TimeFormat::Auto;
    // The zone of times written without an offset (a time with Z or an offset keeps its own; Unix times are UTC):
    // "UTC", a fixed offset "+01:00" or an IANA name "Europe/London" (LocalTimeZone::find). Empty: utcOffsetSeconds.
    std::string timeZone;
    int utcOffsetSeconds = 0;          // where timeZone is empty: a fixed offset in seconds east of UTC
    std::string unit;                  // carbon unit; empty: gCO2/kWh

    // Twitter cache traces.
    std::string operation;             // keep only this operation ("get"); empty: all
    std::optional<long long> client;   // keep only this client id

    ImportProgress progress;
};

struct RowWarning
{
    long long line = 0;
    int column = 0;
    std::string message;
};

struct ImportResult
{
    std::string format;                // the importer that read the file
    std::vector<std::string> series;   // names written
    long long points = 0;              // points written, all series together
    long long rows = 0;                // data rows (or requests) read
    long long skippedRows = 0;         // bad rows skipped (skipBadRows)
    long long filteredRows = 0;        // rows left out by a filter (Twitter operation/client)
    std::vector<RowWarning> warnings;  // the first bad rows skipped and notable quirks, with their place
    std::uint64_t bytes = 0;           // bytes of the file read
    // A CSV with a header: the names of the value and forecast columns read (empty where there is none).
    std::string valueColumn;
    std::string forecastColumn;
};

} // namespace cs
