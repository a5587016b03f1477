#include "store_sink.h"

#include "series_writer.h"

namespace cs {

namespace {

class StoreSeriesSink : public SeriesSink
{
public:
    StoreSeriesSink(Database &db, SeriesKind kind, SeriesMeta meta, bool replace)
        : mWriter(db, kind, std::move(meta), replace)
    {}
    void appendCarbon(UtcSeconds time, std::optional<double> actual, std::optional<double> forecast) override
    {
        mWriter.appendCarbon(time, actual, forecast);
    }
    void appendCount(UtcSeconds time, double count) override { mWriter.appendCount(time, count); }
    void appendGap(UtcSeconds time) override { mWriter.appendGap(time); }
    long long points() const override { return mWriter.points(); }
    UtcSeconds finish() override { return mWriter.finish(); }

private:
    SeriesWriter mWriter;
};

} // namespace

std::unique_ptr<SeriesSink> StoreSink::newSeries(SeriesKind kind, SeriesMeta meta, bool replace)
{
    return std::make_unique<StoreSeriesSink>(mDb, kind, std::move(meta), replace);
}

} // namespace cs
