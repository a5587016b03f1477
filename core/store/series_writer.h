#pragma once

#include "store_types.h"
#include "time_series.h"

#include <memory>

namespace cs {

class Database;
class Statement;

// Streams one series' points into the project inside the caller's transaction (importers use it; nothing
// is kept in memory). Times must be strictly increasing (the importer checks and reports where they are not).
// finish() works out the interval from the times (the smallest step, which every step must be a multiple of)
// unless the metadata states it, and throws InputError where there are no points or the steps do not fit.
class SeriesWriter
{
public:
    // replace: an existing series of that name keeps its id (scenarios referring to it stay valid) and gets the
    // new points; otherwise an existing name is an error.
    SeriesWriter(Database &db, SeriesKind kind, SeriesMeta meta, bool replace);
    ~SeriesWriter();
    SeriesWriter(const SeriesWriter &) = delete;
    SeriesWriter &operator=(const SeriesWriter &) = delete;

    void appendCarbon(UtcSeconds time, std::optional<double> actual, std::optional<double> forecast);
    void appendCount(UtcSeconds time, double count);
    // A row with no value: no point, but its time counts towards the interval as it does in memory.
    void appendGap(UtcSeconds time) { step(time); }

    long long points() const { return mPoints; }
    long long id() const { return mId; }
    // Returns the interval written to the series.
    UtcSeconds finish();

private:
    void step(UtcSeconds time);

    Database &mDb;
    SeriesKind mKind;
    SeriesMeta mMeta;
    long long mId = 0;
    std::unique_ptr<Statement> mInsert;
    long long mPoints = 0;
    IntervalTracker mSteps; // every row's time, a gap row's included
};

} // namespace cs
