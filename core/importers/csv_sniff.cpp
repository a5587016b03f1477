#include "csv_sniff.h"

#include "csv_reader.h"
#include "import_text.h"

#include <sstream>

namespace cs {

namespace {

// Short names ("y") must match exactly; longer ones may be part of a header ("carbon intensity (gco2/kwh)").
bool matches(const std::string &header, const std::string &want)
{
    return header == want || (want.size() >= 4 && header.find(want) != std::string::npos);
}

const std::vector<std::string> timeNames = {"datetime", "timestamp", "time", "date", "ds", "period", "from",
                                            "point_time", "start"};

int namedTime(const std::vector<std::string> &header)
{
    for (const std::string &want : timeNames)
        for (std::size_t i = 0; i < header.size(); ++i) {
            const std::string h = importtext::lower(header[i]);
            if (h == want || h.starts_with(want + " ") || h.starts_with(want + "_"))
                return static_cast<int>(i);
        }
    return -1;
}

// No column has a time name: the first whose name holds "time" or "date" ("Datetime (UTC)", "reading_date").
int timeLikeColumn(const std::vector<std::string> &header)
{
    for (const char *part : {"time", "date"})
        for (std::size_t i = 0; i < header.size(); ++i)
            if (importtext::lower(header[i]).find(part) != std::string::npos)
                return static_cast<int>(i);
    return -1;
}

// Columns that hold neither a time nor a value: an interval's end, a row number.
bool isLabelColumn(const std::string &header)
{
    const std::string h = importtext::lower(header);
    return h == "to" || h == "end" || h == "index";
}

} // namespace

const std::vector<std::string> &carbonValueNames()
{
    // Electricity Maps' life-cycle column before its direct one (its headline figure); a lone forecast last.
    static const std::vector<std::string> names{"actual", "(life cycle)", "(lca)", "carbon intensity", "intensity",
                                                "gco2", "moer", "co2", "value", "forecast"};
    return names;
}

const std::vector<std::string> &requestValueNames()
{
    static const std::vector<std::string> names{"count", "requests", "y", "hits", "value"};
    return names;
}

CsvSniff sniffCsvRecord(const std::vector<std::string> &first, const ImportOptions &o,
                        const std::vector<std::string> &valueNames, bool allowNoValue)
{
    CsvSniff s;
    if (o.header) {
        s.hasHeader = *o.header;
    } else {
        // A header is a first record whose first field is neither a time nor a number.
        const std::string_view f = first.empty() ? std::string_view() : std::string_view(first[0]);
        s.hasHeader = !importtext::time(f, o.timeFormat, 0) && !importtext::number(f);
    }
    if (s.hasHeader)
        s.header = first;
    else
        for (std::size_t i = 0; i < first.size(); ++i)
            s.header.push_back(std::to_string(i + 1));

    auto pick = [&](const std::string &option, const char *what) {
        const int c = importtext::findColumn(s.header, option);
        if (c < 0 && s.problem.empty())
            s.problem = std::string("no ") + what + " column \"" + option + "\" (columns: "
                        + importtext::quotedList(s.header) + ")";
        return c;
    };
    if (!o.timeColumn.empty()) {
        s.timeColumn = pick(o.timeColumn, "time");
    } else if (s.hasHeader) {
        s.timeColumn = namedTime(s.header);
        if (s.timeColumn < 0)
            s.timeColumn = timeLikeColumn(s.header);
        if (s.timeColumn < 0 && s.problem.empty())
            s.problem = "no time column (expected one named from, datetime, timestamp, time, ds, date or period; "
                        "name it with --time-column; columns: " + importtext::quotedList(s.header) + ")";
    } else {
        s.timeColumn = 0;
    }

    if (!o.valueColumn.empty()) {
        s.valueColumn = pick(o.valueColumn, "value");
    } else {
        if (s.hasHeader)
            for (const std::string &want : valueNames) {
                for (std::size_t i = 0; i < s.header.size() && s.valueColumn < 0; ++i)
                    if (static_cast<int>(i) != s.timeColumn && matches(importtext::lower(s.header[i]), want))
                        s.valueColumn = static_cast<int>(i);
                if (s.valueColumn >= 0)
                    break;
            }
        s.valueNamed = s.valueColumn >= 0;
        // Unnamed: the one other column ("time,Caiso_North"). Without a header, the first after the time; for
        // request counts (which may have none: one row per request) the first of several too. Several unnamed
        // carbon columns ("datetime,wind,solar") are not guessed between.
        int candidates = 0;
        for (std::size_t i = 0; i < s.header.size() && !s.valueNamed; ++i)
            if (static_cast<int>(i) != s.timeColumn && (!s.hasHeader || !isLabelColumn(s.header[i])))
                if (++candidates == 1)
                    s.valueColumn = static_cast<int>(i);
        if (candidates > 1 && s.hasHeader && !allowNoValue)
            s.valueColumn = -1;
        if (s.valueColumn < 0 && !allowNoValue && s.problem.empty())
            s.problem = s.hasHeader ? "no intensity column (expected one named actual, intensity or gco2_kwh, or "
                                      "the one column beside the time; choose one with --carbon-column; columns: "
                                      + importtext::quotedList(s.header) + ")"
                                    : "expected a value column beside the time column";
    }
    // A "forecast" column beside the value column (the GB national "actual"; any intensity) is its forecast.
    if (s.hasHeader && !allowNoValue && s.valueColumn >= 0
        && importtext::lower(s.header[static_cast<std::size_t>(s.valueColumn)]) != "forecast")
        for (std::size_t i = 0; i < s.header.size(); ++i)
            if (importtext::lower(s.header[i]) == "forecast")
                s.forecastColumn = static_cast<int>(i);
    return s;
}

CsvSniff sniffCsv(std::string_view head, const ImportOptions &options, const std::vector<std::string> &valueNames,
                  bool allowNoValue)
{
    const char delimiter = options.delimiter ? options.delimiter : detectCsvDelimiter(head.substr(0, head.find('\n')));
    std::istringstream in{std::string(head)};
    CsvReader reader(in, "preview", delimiter);
    std::vector<std::string> first;
    try {
        if (reader.next())
            for (std::size_t i = 0; i < reader.size(); ++i)
                first.emplace_back(reader.field(i));
    } catch (const std::exception &) {
        // A preview of a file no CSV reader takes: nothing sniffed.
    }
    CsvSniff s = sniffCsvRecord(first, options, valueNames, allowNoValue);
    s.delimiter = delimiter;
    return s;
}

} // namespace cs
