#include "series_table.h"

#include "database.h"
#include "number_checks.h"
#include "result_export.h"
#include "row_reader.h"
#include "series_writer.h"
#include "statement.h"
#include "store_error.h"
#include "transaction.h"

namespace cs {

namespace {

const char *seriesTable(SeriesKind kind) { return kind == SeriesKind::Carbon ? "carbon_series" : "request_series"; }
const char *kindWord(SeriesKind kind) { return kind == SeriesKind::Carbon ? "carbon" : "request"; }

// A series is loaded whole into memory: refuse one larger than a scenario may hold (number_checks.h).
void refuseOversized(const std::string &path, const std::string &name, long long points)
{
    if (points > static_cast<long long>(limits::maxScenarioIntervals))
        throw StoreError(path + ": series \"" + name + "\" has " + std::to_string(points) + " points, more than the "
                         + std::to_string(limits::maxScenarioIntervals)
                         + " a scenario may hold in memory; import a shorter period or a coarser interval");
}

} // namespace

SeriesInfo SeriesTable::readInfo(const Statement &s, SeriesKind kind)
{
    SeriesInfo i;
    i.kind = kind;
    RowReader(s) >> i.id >> i.meta.name >> i.meta.region >> i.meta.source >> i.meta.unit >> i.meta.provenance
        >> i.meta.intervalSeconds >> i.createdAt >> i.points >> i.actualPoints >> i.forecastPoints >> i.first >> i.last;
    return i;
}

std::vector<SeriesInfo> SeriesTable::list(std::optional<SeriesKind> kind)
{
    std::vector<SeriesInfo> out;
    for (SeriesKind k : {SeriesKind::Carbon, SeriesKind::Requests}) {
        if (kind && *kind != k)
            continue;
        const bool carbon = k == SeriesKind::Carbon;
        const std::string sql = carbon
            ? "SELECT s.id, s.name, s.region, s.source, s.unit, s.provenance, s.interval_s, s.created_at, "
              "count(p.t), count(p.actual), count(p.forecast), min(p.t), max(p.t) FROM carbon_series s "
              "LEFT JOIN carbon_points p ON p.series_id = s.id GROUP BY s.id ORDER BY s.name"
            : "SELECT s.id, s.name, '', s.source, s.unit, s.provenance, s.interval_s, s.created_at, "
              "count(p.t), 0, 0, min(p.t), max(p.t) FROM request_series s "
              "LEFT JOIN request_points p ON p.series_id = s.id GROUP BY s.id ORDER BY s.name";
        Statement s = mDb.prepare(sql);
        while (s.step())
            out.push_back(readInfo(s, k));
    }
    return out;
}

bool SeriesTable::has(SeriesKind kind, const std::string &name)
{
    return mDb.idByName(seriesTable(kind), name).has_value();
}

SeriesInfo SeriesTable::info(SeriesKind kind, const std::string &name)
{
    for (SeriesInfo &info : list(kind))
        if (info.meta.name == name)
            return info;
    throw StoreError(mDb.path() + ": no " + kindWord(kind) + " series named \"" + name + "\"");
}

long long SeriesTable::id(SeriesKind kind, const std::string &name)
{
    const std::optional<long long> found = mDb.idByName(seriesTable(kind), name);
    if (!found)
        throw StoreError(mDb.path() + ": no " + kindWord(kind) + " series named \"" + name + "\"");
    return *found;
}

void SeriesTable::saveCarbon(const SeriesMeta &meta, const std::vector<CarbonPoint> &points, bool replace)
{
    Transaction tx(mDb);
    SeriesWriter writer(mDb, SeriesKind::Carbon, meta, replace);
    for (const CarbonPoint &p : points)
        writer.appendCarbon(p.time, p.actual, p.forecast);
    writer.finish();
    tx.commit();
}

void SeriesTable::saveCarbon(const TimeSeries &series, const std::string &region, bool replace)
{
    SeriesMeta meta{series.name, region, series.source, series.unit, series.source, series.intervalSeconds};
    std::vector<CarbonPoint> points;
    points.reserve(series.size());
    for (std::size_t i = 0; i < series.size(); ++i)
        points.push_back({series.times[i], series.values[i], std::nullopt});
    saveCarbon(meta, points, replace);
}

void SeriesTable::saveRequests(const TimeSeries &series, bool replace)
{
    Transaction tx(mDb);
    SeriesMeta meta{series.name, {}, series.source, series.unit, series.source, series.intervalSeconds};
    SeriesWriter writer(mDb, SeriesKind::Requests, meta, replace);
    for (std::size_t i = 0; i < series.size(); ++i)
        writer.appendCount(series.times[i], series.values[i]);
    writer.finish();
    tx.commit();
}

std::vector<CarbonPoint> SeriesTable::loadCarbonPoints(const std::string &name)
{
    const SeriesInfo series = info(SeriesKind::Carbon, name);
    refuseOversized(mDb.path(), name, series.points);
    Statement s = mDb.prepare("SELECT t, actual, forecast FROM carbon_points WHERE series_id = ? ORDER BY t");
    s.bind(1, static_cast<std::int64_t>(series.id));
    std::vector<CarbonPoint> out;
    while (s.step())
        out.push_back({s.columnInt64(0), s.columnOptionalDouble(1), s.columnOptionalDouble(2)});
    return out;
}

TimeSeries SeriesTable::loadValues(const SeriesInfo &series, const std::string &name, const std::string &pointsSql)
{
    refuseOversized(mDb.path(), series.meta.name, series.points);
    TimeSeries ts;
    ts.name = name;
    ts.unit = series.meta.unit;
    ts.source = series.meta.source.empty() ? series.meta.provenance : series.meta.source;
    ts.intervalSeconds = series.meta.intervalSeconds;
    Statement s = mDb.prepare(pointsSql);
    s.bind(1, static_cast<std::int64_t>(series.id));
    while (s.step()) {
        ts.times.push_back(s.columnInt64(0));
        ts.values.push_back(s.columnDouble(1));
    }
    return ts;
}

TimeSeries SeriesTable::loadCarbon(const std::string &name)
{
    const SeriesInfo series = info(SeriesKind::Carbon, name);
    const std::string column = series.actualPoints > 0 ? "actual" : "forecast";
    return loadValues(series, name,
                      "SELECT t, " + column + " FROM carbon_points WHERE series_id = ? AND " + column
                          + " IS NOT NULL ORDER BY t");
}

std::optional<TimeSeries> SeriesTable::loadCarbonForecast(const std::string &name)
{
    SeriesInfo series = info(SeriesKind::Carbon, name);
    if (series.forecastPoints == 0)
        return std::nullopt;
    series.meta.provenance = series.meta.source; // the forecast names its source as given, even where empty
    return loadValues(series, name + " (forecast)",
                      "SELECT t, forecast FROM carbon_points WHERE series_id = ? AND forecast IS NOT NULL ORDER BY t");
}

TimeSeries SeriesTable::loadRequests(const std::string &name)
{
    return loadValues(info(SeriesKind::Requests, name), name,
                      "SELECT t, count FROM request_points WHERE series_id = ? ORDER BY t");
}

void SeriesTable::remove(SeriesKind kind, const std::string &name)
{
    const long long seriesId = id(kind, name);
    Statement used = mDb.prepare(std::string("SELECT name FROM scenarios WHERE ")
                                 + (kind == SeriesKind::Carbon ? "carbon_series_id" : "request_series_id") + " = ?");
    used.bind(1, static_cast<std::int64_t>(seriesId));
    if (used.step())
        throw StoreError(mDb.path() + ": series \"" + name + "\" is used by scenario \"" + used.columnText(0) + "\"");
    Transaction tx(mDb);
    Statement del = mDb.prepare(std::string("DELETE FROM ") + seriesTable(kind) + " WHERE id = ?");
    del.bind(1, static_cast<std::int64_t>(seriesId)).run();
    tx.commit();
}

void SeriesTable::exportCsv(SeriesKind kind, const std::string &name, std::ostream &out)
{
    const long long seriesId = id(kind, name);
    if (kind == SeriesKind::Carbon) {
        Statement s = mDb.prepare("SELECT t, actual, forecast FROM carbon_points WHERE series_id = ? ORDER BY t");
        s.bind(1, static_cast<std::int64_t>(seriesId));
        out << "time_utc,actual,forecast\n";
        while (s.step()) {
            out << formatUtcTime(s.columnInt64(0)) << ',';
            if (!s.isNull(1)) out << plainDecimal(s.columnDouble(1));
            out << ',';
            if (!s.isNull(2)) out << plainDecimal(s.columnDouble(2));
            out << '\n';
        }
    } else {
        Statement s = mDb.prepare("SELECT t, count FROM request_points WHERE series_id = ? ORDER BY t");
        s.bind(1, static_cast<std::int64_t>(seriesId));
        out << "time_utc,requests\n";
        while (s.step())
            out << formatUtcTime(s.columnInt64(0)) << ',' << plainDecimal(s.columnDouble(1)) << '\n';
    }
}

} // namespace cs
