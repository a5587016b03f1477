#pragma once

#include "time_series.h"

#include <cstddef>
#include <string>
#include <vector>

namespace cs {

// The series name a carbon file belongs to: its name up to "_YYYY" ("GB_2021_hourly.csv" -> "GB",
// "US-CAL-CISO_2024_hourly.csv" -> "US-CAL-CISO"), else the name without ".csv".
std::string sweepSeriesName(const std::string &path);

// The carbon CSV files of a folder (*.csv, sorted by name). Throws InputError naming the folder where it cannot
// be read or holds none.
std::vector<std::string> carbonFilesIn(const std::string &folder);

// At most this many files in one sweep: each holds at most maxTraceRows points (trace_file.h), so what is read
// stays below 256 x 100,000 x 16 bytes = 410 MB whatever the folder holds.
inline constexpr std::size_t maxSweepFiles = 256;

// Reads every file once (readTrace, spread over the cores with oneTBB; `threads` as SweepRunOptions) and
// joins the files of one series name in time order: the zone-years of a zone become one series. Series come out
// in order of first appearance in `paths`. Throws ParseError/InputError naming the file: a bad row, files of one
// series that overlap in time or have different intervals; more than maxSweepFiles files.
std::vector<TimeSeries> loadSweepCarbon(const std::vector<std::string> &paths, unsigned threads = 0);

} // namespace cs
