#include "importers.h"

#include "csv_input.h"
#include "import_context.h"
#include "import_limits.h"
#include "import_text.h"
#include "time_order.h"

namespace cs {

int ElectricityMapsCsvImporter::detect(std::string_view head, const std::string &) const
{
    const std::string h = importtext::lower(head.substr(0, 600));
    const bool bom = h.starts_with("\xef\xbb\xbf");
    return h.substr(bom ? 3 : 0).starts_with("datetime (utc),") && h.find("carbon intensity g") != std::string::npos
               ? 90 : 0;
}

void ElectricityMapsCsvImporter::run(ImportContext &context) const
{
    const ImportOptions &o = context.options();
    CsvInput input(context, ',');
    input.first("the Electricity Maps header (Datetime (UTC), ..., Carbon intensity ...)");
    CsvReader &r = input.reader();
    const std::vector<std::string> header = input.fields();
    int timeCol = -1, valueCol = -1, zoneCol = -1, estimatedCol = -1;
    std::string unit = "gCO2eq/kWh";
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string h = importtext::lower(header[i]);
        if (h == "datetime (utc)")
            timeCol = static_cast<int>(i);
        else if (h == "zone id")
            zoneCol = static_cast<int>(i);
        else if (h == "data estimated")
            estimatedCol = static_cast<int>(i);
        else if (h.starts_with("carbon intensity")) {
            const bool lifecycle = h.ends_with("(life cycle)") || h.ends_with("(lca)");
            const bool direct = h.ends_with("(direct)");
            if ((o.lifecycle && lifecycle) || (!o.lifecycle && direct))
                valueCol = static_cast<int>(i);
        }
    }
    if (timeCol < 0)
        context.fail(r.line(), 1, "expected a \"Datetime (UTC)\" column (an Electricity Maps export)");
    if (valueCol < 0)
        context.fail(r.line(), 1, std::string("expected a \"Carbon intensity ... (")
                                      + (o.lifecycle ? "Life cycle)\" or \"(LCA)" : "direct)") + "\" column");

    SeriesMeta meta;
    meta.unit = unit;
    meta.source = std::string("Electricity Maps (") + (o.lifecycle ? "life-cycle" : "direct") + ")";
    std::unique_ptr<SeriesSink> writer;
    TimeOrder order(context, false);
    long long estimated = 0;
    const std::size_t need = static_cast<std::size_t>(std::max(timeCol, valueCol)) + 1;
    while (input.next()) {
        ++context.result().rows;
        if (r.size() < need) {
            context.badRow(r.line(), r.column(r.size() - 1) + static_cast<int>(r.field(r.size() - 1).size()),
                           "truncated line: expected " + std::to_string(header.size()) + " fields, got "
                               + std::to_string(r.size()));
            continue;
        }
        if (!writer) {
            if (zoneCol >= 0 && static_cast<std::size_t>(zoneCol) < r.size())
                meta.region = std::string(r.field(static_cast<std::size_t>(zoneCol)));
            writer = context.newSeries(meta);
        }
        const auto tc = static_cast<std::size_t>(timeCol), vc = static_cast<std::size_t>(valueCol);
        const auto t = importtext::time(r.field(tc), TimeFormat::Iso, 0);
        if (!t) {
            context.badRow(r.line(), r.column(tc), "expected a time, got " + importtext::quoted(r.field(tc)));
            continue;
        }
        if (r.field(vc).empty())
            continue; // no value published for that hour: a gap
        const auto v = importtext::number(r.field(vc));
        if (v && *v > importlimits::maxIntensity) {
            context.badRow(r.line(), r.column(vc), "expected an intensity of at most "
                                                       + importtext::numberText(importlimits::maxIntensity) + ", got "
                                                       + importtext::quoted(r.field(vc)));
            continue;
        }
        if (!v || *v < 0) {
            context.badRow(r.line(), r.column(vc),
                           "expected a non-negative number, got " + importtext::quoted(r.field(vc)));
            continue;
        }
        if (!order.accept(*t, r.line(), r.column(tc)))
            continue;
        if (estimatedCol >= 0 && static_cast<std::size_t>(estimatedCol) < r.size()
            && r.field(static_cast<std::size_t>(estimatedCol)) == "true")
            ++estimated;
        writer->appendCarbon(*t, *v, std::nullopt);
    }
    if (!writer)
        context.fail(r.line() + 1, 1, "expected data rows after the header");
    if (estimated > 0)
        context.warn(0, 0, std::to_string(estimated) + " points are Electricity Maps estimates (Data estimated=true)");
    context.finish(*writer);
}

} // namespace cs
