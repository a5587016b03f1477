#include "trace_csv.h"

#include "csv_reader.h"
#include "number_checks.h"
#include "number_parse.h"
#include "parse_error.h"

#include <algorithm>
#include <cmath>
#include <fstream>

namespace cs {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string listColumns(const std::vector<std::string> &header)
{
    std::string out;
    for (const auto &h : header)
        out += (out.empty() ? "'" : ", '") + h + "'";
    return out;
}

int findExact(const std::vector<std::string> &header, std::initializer_list<const char *> names)
{
    for (const char *name : names)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (lower(header[i]) == name)
                return static_cast<int>(i);
    return -1;
}

int findContaining(const std::vector<std::string> &header, std::initializer_list<const char *> parts, int skip)
{
    for (const char *part : parts)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (static_cast<int>(i) != skip && lower(header[i]).find(part) != std::string::npos)
                return static_cast<int>(i);
    return -1;
}

int findTimeColumn(const std::vector<std::string> &header)
{
    int c = findExact(header, {"from", "datetime", "timestamp", "time", "ds", "date", "period", "start",
                               "time_utc", "datetime (utc)", "period_start", "point_time", "interval_start"});
    if (c < 0)
        c = findContaining(header, {"time", "date"}, -1);
    return c;
}

// The one column that is neither the time nor an end-of-interval or label column, if there is exactly one.
int soleValueColumn(const std::vector<std::string> &header, int timeColumn)
{
    int found = -1;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string h = lower(header[i]);
        if (static_cast<int>(i) == timeColumn || h == "to" || h == "index" || h == "end")
            continue;
        if (found >= 0)
            return -1;
        found = static_cast<int>(i);
    }
    return found;
}

int findNamedColumn(const std::vector<std::string> &header, const std::string &name, const std::string &file)
{
    const std::string wanted = lower(name);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (lower(header[i]) == wanted)
            return static_cast<int>(i);
    throw ParseError(file, 1, 0, "no column named '" + name + "' (columns: " + listColumns(header) + ")");
}

struct ReadSpec
{
    std::string unit;
    std::string valueKind;  // "intensity", "request count"
    bool emptyIsMissing;    // an empty cell is a missing point (a gap) rather than an error
    double maxValue;        // the documented range is 0..maxValue (number_checks.h)
    std::size_t maxRows;    // data rows, empty ones included
};

// A row may not carry more fields than the header names: the extras would be dropped unseen. Empty extras (a
// trailing delimiter, as spreadsheets write) carry nothing and are allowed.
void refuseExtraFields(const CsvReader &csv, std::size_t headerFields)
{
    for (std::size_t i = headerFields; i < csv.size(); ++i)
        if (csv.field(i).find_first_not_of(' ') != std::string_view::npos)
            csv.fail(headerFields, "this row has " + std::to_string(csv.size()) + " fields, the header names " +
                                       std::to_string(headerFields) + " (a field beyond the header is not read)");
}

