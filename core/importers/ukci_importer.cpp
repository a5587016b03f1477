#include "ukci_importer.h"

#include "import_context.h"
#include "import_text.h"
#include "json_tree.h"

#include <map>
#include <optional>

namespace cs {

namespace {

struct Point
{
    UtcSeconds time = 0;
    std::optional<double> actual;
    std::optional<double> forecast;
};

struct Region
{
    std::string id;
    std::string shortName;
    UtcSeconds interval = 0;
    std::vector<Point> points;
    std::vector<const JsonValue *> places; // where each point's "from" is, for order errors
};

class Reader
{
public:
    Reader(ImportContext &context, const JsonTree &tree)
        : mContext(context)
        , mTree(tree)
    {}

    // One period {"from","to","intensity"} into `region`; false where it was a bad row (skipped).
    void period(const JsonValue &p, Region &region, const JsonValue &intensityHolder)
    {
        if (!p.isObject()) {
            mTree.badRow(p, std::string("expected a period object {\"from\", \"to\", \"intensity\"}, got ")
                                + p.typeName());
            return;
        }
        const JsonValue *from = p.find("from");
        const JsonValue *to = p.find("to");
        if (!from || !from->isString()) {
            mTree.badRow(from ? *from : p, "expected \"from\" as an ISO 8601 time string");
            return;
        }
        const auto t = parseUtcTime(from->text);
        if (!t) {
            mTree.badRow(*from, "expected a time, got \"" + from->text + "\"");
            return;
        }
        if (to && to->isString()) {
            const auto end = parseUtcTime(to->text);
            if (!end || *end <= *t) {
                mTree.badRow(*to, "expected \"to\" after \"from\", got \"" + to->text + "\"");
                return;
            }
            if (region.interval == 0)
                region.interval = *end - *t;
        }
        const JsonValue *intensity = intensityHolder.find("intensity");
        if (!intensity || !intensity->isObject()) {
            mTree.badRow(intensity ? *intensity : intensityHolder, "expected an \"intensity\" object");
            return;
        }
        Point point;
        point.time = *t;
        for (const char *name : {"forecast", "actual"}) {
            const JsonValue *v = intensity->find(name);
            if (!v || v->isNull())
                continue;
            if (!v->isNumber() || v->number < 0) {
                mTree.badRow(*v, std::string("expected \"") + name + "\" as a non-negative number or null, got "
                                     + (v->isNumber() ? "a negative number" : v->typeName()));
                return;
            }
            (name[0] == 'f' ? point.forecast : point.actual) = v->number;
            if (name[0] == 'a' && v->number == 0) {
                const auto [line, column] = mTree.lineColumn(v->offset);
                mContext.warn(line, column, "\"actual\": 0 at " + formatUtcTime(*t) + " kept as published");
            }
        }
        if (!point.actual && !point.forecast)
            return; // neither measured nor forecast yet: a gap
        if (!region.points.empty() && point.time <= region.points.back().time) {
            const bool same = point.time == region.points.back().time;
            mTree.badRow(*from, same ? "duplicate time " + formatUtcTime(point.time)
                                     : "time goes backwards: " + formatUtcTime(point.time) + " after "
                                           + formatUtcTime(region.points.back().time));
            return;
        }
        region.points.push_back(point);
        region.places.push_back(from);
        ++mContext.result().rows;
    }

    std::string regionId(const JsonValue &r) const
    {
        const JsonValue *id = r.find("regionid");
        if (id && id->isNumber()) {
            // Region ids are small integers; anything else is kept as written rather than cast.
            if (id->number >= 0 && id->number < 1e15 && id->number == static_cast<double>(static_cast<long long>(id->number)))
                return std::to_string(static_cast<long long>(id->number));
            return std::to_string(id->number);
        }
        return id && id->isString() ? id->text : std::string();
    }

