#include "series_writer.h"

#include "database.h"
#include "statement.h"
#include "store_error.h"

namespace cs {

namespace {
const char *seriesTable(SeriesKind kind) { return kind == SeriesKind::Carbon ? "carbon_series" : "request_series"; }
const char *pointTable(SeriesKind kind) { return kind == SeriesKind::Carbon ? "carbon_points" : "request_points"; }
const char *kindWord(SeriesKind kind) { return kind == SeriesKind::Carbon ? "carbon" : "request"; }
}

SeriesWriter::SeriesWriter(Database &db, SeriesKind kind, SeriesMeta meta, bool replace)
    : mDb(db)
    , mKind(kind)
    , mMeta(std::move(meta))
{
    if (mMeta.name.empty())
        throw StoreError("a series needs a name");
    if (mMeta.unit.empty())
        mMeta.unit = kind == SeriesKind::Carbon ? "gCO2/kWh" : "requests";
    const std::string table = seriesTable(kind);
    if (const std::optional<long long> existing = db.idByName(table, mMeta.name)) {
        if (!replace)
            throw StoreError(db.path() + ": a " + kindWord(kind) + " series named \"" + mMeta.name
                             + "\" exists already (choose another --name or pass --replace)");
        mId = *existing;
        Statement clear(db, std::string("DELETE FROM ") + pointTable(kind) + " WHERE series_id = ?");
        clear.bind(1, static_cast<std::int64_t>(mId)).run();
    } else {
        Statement insert(db, "INSERT INTO " + table + " (name, source, unit, interval_s, provenance"
                                 + (kind == SeriesKind::Carbon ? ", region" : "") + ") VALUES (?, ?, ?, 0, ?"
                                 + (kind == SeriesKind::Carbon ? ", ?" : "") + ")");
        insert.bind(1, mMeta.name).bind(2, mMeta.source).bind(3, mMeta.unit).bind(4, mMeta.provenance);
        if (kind == SeriesKind::Carbon)
            insert.bind(5, mMeta.region);
        insert.run();
        mId = db.lastInsertId();
    }
    mInsert = std::make_unique<Statement>(
        db, kind == SeriesKind::Carbon
                ? "INSERT INTO carbon_points (series_id, t, actual, forecast) VALUES (?, ?, ?, ?)"
                : "INSERT INTO request_points (series_id, t, count) VALUES (?, ?, ?)");
}

SeriesWriter::~SeriesWriter() = default;

void SeriesWriter::step(UtcSeconds time)
{
    if (!mSteps.advance(time))
        throw StoreError("series \"" + mMeta.name + "\": times must increase (" + formatUtcTime(time) + " after "
                         + formatUtcTime(mSteps.last()) + ")");
}

void SeriesWriter::appendCarbon(UtcSeconds time, std::optional<double> actual, std::optional<double> forecast)
{
    step(time);
    ++mPoints;
    mInsert->bind(1, static_cast<std::int64_t>(mId)).bind(2, static_cast<std::int64_t>(time));
    mInsert->bind(3, actual).bind(4, forecast);
    mInsert->run();
}

void SeriesWriter::appendCount(UtcSeconds time, double count)
{
    step(time);
    ++mPoints;
    mInsert->bind(1, static_cast<std::int64_t>(mId)).bind(2, static_cast<std::int64_t>(time)).bind(3, count);
    mInsert->run();
}

UtcSeconds SeriesWriter::finish()
{
    if (mPoints == 0)
        throw StoreError("series \"" + mMeta.name + "\": no data points");
    UtcSeconds interval = mMeta.intervalSeconds;
    if (interval <= 0) {
        if (mSteps.smallestStep() == 0) // one row only: no step to tell the interval by
            throw StoreError("series \"" + mMeta.name + "\": one point only, its interval cannot be told");
        if (!mSteps.stepsFit())
            throw StoreError("series \"" + mMeta.name + "\": the time steps do not fit one interval (smallest "
                             + std::to_string(mSteps.smallestStep()) + " s, their common divisor "
                             + std::to_string(mSteps.commonDivisor()) + " s)");
        interval = mSteps.smallestStep();
    }
    Statement update(mDb, std::string("UPDATE ") + seriesTable(mKind)
                              + " SET interval_s = ?, source = ?, unit = ?, provenance = ?"
                              + (mKind == SeriesKind::Carbon ? ", region = ?" : "") + " WHERE id = ?");
    update.bind(1, static_cast<std::int64_t>(interval)).bind(2, mMeta.source).bind(3, mMeta.unit);
    update.bind(4, mMeta.provenance);
    int next = 5;
    if (mKind == SeriesKind::Carbon)
        update.bind(next++, mMeta.region);
    update.bind(next, static_cast<std::int64_t>(mId)).run();
    return interval;
}

} // namespace cs