TimeSeries readSeries(std::istream &in, const std::string &file, const ReadSpec &spec,
                      int (*chooseValue)(const std::vector<std::string> &, int, const std::string &),
                      const std::string &column)
{
    CsvReader csv(in, file);
    if (!csv.next())
        throw ParseError(file, 0, 0, "the file is empty (expected a header line and data rows)");
    std::vector<std::string> header;
    for (std::size_t i = 0; i < csv.size(); ++i)
        header.emplace_back(csv.field(i));

    const int timeColumn = findTimeColumn(header);
    if (timeColumn < 0)
        throw ParseError(file, 1, 0, "no time column (expected one named from, datetime, timestamp, time, ds, date "
                                     "or period; columns: " + listColumns(header) + ")");
    const int valueColumn = column.empty() ? chooseValue(header, timeColumn, file)
                                           : findNamedColumn(header, column, file);

    TimeSeries series;
    series.unit = spec.unit;
    series.source = file;
    series.name = header[static_cast<std::size_t>(valueColumn)];
    // Every row's time and line, empty values included: they set the interval and name a duplicate's first line.
    std::vector<UtcSeconds> rowTimes;
    std::vector<int> lineOf;
    const std::size_t needed = static_cast<std::size_t>(std::max(timeColumn, valueColumn)) + 1;

    while (csv.next()) {
        if (rowTimes.size() == spec.maxRows)
            throw ParseError(file, csv.line(), 1, "more than " + std::to_string(spec.maxRows) + " data rows: a "
                             "trace may hold at most " + std::to_string(spec.maxRows) + " points, so that memory "
                             "stays bounded (bin a finer trace to a coarser interval, or cut it to a shorter "
                             "period)");
        if (csv.size() < needed)
            csv.fail(csv.size(), "truncated row: expected at least " + std::to_string(needed) + " fields, found " +
                                     std::to_string(csv.size()));
        refuseExtraFields(csv, header.size());
        const auto tc = static_cast<std::size_t>(timeColumn);
        const auto vc = static_cast<std::size_t>(valueColumn);
        const auto t = parseUtcTime(csv.field(tc));
        if (!t)
            csv.fail(tc, "expected a time such as 2023-06-01T00:00:00Z or 2023-06-01 00:00:00 in column '" +
                             header[tc] + "', found '" + std::string(csv.field(tc)) + "'");
        if (!rowTimes.empty() && *t <= rowTimes.back()) {
            const auto same = std::lower_bound(rowTimes.begin(), rowTimes.end(), *t);
            if (*same == *t)
                csv.fail(tc, "duplicate time " + formatUtcTime(*t) + " (first on line " +
                                 std::to_string(lineOf[static_cast<std::size_t>(same - rowTimes.begin())]) + ")");
            csv.fail(tc, "time goes backwards: " + formatUtcTime(*t) + " comes after " +
                             formatUtcTime(rowTimes.back()) + " (times must be strictly increasing)");
        }
        rowTimes.push_back(*t);
        lineOf.push_back(csv.line());

        const std::string_view text = csv.field(vc);
        if (text.find_first_not_of(' ') == std::string_view::npos) {
            if (spec.emptyIsMissing)
                continue;
            csv.fail(vc, "expected a " + spec.valueKind + " in column '" + header[vc] + "', found an empty field");
        }
        const auto value = parseNumber(text);
        if (!value || !std::isfinite(*value))
            csv.fail(vc, "expected a number (" + spec.valueKind + ") in column '" + header[vc] + "', found '" +
                             std::string(text) + "'");
        if (*value < 0)
            csv.fail(vc, "negative " + spec.valueKind + " " + std::string(text) + " in column '" + header[vc] + "'");
        if (*value > spec.maxValue)
            csv.fail(vc, spec.valueKind + " " + std::string(text.substr(0, 40)) + " in column '" + header[vc] +
                             "' is above the largest allowed, " + shortNumber(spec.maxValue) + " " + spec.unit);
        series.times.push_back(*t);
        series.values.push_back(*value);
    }
    if (series.times.empty())
        throw ParseError(file, csv.line(), 0, "no data rows with a " + spec.valueKind + " after the header");
    if (rowTimes.size() >= 2) {
        series.intervalSeconds = detectInterval(rowTimes);
        if (series.intervalSeconds == 0)
            throw ParseError(file, 0, 0, "times do not fall on one fixed interval (every step between rows must be "
                                         "a multiple of the smallest)");
    }
    return series;
}

int chooseCarbonColumn(const std::vector<std::string> &header, int timeColumn, const std::string &file)
{
    int c = findExact(header, {"actual", "intensity", "gco2_kwh", "gco2/kwh", "carbon_intensity",
                               "intensity_gco2_per_kwh", "moer", "value"});
    if (c < 0) // Electricity Maps: life-cycle first (its headline figure), then direct
        c = findContaining(header, {"(life cycle)", "(lca)", "carbon intensity", "intensity"}, timeColumn);
    if (c < 0)
        c = findExact(header, {"forecast"});
    if (c < 0)
        c = soleValueColumn(header, timeColumn);
    if (c < 0)
        throw ParseError(file, 1, 0, "no intensity column (expected one named actual, intensity or gco2_kwh; "
                                     "choose one with --carbon-column; columns: " + listColumns(header) + ")");
    return c;
}

int chooseRequestColumn(const std::vector<std::string> &header, int timeColumn, const std::string &file)
{
    int c = findExact(header, {"y", "count", "requests", "request_count", "hits", "n", "value"});
    if (c < 0)
        c = soleValueColumn(header, timeColumn);
    if (c < 0)
        throw ParseError(file, 1, 0, "no request-count column (expected one named y, count or requests; "
                                     "columns: " + listColumns(header) + ")");
    return c;
}

std::ifstream openOrThrow(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ParseError(path, 0, 0, "cannot open the file (does it exist and is it readable?)");
    return in;
}

} // namespace

TimeSeries readCarbonCsv(std::istream &in, const std::string &displayName, const CarbonCsvOptions &options)
{
    return readSeries(in, displayName, {"gCO2/kWh", "carbon intensity", true, limits::maxIntensity, options.maxRows},
                      chooseCarbonColumn, options.column);
}

TimeSeries readCarbonCsv(const std::string &path, const CarbonCsvOptions &options)
{
    auto in = openOrThrow(path);
    return readCarbonCsv(in, path, options);
}

TimeSeries readRequestCsv(std::istream &in, const std::string &displayName, const std::string &column,
                          std::size_t maxRows)
{
    return readSeries(in, displayName, {"requests", "request count", false, limits::maxRequestsPerInterval, maxRows},
                      chooseRequestColumn, column);
}

TimeSeries readRequestCsv(const std::string &path, const std::string &column, std::size_t maxRows)
{
    auto in = openOrThrow(path);
    return readRequestCsv(in, path, column, maxRows);
}

bool csvHasColumn(const std::string &path, const std::string &name)
{
    auto in = openOrThrow(path);
    CsvReader csv(in, path);
    if (!csv.next())
        return false;
    for (std::size_t i = 0; i < csv.size(); ++i)
        if (lower(csv.field(i)) == lower(name))
            return true;
    return false;
}

} // namespace cs
