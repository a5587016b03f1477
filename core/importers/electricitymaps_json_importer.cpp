#include "importers.h"

#include "import_context.h"
#include "json_rows.h"
#include "json_stream.h"

namespace cs {

namespace {

// Streams {"zone", "history": [point, ...]} (or the bare history array), one point at a time.
class Reader : public JsonStream::Visitor
{
public:
    Reader(ImportContext &context)
        : mContext(context)
        , mRows(context)
    {
        mMeta.unit = "gCO2eq/kWh";
    }

    Take begin(const Path &path, JsonValue::Type type, const JsonPlace &at) override
    {
        if (path.empty()) {
            mRoot = at;
            mBare = type == JsonValue::Type::Array;
            if (type != JsonValue::Type::Object && !mBare)
                noHistory(at);
            if (mBare)
                startHistory(at);
            return Take::Enter;
        }
        if (mBare)
            return path.size() == 1 ? Take::Collect : Take::Skip; // a point
        if (path.size() == 1 && path[0].is("zone") && !mZoneSeen)
            return Take::Collect;
        if (path.size() == 1 && path[0].is("history") && !mHistory) {
            if (type != JsonValue::Type::Array)
                noHistory(at);
            startHistory(at);
            return Take::Enter;
        }
        if (path.size() == 2 && mInHistory)
            return Take::Collect; // a point
        return Take::Skip;
    }

    void value(const Path &path, JsonValue &v) override
    {
        if (path.size() == 1 && !mBare) {
            // The root's "zone".
            mZoneSeen = true;
            if (v.isString() && !mWriter)
                mMeta.region = v.text;
            return;
        }
        point(v);
    }

    void end(const Path &path) override
    {
        if (path.size() == 1 || (mBare && path.empty()))
            mInHistory = false;
    }

    void finish()
    {
        if (!mHistory)
            noHistory(mRoot);
        if (!mWriter)
            mRows.fail(mHistoryPlace, "expected at least one point with a carbonIntensity");
        if (mEstimated > 0)
            mContext.warn(0, 0, std::to_string(mEstimated) + " points are estimates (isEstimated: true)");
        mContext.finish(*mWriter);
    }

private:
    [[noreturn]] void noHistory(const JsonPlace &at) const
    {
        mRows.fail(at, "expected a \"history\" array (an Electricity Maps API response)");
    }

    void startHistory(const JsonPlace &at)
    {
        mHistory = true;
        mInHistory = true;
        mHistoryPlace = at;
        // The series' region is the root's "zone"; where it comes after the history (not so in API responses),
        // it is read first from a second reading of the file's start (a pipe cannot be read twice: there the
        // points' own "zone" names the region).
        if (!mBare && !mZoneSeen && JsonStream::rereadable(mContext)) {
            mZoneSeen = true;
            if (const auto zone = JsonStream::rootMember(mContext, "zone"); zone && zone->isString())
                mMeta.region = zone->text;
        }
    }

    void point(const JsonValue &p)
    {
        const auto point = mRows.readPoint(p, "datetime", "carbonIntensity",
                                           mWriter ? std::optional(mLast) : std::nullopt);
        if (!point || !point->value)
            return; // a bad row (reported) or a gap
        if (const JsonValue *e = p.find("isEstimated"); e && e->type == JsonValue::Type::Bool && e->boolean)
            ++mEstimated;
        if (const JsonValue *f = p.find("emissionFactorType"); f && f->isString() && mFactor.empty())
            mFactor = f->text;
        if (mMeta.region.empty())
            if (const JsonValue *zone = p.find("zone"); zone && zone->isString())
                mMeta.region = zone->text;
        if (!mWriter) {
            mMeta.source = "Electricity Maps API" + (mFactor.empty() ? std::string() : " (" + mFactor + ")");
            mWriter = mContext.newSeries(mMeta);
        }
        mWriter->appendCarbon(point->time, *point->value, std::nullopt);
        ++mContext.result().rows;
        mLast = point->time;
    }

    ImportContext &mContext;
    JsonRows mRows;
    SeriesMeta mMeta;
    JsonPlace mRoot, mHistoryPlace;
    bool mBare = false;
    bool mZoneSeen = false;
    bool mHistory = false;
    bool mInHistory = false;
    std::string mFactor;
    long long mEstimated = 0;
    std::unique_ptr<SeriesSink> mWriter;
    UtcSeconds mLast = 0;
};

} // namespace

int ElectricityMapsJsonImporter::detect(std::string_view head, const std::string &) const
{
    return head.find("\"carbonIntensity\"") != std::string_view::npos
                   && head.find("\"datetime\"") != std::string_view::npos
               ? 95 : 0;
}

void ElectricityMapsJsonImporter::run(ImportContext &context) const
{
    JsonStream::readWith<Reader>(context);
}

} // namespace cs
