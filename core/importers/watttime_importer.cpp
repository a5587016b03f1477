#include "watttime_importer.h"

#include "import_context.h"
#include "json_tree.h"

namespace cs {

int WattTimeImporter::detect(std::string_view head, const std::string &) const
{
    return head.find("\"point_time\"") != std::string_view::npos ? 95 : 0;
}

void WattTimeImporter::run(ImportContext &context) const
{
    const JsonTree tree(context);
    const JsonValue &root = tree.root();
    const JsonValue *data = root.find("data");
    const JsonValue *meta = root.find("meta");
    if (!data || !data->isArray())
        tree.fail(data ? *data : root, "expected a \"data\" array (a WattTime v3 response)");
    if (!meta || !meta->isObject())
        tree.fail(root, "expected a \"meta\" object with \"units\" (a WattTime v3 response)");
    const JsonValue *units = meta->find("units");
    if (!units || !units->isString())
        tree.fail(*meta, "expected \"meta.units\" (\"lbs_co2_per_mwh\")");
    double factor = 1;
    std::string unit;
    if (units->text == "lbs_co2_per_mwh") {
        factor = gramsPerKwhPerLbPerMwh;
        unit = "gCO2/kWh";
    } else if (units->text == "g_co2_per_kwh" || units->text == "gco2_per_kwh") {
        unit = "gCO2/kWh";
    } else {
        tree.fail(*units, "expected units \"lbs_co2_per_mwh\" (a CO2 signal), got \"" + units->text + "\"");
    }

    SeriesMeta series;
    series.unit = unit;
    const JsonValue *signal = meta->find("signal_type");
    series.source = "WattTime " + (signal && signal->isString() ? signal->text : std::string("co2_moer"))
                    + " (converted from " + units->text + ")";
    if (const JsonValue *region = meta->find("region"); region && region->isString())
        series.region = region->text;
    if (const JsonValue *period = meta->find("data_point_period_seconds"); period && period->isNumber()
        && period->number >= 1
        && period->number <= 31 * 86400)
        series.intervalSeconds = static_cast<UtcSeconds>(period->number);
    std::unique_ptr<SeriesWriter> writer;
    UtcSeconds last = 0;
    for (const JsonValue &p : data->items) {
        context.progress();
        const auto point = tree.readPoint(p, "point_time", "value", writer ? std::optional(last) : std::nullopt);
        if (!point || !point->value)
            continue; // a bad row (reported) or a gap
        if (!writer)
            writer = context.newSeries(series);
        writer->appendCarbon(point->time, *point->value * factor, std::nullopt);
        ++context.result().rows;
        last = point->time;
    }
    if (!writer)
        tree.fail(*data, "expected at least one point with a value");
    context.finish(*writer);
}

} // namespace cs
