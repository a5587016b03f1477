#include "importers.h"

#include "byte_source.h"
#include "import_context.h"
#include "import_limits.h"
#include "import_text.h"
#include "json_rows.h"
#include "json_stream.h"
#include "ukci_shape.h"

#include <map>
#include <memory>
#include <optional>
#include <set>

namespace cs {

namespace {

using Take = JsonStream::Take;
using Type = JsonValue::Type;
using ukcishape::Layout;
using ukcishape::RegionCounter;
using ukcishape::isElementMember;
using ukcishape::regionId;
using ukcishape::shortName;

struct Region
{
    std::string id;
    std::string shortName;
    bool chosen = false;
    UtcSeconds interval = 0;
    std::optional<UtcSeconds> last;
    std::unique_ptr<SeriesSink> writer;
};

// Streams the entries of "data" one at a time: a national period, an all-regions period with its ~18
// regions, or a one-region object whose own "data" periods are streamed in turn (when its "regionid" and
// "shortname" come before them, as the API writes them; otherwise that object is read whole).
class Reader : public JsonStream::Visitor
{
public:
    explicit Reader(ImportContext &context)
        : mContext(context)
        , mRows(context)
        , mWant(context.options().region)
    {}

    Take begin(const Path &path, Type type, const JsonPlace &at) override
    {
        if (const auto take = mLayout.begin(path, type, at, mRows)) {
            if (*take == Take::Enter && mLayout.dataObject && path.size() == 1)
                startEntry(at);
            return *take;
        }
        const std::size_t n = path.size();
        if (n == mLayout.depth) {
            if (type != Type::Object) {
                ++mEntries;
                mRows.badRow(at, std::string("expected an object in \"data\", got ") + JsonValue::typeName(type));
                return Take::Skip;
            }
            startEntry(at);
            return Take::Enter;
        }
        if (n == mLayout.depth + 1)
            return member(path.back().key, type);
        if (n == mLayout.depth + 2 && mStreaming)
            return Take::Collect; // a period of a one-region object
        return Take::Skip;
    }

    void value(const Path &path, JsonValue &v) override
    {
        if (path.size() == mLayout.depth + 1) {
            mEntry.keys.push_back(path.back().key);
            mEntry.items.push_back(std::move(v));
        } else {
            period(v, *mStreamRegion, v);
        }
    }

    void end(const Path &path) override
    {
        if (!mLayout.inData)
            return;
        const std::size_t n = path.size();
        if (n == mLayout.depth + 1 && mStreaming) {
            mStreaming = false;
            mStreamed = true;
        } else if (n == mLayout.depth) {
            finishEntry();
            if (mLayout.dataObject)
                mLayout.inData = false;
        } else if (n + 1 == mLayout.depth) {
            mLayout.inData = false;
        }
    }

    void finish()
    {
        if (mLayout.rootObject && !mLayout.dataSeen)
            mRows.fail(mLayout.root, "expected a \"data\" member (a UK Carbon Intensity API response)");
        if (mEntries == 0)
            mRows.fail(mLayout.root, "expected periods in \"data\", found none");
        if (mChosen == 0) {
            std::vector<std::string> names;
            for (const Region *r : mOrder)
                names.push_back(r->id + " " + r->shortName);
            const std::string list = importtext::quotedList(names);
            throw InputError(mContext.displayName() + ": no region \"" + mWant + "\" in the file (it has: " + list
                             + ")");
        }
        for (Region *r : mWritten)
            mContext.finish(*r->writer);
        if (mContext.result().series.empty())
            mRows.fail(mLayout.root, "expected at least one period with a forecast or actual value");
    }

private:
    enum class Naming { Undecided, Plain, PerRegion };

    void startEntry(const JsonPlace &at)
    {
        ++mEntries;
        mEntry = {};
        mEntry.type = Type::Object;
        mEntry.place = at;
        mEntryData = mStreaming = mStreamed = false;
    }

    Take member(const std::string &key, Type type)
    {
        if (isElementMember(key))
            return mEntry.find(key) ? Take::Skip : Take::Collect;
        if (key != "data" || mEntryData)
            return Take::Skip;
        mEntryData = true;
        if (type == Type::Array && mEntry.find("regionid") && mEntry.find("shortname") && !mEntry.find("regions")) {
            mStreamRegion = &regionFor(mEntry, true);
            mStreaming = true;
            return Take::Enter;
        }
        return Take::Collect;
    }

