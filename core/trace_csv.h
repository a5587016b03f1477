#pragma once

#include "time_series.h"

#include <cstddef>
#include <istream>
#include <string>

namespace cs {

// The most data rows (points, empty ones included) one trace CSV may hold; the next row is refused at its line
// ("more than N data rows"). It bounds what the whole pipeline holds: reading keeps 28 bytes a row (time, value,
// and each row's time and line for the checks), the scenario 32 bytes an interval and each policy's result 52
// (its choices and five result columns), and compare, frontier and optimize hold several results and their own
// working columns. Peak RSS of carbonscope-cli (6 MB on a tiny input) with 100,000 half-hourly carbon and
// request points and the 4-model pool: simulate 19 MB, eco 16 MB, frontier 40 MB, compare 49 MB, optimize 92 MB;
// at 1,000,000 simulate alone grew by 124 MB and compare by 424 MB over a tiny run. 100,000
// points are 5.7 years of half-hourly data, 11 years of hourly data or 347 days of 5-minute data. This is the
// default of the readers; carbonscope-cli's --carbon and --requests raise it to limits::maxScenarioIntervals
// (1,000,000: a year of 5-minute data is 105,120 rows, a year of 1-minute data 525,600), the most one scenario
// holds, so that memory stays bounded there too.
inline constexpr std::size_t maxTraceRows = 100'000;

struct CarbonCsvOptions
{
    std::string column; // empty: detect (actual before forecast; "intensity", "gco2_kwh", the one value column)
    std::size_t maxRows = maxTraceRows;
};

// Reads a carbon-intensity CSV with a header: a time column and an intensity column (gCO2/kWh). Rows whose
// value is empty are missing points (gaps). Throws ParseError naming file, line and column for a non-number, a
// negative intensity, a bad time, or times that are not strictly increasing, and at the first line past a
// limit: a line of more than limits::maxLineBytes bytes, more than limits::maxFieldsPerRow fields, or more than
// maxTraceRows data rows.
TimeSeries readCarbonCsv(const std::string &path, const CarbonCsvOptions &options = {});
TimeSeries readCarbonCsv(std::istream &in, const std::string &displayName, const CarbonCsvOptions &options = {});

// Reads a request-count CSV with a header: a time column and a count column ("ds,y", "period,count").
TimeSeries readRequestCsv(const std::string &path, const std::string &column = {}, std::size_t maxRows = maxTraceRows);
TimeSeries readRequestCsv(std::istream &in, const std::string &displayName, const std::string &column = {},
                          std::size_t maxRows = maxTraceRows);

// Whether the CSV's header names a column `name` (case and trailing spaces ignored), so that an optional column
// (a forecast beside the actual) is asked for without reading a missing one as an error.
bool csvHasColumn(const std::string &path, const std::string &name);

} // namespace cs
