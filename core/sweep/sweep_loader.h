#pragma once

#include "time_series.h"

#include <functional>
#include <string>
#include <vector>

namespace cs {

// The series name a carbon file belongs to: its name up to "_YYYY" ("GB_2021_hourly.csv" -> "GB",
// "US-CAL-CISO_2024_hourly.csv" -> "US-CAL-CISO"), else the name without ".csv".
std::string sweepSeriesName(const std::string &path);

// The carbon CSV files of a folder (*.csv, sorted by name). Throws InputError naming the folder where it cannot
// be read or holds none.
std::vector<std::string> carbonFilesIn(const std::string &folder);

// Reads every file once (readCarbonCsv, spread over the cores with oneTBB; `threads` as SweepRunOptions) and
// joins the files of one series name in time order: the zone-years of a zone become one series. Series come out
// in order of first appearance in `paths`. Throws ParseError/InputError naming the file: a bad row, files of one
// series that overlap in time or have different intervals.
std::vector<TimeSeries> loadSweepCarbon(const std::vector<std::string> &paths, unsigned threads = 0);

} // namespace cs