    void finishEntry()
    {
        const JsonValue &e = mEntry;
        if (mStreamed)
            return; // a one-region object: its periods were read as they came
        if (const JsonValue *regs = e.find("regions")) {
            // All regions in each period.
            if (!regs->isArray()) {
                mRows.badRow(regs->place, "expected \"regions\" as an array");
                return;
            }
            for (const JsonValue &r : regs->items) // every region first: the series' names count them
                if (r.isObject())
                    regionFor(r, false);
            for (const JsonValue &r : regs->items) {
                if (!r.isObject()) {
                    mRows.badRow(r.place, "expected a region object");
                    continue;
                }
                period(e, regionFor(r, false), r);
            }
        } else if (const JsonValue *inner = e.find("data"); inner && e.find("regionid")) {
            // One region with its own periods, read whole (its "data" came before its id and name).
            Region &region = regionFor(e, true);
            if (!inner->isArray()) {
                mRows.badRow(inner->place, "expected the region's \"data\" as an array of periods");
                return;
            }
            for (const JsonValue &p : inner->items)
                period(p, region, p);
        } else {
            mNational = true;
            auto [it, added] = mRegions.try_emplace("");
            if (added)
                add(it->second, "", "GB");
            mixedCheck();
            period(e, it->second, e);
        }
    }

    Region &regionFor(const JsonValue &r, bool regionObject)
    {
        mSawRegionObject = mSawRegionObject || regionObject;
        const std::string id = regionId(r);
        auto [it, added] = mRegions.try_emplace(id);
        if (added && mRegions.size() > importlimits::maxUkciRegions)
            mRows.fail(r.place, "more than " + std::to_string(importlimits::maxUkciRegions)
                                    + " regions in one file (the UK Carbon Intensity API has 18)");
        if (added) {
            const std::string name = shortName(r);
            if (id.size() + name.size() > importlimits::maxUkciRegionNameBytes)
                mRows.fail(r.place, "expected a region id and short name of at most "
                                        + std::to_string(importlimits::maxUkciRegionNameBytes) + " bytes, got "
                                        + importtext::quoted(name));
            // Each region becomes a series named after it: two ids under one name would write one series twice.
            for (const Region *other : mOrder)
                if (other->shortName == name)
                    mRows.fail(r.place, "region " + importtext::quoted(name) + " appears with two ids ("
                                            + importtext::quoted(other->id) + " and " + importtext::quoted(id)
                                            + "); one region, one id");
            add(it->second, id, name);
        }
        mixedCheck();
        return it->second;
    }

    void add(Region &region, const std::string &id, const std::string &name)
    {
        region.id = id;
        region.shortName = name;
        region.chosen = mWant.empty() || mWant == id || importtext::lower(mWant) == importtext::lower(name);
        mOrder.push_back(&region);
        if (!region.chosen)
            return;
        ++mChosen;
        if (mNaming == Naming::Plain)
            throw InputError(mContext.displayName() + ": region " + id + " (" + name + ") appears only after "
                             "the first series was named as the file's one region; import it with --region");
    }

    void mixedCheck() const
    {
        if (mNational && mRegions.size() > 1)
            mRows.fail(mLayout.root, "expected national or regional periods, not both in one file");
    }

    // How the series are named is known before the first is written: national, or the regions of the first
    // all-regions period (the API lists every region in every period), or one region's object, or, for a
    // list of one-region objects and no --region, the count of their regions from a second reading.
    void decideNaming()
    {
        if (mNaming != Naming::Undecided)
            return;
        bool perRegion = mChosen >= 2;
        if (!perRegion && mSawRegionObject && !mLayout.dataObject && mWant.empty()
            && JsonStream::rereadable(mContext)) {
            RegionCounter counter(mContext);
            ByteSource again(mContext.source().path(), mContext.source().limits());
            JsonStream(mContext, again).run(counter);
            perRegion = counter.ids.size() >= 2;
        }
        mNaming = perRegion ? Naming::PerRegion : Naming::Plain;
    }

