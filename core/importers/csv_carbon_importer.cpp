#include "importers.h"

#include "csv_columns.h"
#include "csv_input.h"
#include "csv_sniff.h"
#include "csv_time_column.h"
#include "csv_value.h"
#include "import_context.h"
#include "import_text.h"
#include "time_order.h"

namespace cs {

int CsvCarbonImporter::detect(std::string_view head, const std::string &) const
{
    // Any delimited text may be a generic CSV: the lowest score that still wins where nothing else does.
    const char c = head.empty() ? 0 : head.front();
    return c == '{' || c == '[' || c == 0 ? 0 : 10;
}

void CsvCarbonImporter::run(ImportContext &context) const
{
    const ImportOptions &o = context.options();
    CsvInput input(context, o.delimiter);
    input.first("a header or a first row of time and intensity");
    const CsvColumns columns(context, o, input, carbonValueNames(), false);
    CsvReader &r = input.reader();

    SeriesMeta meta;
    meta.unit = o.unit.empty() ? "gCO2/kWh" : o.unit;
    meta.source = "CSV";
    if (columns.hasHeader()) {
        const std::string &h = columns.header()[static_cast<std::size_t>(columns.valueColumn())];
        const std::string l = importtext::lower(h);
        // A column named after a place ("South West England", "Caiso_North") is the region.
        if (l != "actual" && l != "value" && l != "forecast" && l.find("intensity") == std::string::npos && l.find("co2") == std::string::npos)
            meta.region = h;
    }
    meta.provenance.clear();
    auto writer = context.newSeries(meta);
    TimeOrder order(context, false);
    const std::size_t need = static_cast<std::size_t>(std::max({columns.timeColumn(), columns.valueColumn(),
                                                                columns.forecastColumn()})) + 1;
    if (!columns.hasHeader())
        input.keepFirst();
    const auto tc = static_cast<std::size_t>(columns.timeColumn());
    CsvTimeColumn times(context, o, tc, false);
    if (columns.hasHeader())
        input.setHeaderFields(columns.header().size());
    const CsvValueKind kind = carbonIntensityValue(meta.unit);
    auto read = [&](int column, std::optional<double> &out) {
        return readCsvValue(context, r, static_cast<std::size_t>(column),
                            columns.header()[static_cast<std::size_t>(column)], kind, out);
    };
    bool reserved = false;
    while (input.nextRow(need)) {
        if (!reserved) {
            reserved = true;
            writer->reserve(input.rowsLikeThis());
        }
        const auto t = times.read(r);
        if (!t)
            continue;
        std::optional<double> actual, forecast;
        if (!read(columns.valueColumn(), actual))
            continue;
        if (columns.forecastColumn() >= 0 && !read(columns.forecastColumn(), forecast))
            continue;
        if (!order.accept(*t, r.line(), r.column(tc)))
            continue;
        if (!actual && !forecast)
            writer->appendGap(*t); // a row without any value is a gap, but its time still sets the interval
        else
            writer->appendCarbon(*t, actual, columns.forecastColumn() >= 0 ? forecast : std::nullopt);
    }
    if (writer->points() == 0)
        context.fail(r.line(), 0, std::string("no data rows with a carbon intensity")
                                      + (columns.hasHeader() ? " after the header" : ""));
    context.finish(*writer);
}

} // namespace cs
