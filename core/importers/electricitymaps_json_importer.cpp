#include "electricitymaps_json_importer.h"

#include "import_context.h"
#include "json_tree.h"

namespace cs {

int ElectricityMapsJsonImporter::detect(std::string_view head, const std::string &) const
{
    return head.find("\"carbonIntensity\"") != std::string_view::npos
                   && head.find("\"datetime\"") != std::string_view::npos
               ? 95 : 0;
}

void ElectricityMapsJsonImporter::run(ImportContext &context) const
{
    const JsonTree tree(context);
    const JsonValue &root = tree.root();
    const JsonValue *history = root.isArray() ? &root : root.find("history");
    if (!history || !history->isArray())
        tree.fail(history ? *history : root, "expected a \"history\" array (an Electricity Maps API response)");

    SeriesMeta meta;
    meta.unit = "gCO2eq/kWh";
    if (const JsonValue *zone = root.find("zone"); zone && zone->isString())
        meta.region = zone->text;
    std::string factor;
    long long estimated = 0;
    std::unique_ptr<SeriesWriter> writer;
    UtcSeconds last = 0;
    for (const JsonValue &p : history->items) {
        context.progress();
        const auto point = tree.readPoint(p, "datetime", "carbonIntensity", writer ? std::optional(last) : std::nullopt);
        if (!point || !point->value)
            continue; // a bad row (reported) or a gap
        if (const JsonValue *e = p.find("isEstimated"); e && e->type == JsonValue::Type::Bool && e->boolean)
            ++estimated;
        if (const JsonValue *f = p.find("emissionFactorType"); f && f->isString() && factor.empty())
            factor = f->text;
        if (meta.region.empty())
            if (const JsonValue *zone = p.find("zone"); zone && zone->isString())
                meta.region = zone->text;
        if (!writer) {
            meta.source = "Electricity Maps API" + (factor.empty() ? std::string() : " (" + factor + ")");
            writer = context.newSeries(meta);
        }
        writer->appendCarbon(point->time, *point->value, std::nullopt);
        ++context.result().rows;
        last = point->time;
    }
    if (!writer)
        tree.fail(*history, "expected at least one point with a carbonIntensity");
    if (estimated > 0)
        context.warn(0, 0, std::to_string(estimated) + " points are estimates (isEstimated: true)");
    context.finish(*writer);
}

} // namespace cs
