#include "importers.h"

#include "import_context.h"
#include "import_limits.h"
#include "import_text.h"
#include "json_rows.h"
#include "json_stream.h"

#include <vector>

namespace cs {

namespace {

// 1 lb = 453.59237 g and 1 MWh = 1000 kWh, so 1 lb/MWh = 0.45359237 g/kWh.
constexpr double gramsPerKwhPerLbPerMwh = 0.45359237;

// Streams {"data": [point, ...], "meta": {...}} one point at a time. The points need "meta" (their units,
// and the series' region and interval), which WattTime writes AFTER "data". Where "data" comes first, "meta"
// is read beforehand from a second reading of the file, up to "meta" (only lexed, nothing kept: memory stays
// flat; it costs a second parse of the file, and WattTime responses are small). A pipe cannot be read twice:
// there the checked points wait in memory as (time, value) pairs, 16 bytes each, until "meta" comes.
class Reader : public JsonStream::Visitor
{
public:
    explicit Reader(ImportContext &context)
        : mContext(context)
        , mRows(context)
    {}

    Take begin(const Path &path, JsonValue::Type type, const JsonPlace &at) override
    {
        if (path.empty()) {
            mRoot = at;
            if (type != JsonValue::Type::Object)
                noData(at); // a "data" member needs an object
            return Take::Enter;
        }
        if (path.size() == 1 && path[0].is("data") && !mDataSeen) {
            if (type != JsonValue::Type::Array)
                noData(at);
            mDataSeen = true;
            mInData = true;
            mDataPlace = at;
            if (mMeta)
                setUp(*mMeta);
            else if (JsonStream::rereadable(mContext)) {
                const auto meta = JsonStream::rootMember(mContext, "meta");
                if (!meta)
                    noMeta();
                setUp(*meta);
            }
            return Take::Enter;
        }
        if (path.size() == 1 && path[0].is("meta") && !mMeta)
            return Take::Collect;
        if (path.size() == 2 && mInData)
            return Take::Collect; // a point
        return Take::Skip;
    }

    void value(const Path &path, JsonValue &v) override
    {
        if (path.size() == 1) {
            mMeta = std::move(v);
            if (mDataSeen && !mReady) { // after "data" in a pipe: the points held back go in now
                setUp(*mMeta);
                for (const auto &[time, value] : mHeld)
                    append(time, value);
                mHeld.clear();
                mHeld.shrink_to_fit();
            }
            return;
        }
        const auto point = mRows.readPoint(v, "point_time", "value", mAny ? std::optional(mLast) : std::nullopt);
        if (!point || !point->value)
            return; // a bad row (reported) or a gap
        mAny = true;
        mLast = point->time;
        if (mReady) {
            append(point->time, *point->value);
        } else {
            if (mHeld.size() >= importlimits::maxHeldWattTimePoints)
                mRows.fail(v.place, "more than " + std::to_string(importlimits::maxHeldWattTimePoints)
                                        + " points before \"meta\" in a pipe (save the response to a file first)");
            mHeld.emplace_back(point->time, *point->value);
        }
    }

    void end(const Path &path) override
    {
        if (path.size() == 1)
            mInData = false;
    }

    void finish()
    {
        if (!mDataSeen)
            noData(mRoot);
        if (!mReady)
            noMeta();
        if (!mWriter)
            mRows.fail(mDataPlace, "expected at least one point with a value");
        mContext.finish(*mWriter);
    }

private:
    [[noreturn]] void noData(const JsonPlace &at) const
    {
        mRows.fail(at, "expected a \"data\" array (a WattTime v3 response)");
    }
    [[noreturn]] void noMeta() const
    {
        mRows.fail(mRoot, "expected a \"meta\" object with \"units\" (a WattTime v3 response)");
    }

    void setUp(const JsonValue &meta)
    {
        if (!meta.isObject())
            noMeta();
        const JsonValue *units = meta.find("units");
        if (!units || !units->isString())
            mRows.fail(meta.place, "expected \"meta.units\" (\"lbs_co2_per_mwh\")");
        if (units->text == "lbs_co2_per_mwh") {
            mFactor = gramsPerKwhPerLbPerMwh;
            mSeries.unit = "gCO2/kWh";
        } else if (units->text == "g_co2_per_kwh" || units->text == "gco2_per_kwh") {
            mSeries.unit = "gCO2/kWh";
        } else {
            mRows.fail(units->place, "expected units \"lbs_co2_per_mwh\" (a CO2 signal), got " + importtext::quoted(units->text));
        }
        const JsonValue *signal = meta.find("signal_type");
        mSeries.source = "WattTime " + (signal && signal->isString() ? signal->text : std::string("co2_moer"))
                         + " (converted from " + units->text + ")";
        if (const JsonValue *region = meta.find("region"); region && region->isString())
            mSeries.region = region->text;
        if (const JsonValue *period = meta.find("data_point_period_seconds"); period && period->isNumber()
            && period->number >= 1 && period->number <= 31 * 86400)
            mSeries.intervalSeconds = static_cast<UtcSeconds>(period->number);
        mReady = true;
    }

    void append(UtcSeconds time, double value)
    {
        if (!mWriter)
            mWriter = mContext.newSeries(mSeries);
        mWriter->appendCarbon(time, value * mFactor, std::nullopt);
        ++mContext.result().rows;
    }

    ImportContext &mContext;
    JsonRows mRows;
    JsonPlace mRoot, mDataPlace;
    std::optional<JsonValue> mMeta;
    bool mDataSeen = false;
    bool mInData = false;
    bool mReady = false;    // units known: points go straight to the database
    SeriesMeta mSeries;
    double mFactor = 1;
    std::unique_ptr<SeriesSink> mWriter;
    bool mAny = false;
    UtcSeconds mLast = 0;
    std::vector<std::pair<UtcSeconds, double>> mHeld;
};

} // namespace

int WattTimeImporter::detect(std::string_view head, const std::string &) const
{
    return head.find("\"point_time\"") != std::string_view::npos ? 95 : 0;
}

void WattTimeImporter::run(ImportContext &context) const
{
    JsonStream::readWith<Reader>(context);
}

} // namespace cs