    std::string shortName(const JsonValue &r) const
    {
        const JsonValue *s = r.find("shortname");
        return s && s->isString() ? s->text : "region " + regionId(r);
    }

private:
    ImportContext &mContext;
    const JsonTree &mTree;
};

} // namespace

int UkciImporter::detect(std::string_view head, const std::string &) const
{
    const bool json = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF") != std::string_view::npos
                      && (head[head.find_first_not_of(" \t\r\n\xEF\xBB\xBF")] == '{'
                          || head[head.find_first_not_of(" \t\r\n\xEF\xBB\xBF")] == '[');
    return json && head.find("\"intensity\"") != std::string_view::npos && head.find("\"from\"") != std::string_view::npos
               ? 95 : 0;
}

void UkciImporter::run(ImportContext &context) const
{
    const JsonTree tree(context);
    Reader reader(context, tree);
    const JsonValue &root = tree.root();

    // The list of entries: "data" as an array, "data" as one region's object, or the bare array.
    std::vector<const JsonValue *> entries;
    if (root.isObject()) {
        const JsonValue *data = root.find("data");
        if (!data)
            tree.fail(root, "expected a \"data\" member (a UK Carbon Intensity API response)");
        if (data->isObject())
            entries.push_back(data);
        else if (data->isArray())
            for (const JsonValue &e : data->items)
                entries.push_back(&e);
        else
            tree.fail(*data, std::string("expected \"data\" as an array or an object, got ") + data->typeName());
    } else if (root.isArray()) {
        for (const JsonValue &e : root.items)
            entries.push_back(&e);
    } else {
        tree.fail(root, std::string("expected a JSON object or array, got ") + root.typeName());
    }
    if (entries.empty())
        tree.fail(root, "expected periods in \"data\", found none");

    std::map<std::string, Region> regions; // by id; national data is region "" (GB)
    std::vector<std::string> order;
    auto regionFor = [&](const JsonValue &r) -> Region & {
        const std::string id = reader.regionId(r);
        auto [it, added] = regions.try_emplace(id);
        if (added) {
            it->second.id = id;
            it->second.shortName = reader.shortName(r);
            order.push_back(id);
        }
        return it->second;
    };
    bool national = false;
    for (const JsonValue *e : entries) {
        context.progress();
        if (!e->isObject()) {
            tree.badRow(*e, std::string("expected an object in \"data\", got ") + e->typeName());
            continue;
        }
        if (const JsonValue *regs = e->find("regions")) {
            // All regions in each period.
            if (!regs->isArray()) {
                tree.badRow(*regs, "expected \"regions\" as an array");
                continue;
            }
            for (const JsonValue &r : regs->items) {
                if (!r.isObject()) {
                    tree.badRow(r, "expected a region object");
                    continue;
                }
                reader.period(*e, regionFor(r), r);
            }
        } else if (const JsonValue *inner = e->find("data"); inner && e->find("regionid")) {
            // One region with its own periods.
            Region &region = regionFor(*e);
            if (!inner->isArray()) {
                tree.badRow(*inner, "expected the region's \"data\" as an array of periods");
                continue;
            }
            for (const JsonValue &p : inner->items)
                reader.period(p, region, p);
        } else {
            national = true;
            auto [it, added] = regions.try_emplace("");
            if (added) {
                it->second.shortName = "GB";
                order.push_back("");
            }
            reader.period(*e, it->second, *e);
        }
    }
    if (national && regions.size() > 1)
        tree.fail(root, "expected national or regional periods, not both in one file");

    const std::string &want = context.options().region;
    std::vector<const Region *> chosen;
    for (const std::string &id : order) {
        const Region &r = regions.at(id);
        if (want.empty() || want == r.id || importtext::lower(want) == importtext::lower(r.shortName))
            chosen.push_back(&r);
    }
    if (chosen.empty()) {
        std::string list;
        for (const std::string &id : order)
            list += (list.empty() ? "" : ", ") + id + " " + regions.at(id).shortName;
        throw InputError(context.displayName() + ": no region \"" + want + "\" in the file (it has: " + list + ")");
    }
    for (const Region *r : chosen) {
        if (r->points.empty())
            continue;
        SeriesMeta meta;
        meta.name = chosen.size() == 1 ? context.seriesName() : context.seriesName(r->shortName);
        meta.region = national ? "GB" : r->shortName + " (region " + r->id + ")";
        meta.source = national ? "UK Carbon Intensity API (national)" : "UK Carbon Intensity API (regional)";
        meta.unit = "gCO2/kWh";
        meta.intervalSeconds = r->interval;
        auto writer = context.newSeries(meta);
        for (const Point &p : r->points)
            writer->appendCarbon(p.time, p.actual, p.forecast);
        context.finish(*writer);
    }
    if (context.result().series.empty())
        tree.fail(root, "expected at least one period with a forecast or actual value");
}

} // namespace cs
