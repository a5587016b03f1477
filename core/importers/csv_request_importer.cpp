#include "csv_request_importer.h"

#include "csv_columns.h"
#include "csv_sniff.h"
#include "csv_input.h"
#include "csv_time_column.h"
#include "csv_value.h"
#include "import_context.h"
#include "import_text.h"
#include "request_binner.h"
#include "time_order.h"

namespace cs {

int CsvRequestImporter::detect(std::string_view head, const std::string &) const
{
    const char c = head.empty() ? 0 : head.front();
    return c == '{' || c == '[' || c == 0 ? 0 : 10;
}

bool CsvRequestImporter::perRequest(const std::vector<std::string> &header) const
{
    for (const std::string &h : header) {
        const std::string l = importtext::lower(h);
        if (l == "contexttokens" || l == "generatedtokens")
            return true;
    }
    return false;
}

void CsvRequestImporter::run(ImportContext &context) const
{
    runWith(context, context.options().timeColumn, false);
}

void CsvRequestImporter::runWith(ImportContext &context, const std::string &timeColumn, bool forcePerRequest) const
{
    ImportOptions o = context.options();
    CsvInput input(context, o.delimiter);
    input.first("a header or a first row holding a time");
    CsvReader &r = input.reader();
    if (!timeColumn.empty())
        o.timeColumn = timeColumn;
    const CsvColumns columns(context, o, input, requestValueNames(), true);
    const bool requestRows = forcePerRequest || columns.valueColumn() < 0
                             || (columns.hasHeader() && perRequest(columns.header()));

    SeriesMeta meta;
    meta.unit = "requests";
    meta.source = requestRows ? "per-request CSV" : "per-interval CSV";
    if (requestRows)
        meta.intervalSeconds = o.intervalSeconds > 0 ? o.intervalSeconds : 60;
    auto writer = context.newSeries(meta);
    RequestBinner binner(*writer, meta.intervalSeconds, o.maxEmptyIntervals);
    TimeOrder order(context, requestRows);
    const auto tc = static_cast<std::size_t>(columns.timeColumn());
    const std::size_t need = std::max<std::size_t>(tc + 1, requestRows ? 0 : columns.valueColumn() + 1);
    if (!columns.hasHeader())
        input.keepFirst();
    CsvTimeColumn times(context, o, tc, requestRows);
    if (columns.hasHeader())
        input.setHeaderFields(columns.header().size());
    const CsvValueKind count = requestCountValue();
    while (input.nextRow(need)) {
        const auto t = times.read(r);
        if (!t)
            continue;
        if (requestRows) {
            if (!order.accept(*t, r.line(), r.column(tc)))
                continue;
            binner.add(*t);
            continue;
        }
        std::optional<double> v;
        const auto vc = static_cast<std::size_t>(columns.valueColumn());
        if (!readCsvValue(context, r, vc, columns.header()[vc], count, v))
            continue;
        if (!order.accept(*t, r.line(), r.column(tc)))
            continue;
        writer->appendCount(*t, *v);
    }
    binner.finish();
    if (writer->points() == 0)
        context.fail(r.line(), 0, std::string(requestRows ? "no data rows with a request time"
                                                          : "no data rows with a request count")
                                      + (columns.hasHeader() ? " after the header" : ""));
    context.finish(*writer);
}

int AzureLlmImporter::detect(std::string_view head, const std::string &) const
{
    const std::string h = importtext::lower(head.substr(0, 200));
    return h.starts_with("timestamp,contexttokens,generatedtokens") ? 90 : 0;
}

void AzureLlmImporter::run(ImportContext &context) const
{
    runWith(context, "TIMESTAMP", true);
}

} // namespace cs
