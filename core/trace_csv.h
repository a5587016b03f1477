#pragma once

#include "time_series.h"

#include <istream>
#include <string>

namespace cs {

struct CarbonCsvOptions
{
    std::string column; // empty: detect (actual before forecast; "intensity", "gco2_kwh", the one value column)
};

// Reads a carbon-intensity CSV with a header: a time column and an intensity column (gCO2/kWh). Rows whose
// value is empty are missing points (gaps). Throws ParseError naming file, line and column for a non-number, a
// negative intensity, a bad time, or times that are not strictly increasing.
TimeSeries readCarbonCsv(const std::string &path, const CarbonCsvOptions &options = {});
TimeSeries readCarbonCsv(std::istream &in, const std::string &displayName, const CarbonCsvOptions &options = {});

// Reads a request-count CSV with a header: a time column and a count column ("ds,y", "period,count").
TimeSeries readRequestCsv(const std::string &path, const std::string &column = {});
TimeSeries readRequestCsv(std::istream &in, const std::string &displayName, const std::string &column = {});

} // namespace cs
