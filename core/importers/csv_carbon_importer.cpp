#include "importers.h"

#include "csv_columns.h"
#include "csv_input.h"
#include "csv_sniff.h"
#include "csv_time_column.h"
#include "import_context.h"
#include "import_limits.h"
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
        if (l != "actual" && l != "value" && l.find("intensity") == std::string::npos && l.find("co2") == std::string::npos)
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
    while (input.nextRow(need)) {
        const auto t = times.read(r);
        if (!t)
            continue;
        auto value = [&](int column, std::optional<double> &out) {
            const auto c = static_cast<std::size_t>(column);
            const std::string_view f = r.field(c);
            if (f.find_first_not_of(" \t") == std::string_view::npos)
                return true; // empty: not measured (a gap)
            out = importtext::number(f);
            if (!out) {
                context.badRow(r.line(), r.column(c), "expected a number, got " + importtext::quoted(f));
                return false;
            }
            if (*out < 0) {
                context.badRow(r.line(), r.column(c), "expected a non-negative intensity, got " + importtext::quoted(f));
                return false;
            }
            if (*out > importlimits::maxIntensity) {
                context.badRow(r.line(), r.column(c), "expected an intensity of at most "
                                                          + importtext::numberText(importlimits::maxIntensity) + ", got "
                                                          + importtext::quoted(f));
                return false;
            }
            return true;
        };
        std::optional<double> actual, forecast;
        if (!value(columns.valueColumn(), actual))
            continue;
        if (columns.forecastColumn() >= 0 && !value(columns.forecastColumn(), forecast))
            continue;
        if (!actual && !forecast)
            continue; // a row without any value is a gap, as an absent row is
        if (!order.accept(*t, r.line(), r.column(tc)))
            continue;
        if (columns.forecastColumn() >= 0)
            writer->appendCarbon(*t, actual, forecast);
        else
            writer->appendCarbon(*t, actual, std::nullopt);
    }
    context.finish(*writer);
}

} // namespace cs
