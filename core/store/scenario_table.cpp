#include "scenario_table.h"

#include "database.h"
#include "pool_table.h"
#include "row_reader.h"
#include "series_table.h"
#include "statement.h"
#include "store_error.h"
#include "transaction.h"

#include <limits>

namespace cs {

namespace {

const char *specSelect =
    "SELECT sc.name, c.name, r.name, p.name, sc.from_t, sc.to_t FROM scenarios sc "
    "JOIN carbon_series c ON c.id = sc.carbon_series_id LEFT JOIN request_series r ON r.id = sc.request_series_id "
    "JOIN pools p ON p.id = sc.pool_id";

} // namespace

void ScenarioTable::save(const ScenarioSpec &spec, bool replace)
{
    if (spec.name.empty())
        throw StoreError("a scenario needs a name");
    if (spec.from && spec.to && *spec.from >= *spec.to)
        throw StoreError("scenario \"" + spec.name + "\": its period must start before it ends");
    Transaction tx(mDb);
    SeriesTable series(mDb);
    const long long carbon = series.id(SeriesKind::Carbon, spec.carbonSeries);
    const long long pool = PoolTable(mDb).id(spec.pool);
    const bool exists = mDb.idByName("scenarios", spec.name).has_value();
    if (exists && !replace)
        throw StoreError(mDb.path() + ": a scenario named \"" + spec.name + "\" exists already");
    Statement s = mDb.prepare(exists
        ? "UPDATE scenarios SET carbon_series_id = ?, request_series_id = ?, pool_id = ?, from_t = ?, to_t = ? "
          "WHERE name = ?"
        : "INSERT INTO scenarios (carbon_series_id, request_series_id, pool_id, from_t, to_t, name) "
          "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, static_cast<std::int64_t>(carbon));
    if (spec.requestSeries.empty())
        s.bindNull(2);
    else
        s.bind(2, static_cast<std::int64_t>(series.id(SeriesKind::Requests, spec.requestSeries)));
    s.bind(3, static_cast<std::int64_t>(pool));
    if (spec.from) s.bind(4, static_cast<std::int64_t>(*spec.from)); else s.bindNull(4);
    if (spec.to) s.bind(5, static_cast<std::int64_t>(*spec.to)); else s.bindNull(5);
    s.bind(6, spec.name).run();
    tx.commit();
}

ScenarioSpec ScenarioTable::readSpec(const Statement &s)
{
    ScenarioSpec spec;
    RowReader(s) >> spec.name >> spec.carbonSeries >> spec.requestSeries >> spec.pool >> spec.from >> spec.to;
    return spec;
}

ScenarioSpec ScenarioTable::spec(const std::string &name)
{
    Statement s = mDb.prepare(std::string(specSelect) + " WHERE sc.name = ?");
    s.bind(1, name);
    if (!s.step())
        throw StoreError(mDb.path() + ": no scenario named \"" + name + "\"");
    return readSpec(s);
}

std::vector<ScenarioSpec> ScenarioTable::list()
{
    Statement s = mDb.prepare(std::string(specSelect) + " ORDER BY sc.name");
    return readRows(s, readSpec);
}

Scenario ScenarioTable::load(const std::string &name)
{
    const ScenarioSpec named = spec(name);
    SeriesTable series(mDb);
    const TimeSeries carbon = series.loadCarbon(named.carbonSeries);
    std::optional<TimeSeries> requests;
    if (!named.requestSeries.empty())
        requests = series.loadRequests(named.requestSeries);
    // The forecast joins only where the intensity is the actual: a forecast-only series is its own forecast.
    std::optional<TimeSeries> forecast;
    if (series.info(SeriesKind::Carbon, named.carbonSeries).actualPoints > 0)
        forecast = series.loadCarbonForecast(named.carbonSeries);
    Scenario scenario = alignTraces(carbon, requests, forecast);
    if (named.from || named.to)
        scenario = sliceScenario(scenario, named.from.value_or(std::numeric_limits<UtcSeconds>::min()),
                                 named.to.value_or(std::numeric_limits<UtcSeconds>::max()));
    scenario.name = named.name;
    return scenario;
}

} // namespace cs