    // One period {"from","to","intensity"} into `region` (a bad row is reported and skipped).
    void period(const JsonValue &p, Region &region, const JsonValue &intensityHolder)
    {
        if (!p.isObject()) {
            mRows.badRow(p.place, std::string("expected a period object {\"from\", \"to\", \"intensity\"}, got ")
                                      + p.typeName());
            return;
        }
        const JsonValue *from = p.find("from");
        const JsonValue *to = p.find("to");
        if (!from || !from->isString()) {
            mRows.badRow((from ? *from : p).place, "expected \"from\" as an ISO 8601 time string");
            return;
        }
        const auto t = parseUtcTime(from->text);
        if (!t) {
            mRows.badRow(from->place, "expected a time, got " + importtext::quoted(from->text));
            return;
        }
        if (to && to->isString()) {
            const auto end = parseUtcTime(to->text);
            if (!end || *end <= *t) {
                mRows.badRow(to->place, "expected \"to\" after \"from\", got " + importtext::quoted(to->text));
                return;
            }
            if (region.interval == 0)
                region.interval = *end - *t;
        }
        const JsonValue *intensity = intensityHolder.find("intensity");
        if (!intensity || !intensity->isObject()) {
            mRows.badRow((intensity ? *intensity : intensityHolder).place, "expected an \"intensity\" object");
            return;
        }
        std::optional<double> actual, forecast;
        for (const char *name : {"forecast", "actual"}) {
            const JsonValue *v = intensity->find(name);
            if (!v || v->isNull())
                continue;
            if (!v->isNumber() || v->number < 0) {
                mRows.badRow(v->place, std::string("expected \"") + name + "\" as a non-negative number or null, got "
                                           + (v->isNumber() ? "a negative number" : v->typeName()));
                return;
            }
            if (v->number > importlimits::maxIntensity) {
                mRows.badRow(v->place, std::string("expected \"") + name + "\" of at most "
                                           + importtext::numberText(importlimits::maxIntensity) + ", got "
                                           + importtext::numberText(v->number));
                return;
            }
            (name[0] == 'f' ? forecast : actual) = v->number;
            if (name[0] == 'a' && v->number == 0)
                mRows.warn(v->place, "\"actual\": 0 at " + formatUtcTime(*t) + " kept as published");
        }
        if (!actual && !forecast)
            return; // neither measured nor forecast yet: a gap
        if (region.last && *t <= *region.last) {
            mRows.badRow(from->place, *t == *region.last ? "duplicate time " + formatUtcTime(*t)
                                                         : "time goes backwards: " + formatUtcTime(*t) + " after "
                                                               + formatUtcTime(*region.last));
            return;
        }
        region.last = *t;
        ++mContext.result().rows;
        if (region.chosen)
            write(region, *t, actual, forecast);
    }

    void write(Region &region, UtcSeconds t, std::optional<double> actual, std::optional<double> forecast)
    {
        if (!region.writer) {
            decideNaming();
            SeriesMeta meta;
            meta.name = mNaming == Naming::Plain ? mContext.seriesName() : mContext.seriesName(region.shortName);
            meta.region = mNational ? "GB" : region.shortName + " (region " + region.id + ")";
            meta.source = mNational ? "UK Carbon Intensity API (national)" : "UK Carbon Intensity API (regional)";
            meta.unit = "gCO2/kWh";
            meta.intervalSeconds = region.interval;
            region.writer = mContext.newSeries(meta);
            mWritten.push_back(&region);
        }
        region.writer->appendCarbon(t, actual, forecast);
    }

    ImportContext &mContext;
    JsonRows mRows;
    const std::string &mWant;
    Layout mLayout;
    long long mEntries = 0;
    // The entry being read: its small members, and whether its "data" is (was) streamed.
    JsonValue mEntry;
    bool mEntryData = false;
    bool mStreaming = false;
    bool mStreamed = false;
    Region *mStreamRegion = nullptr;

    std::map<std::string, Region> mRegions; // by id; national data is region "" (GB)
    std::vector<Region *> mOrder;           // as first met
    std::vector<Region *> mWritten;         // as first written
    int mChosen = 0;
    bool mNational = false;
    bool mSawRegionObject = false;
    Naming mNaming = Naming::Undecided;
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
    JsonStream::readWith<Reader>(context);
}

} // namespace cs
