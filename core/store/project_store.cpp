#include "project_store.h"

#include "number_checks.h"

#include "new_project_file.h"
#include "result_export.h"
#include "schema.h"
#include "series_writer.h"
#include "statement.h"
#include "store_error.h"
#include "transaction.h"

#include <cstring>
#include <filesystem>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>
#include <limits>

namespace cs {

namespace {

const char *seriesTable(SeriesKind kind) { return kind == SeriesKind::Carbon ? "carbon_series" : "request_series"; }
const char *kindWord(SeriesKind kind) { return kind == SeriesKind::Carbon ? "carbon" : "request"; }

// Looks at the first bytes before SQLite touches the file: a text file or an image is refused here.
bool hasSqliteMagic(const std::string &path, std::uintmax_t size)
{
    static const char magic[] = "SQLite format 3";
    if (size < 100)
        return false;
    std::ifstream in(std::filesystem::path(path), std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    return in && std::memcmp(head, magic, sizeof magic) == 0;
}

// Write permission is missing (also for root, who could write anyway: a file marked read-only is kept so).
bool isWriteProtected(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return false;
    return ::access(path.c_str(), W_OK) != 0 || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0;
}

// SQLite could not open what it needs beside the file (a WAL project in a read-only folder), or met a lock.
bool cannotReadHere(const Database &db)
{
    const int code = sqlite3_errcode(db.handle());
    return code == SQLITE_CANTOPEN || code == SQLITE_READONLY || code == SQLITE_PERM || code == SQLITE_BUSY
           || code == SQLITE_LOCKED;
}

} // namespace

ProjectStore::ProjectStore(Database db)
    : mDb(std::move(db))
{}

ProjectStore ProjectStore::open(const std::string &path, OpenMode mode)
{
    namespace fs = std::filesystem;
    const bool readOnly = mode == OpenMode::ReadOnly;
    // A new project appears whole or not at all (NewProjectFile); where another process made it meanwhile, that
    // one is opened below.
    if (mode == OpenMode::CreateIfMissing)
        NewProjectFile::create(path);
    std::error_code ec;
    const fs::path fsPath(path);
    const bool exists = fs::exists(fsPath, ec);
    const bool inMemory = path == ":memory:";
    if (!exists && !inMemory)
        throw StoreError(path + ": no such project file");
    std::uintmax_t size = 0;
    if (exists) {
        if (fs::is_directory(fsPath, ec))
            throw StoreError(path + ": is a folder, not a CarbonScope project file");
        size = fs::file_size(fsPath, ec);
        // Only a new project is made in an empty file; reading, or opening one that must exist, leaves it be.
        if (size == 0 && mode != OpenMode::CreateIfMissing)
            throw StoreError(path + ": empty file, not a CarbonScope project; left unchanged");
        if (size > 0 && !hasSqliteMagic(path, size))
            throw StoreError(path + ": not a CarbonScope project (not an SQLite database); left unchanged");
        if (!readOnly && isWriteProtected(path))
            throw StoreError(path + ": is read-only (no permission to write it); it can be opened for viewing, "
                                    "and changes need a writable copy. Left unchanged");
    }

    Database db(path, readOnly ? Database::Mode::ReadOnly
                               : inMemory ? Database::Mode::ReadWriteCreate : Database::Mode::ReadWrite);
    long long version = 0;
    if (size > 0) {
        // Only reads until the file is known to be ours, current or older, and sound.
        long long appId = 0, tables = 0;
        try {
            appId = db.scalar("PRAGMA application_id");
            tables = db.scalar("SELECT count(*) FROM sqlite_schema");
            version = db.scalar("PRAGMA user_version");
        } catch (const StoreError &e) {
            if (cannotReadHere(db))
                throw StoreError(path + ": cannot be read here: " + e.what()
                                 + " (a read-only folder, or the file locked by another program?); left unchanged");
            throw StoreError(path + ": not a readable CarbonScope project (corrupt?): " + e.what()
                             + "; left unchanged");
        }
        if (appId != Schema::applicationId && !(appId == 0 && tables == 0))
            throw StoreError(path + ": an SQLite database of another program (application_id "
                             + std::to_string(appId) + "), not a CarbonScope project; left unchanged");
        if (version > Schema::currentVersion)
            throw StoreError(path + ": made by a newer CarbonScope (schema version " + std::to_string(version)
                             + ", this program knows up to " + std::to_string(Schema::currentVersion)
                             + "); update CarbonScope to open it. Left unchanged");
        if (readOnly && tables == 0)
            throw StoreError(path + ": an empty database, not a CarbonScope project yet; left unchanged");
        if (readOnly && version < Schema::currentVersion)
            throw StoreError(path + ": needs upgrading: open it in CarbonScope or run import (schema version "
                             + std::to_string(version) + ", this program's is "
                             + std::to_string(Schema::currentVersion) + "); left unchanged");
        std::string check;
        try {
            Statement s = db.prepare("PRAGMA quick_check");
            check = s.step() ? s.columnText(0) : std::string("no answer");
        } catch (const StoreError &e) {
            check = e.what();
        }
        if (check != "ok")
            throw StoreError(path + ": the project file is corrupt (" + check + "); left unchanged");
    }
    db.exec("PRAGMA foreign_keys = ON");
    if (readOnly) {
        db.exec("PRAGMA query_only = ON"); // a second guard: no statement on this connection may write
        return ProjectStore(std::move(db));
    }
    db.exec("PRAGMA journal_mode = WAL");
    // NORMAL is durable across a crash of the program in WAL mode; only a power cut may lose the last commit.
    db.exec("PRAGMA synchronous = NORMAL");
    Schema::migrate(db);
    return ProjectStore(std::move(db));
}

int ProjectStore::schemaVersion()
{
    return static_cast<int>(mDb.scalar("PRAGMA user_version"));
}

// --- series ---------------------------------------------------------------------------------------------------

std::vector<SeriesInfo> ProjectStore::listSeries(std::optional<SeriesKind> kind)
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
        while (s.step()) {
            SeriesInfo info;
            info.id = s.columnInt64(0);
            info.kind = k;
            info.meta.name = s.columnText(1);
            info.meta.region = s.columnText(2);
            info.meta.source = s.columnText(3);
            info.meta.unit = s.columnText(4);
            info.meta.provenance = s.columnText(5);
            info.meta.intervalSeconds = s.columnInt64(6);
            info.createdAt = s.columnText(7);
            info.points = s.columnInt64(8);
            info.actualPoints = s.columnInt64(9);
            info.forecastPoints = s.columnInt64(10);
            info.first = s.columnInt64(11);
            info.last = s.columnInt64(12);
            out.push_back(std::move(info));
        }
    }
    return out;
}

bool ProjectStore::hasSeries(SeriesKind kind, const std::string &name)
{
    Statement s = mDb.prepare(std::string("SELECT 1 FROM ") + seriesTable(kind) + " WHERE name = ?");
    s.bind(1, name);
    return s.step();
}

SeriesInfo ProjectStore::seriesInfo(SeriesKind kind, const std::string &name)
{
    for (SeriesInfo &info : listSeries(kind))
        if (info.meta.name == name)
            return info;
    throw StoreError(path() + ": no " + kindWord(kind) + " series named \"" + name + "\"");
}

long long ProjectStore::seriesId(SeriesKind kind, const std::string &name)
{
    Statement s = mDb.prepare(std::string("SELECT id FROM ") + seriesTable(kind) + " WHERE name = ?");
    s.bind(1, name);
    if (!s.step())
        throw StoreError(path() + ": no " + kindWord(kind) + " series named \"" + name + "\"");
    return s.columnInt64(0);
}

void ProjectStore::saveCarbonSeries(const SeriesMeta &meta, const std::vector<CarbonPoint> &points, bool replace)
{
    Transaction tx(mDb);
    SeriesWriter writer(mDb, SeriesKind::Carbon, meta, replace);
    for (const CarbonPoint &p : points)
        writer.appendCarbon(p.time, p.actual, p.forecast);
    writer.finish();
    tx.commit();
}

void ProjectStore::saveCarbonSeries(const TimeSeries &series, const std::string &region, bool replace)
{
    SeriesMeta meta{series.name, region, series.source, series.unit, series.source, series.intervalSeconds};
    std::vector<CarbonPoint> points;
    points.reserve(series.size());
    for (std::size_t i = 0; i < series.size(); ++i)
        points.push_back({series.times[i], series.values[i], std::nullopt});
    saveCarbonSeries(meta, points, replace);
}

void ProjectStore::saveRequestSeries(const TimeSeries &series, bool replace)
{
    Transaction tx(mDb);
    SeriesMeta meta{series.name, {}, series.source, series.unit, series.source, series.intervalSeconds};
    SeriesWriter writer(mDb, SeriesKind::Requests, meta, replace);
    for (std::size_t i = 0; i < series.size(); ++i)
        writer.appendCount(series.times[i], series.values[i]);
    writer.finish();
    tx.commit();
}

namespace {
// A series is loaded whole into memory: refuse one larger than a scenario may hold (number_checks.h).
void refuseOversized(const std::string &path, const std::string &name, long long points)
{
    if (points > static_cast<long long>(limits::maxScenarioIntervals))
        throw StoreError(path + ": series \"" + name + "\" has " + std::to_string(points) + " points, more than the "
                         + std::to_string(limits::maxScenarioIntervals)
                         + " a scenario may hold in memory; import a shorter period or a coarser interval");
}
} // namespace

std::vector<CarbonPoint> ProjectStore::loadCarbonPoints(const std::string &name)
{
    const SeriesInfo info = seriesInfo(SeriesKind::Carbon, name);
    refuseOversized(path(), name, info.points);
    const long long id = info.id;
    Statement s = mDb.prepare("SELECT t, actual, forecast FROM carbon_points WHERE series_id = ? ORDER BY t");
    s.bind(1, static_cast<std::int64_t>(id));
    std::vector<CarbonPoint> out;
    while (s.step())
        out.push_back({s.columnInt64(0), s.columnOptionalDouble(1), s.columnOptionalDouble(2)});
    return out;
}

TimeSeries ProjectStore::loadCarbonSeries(const std::string &name)
{
    const SeriesInfo info = seriesInfo(SeriesKind::Carbon, name);
    refuseOversized(path(), name, info.points);
    const bool actual = info.actualPoints > 0;
    TimeSeries ts;
    ts.name = name;
    ts.unit = info.meta.unit;
    ts.source = info.meta.source.empty() ? info.meta.provenance : info.meta.source;
    ts.intervalSeconds = info.meta.intervalSeconds;
    Statement s = mDb.prepare(std::string("SELECT t, ") + (actual ? "actual" : "forecast")
                              + " FROM carbon_points WHERE series_id = ? AND " + (actual ? "actual" : "forecast")
                              + " IS NOT NULL ORDER BY t");
    s.bind(1, static_cast<std::int64_t>(info.id));
    while (s.step()) {
        ts.times.push_back(s.columnInt64(0));
        ts.values.push_back(s.columnDouble(1));
    }
    return ts;
}

std::optional<TimeSeries> ProjectStore::loadCarbonForecast(const std::string &name)
{
    const SeriesInfo info = seriesInfo(SeriesKind::Carbon, name);
    if (info.forecastPoints == 0)
        return std::nullopt;
    refuseOversized(path(), name, info.points);
    TimeSeries ts;
    ts.name = name + " (forecast)";
    ts.unit = info.meta.unit;
    ts.source = info.meta.source;
    ts.intervalSeconds = info.meta.intervalSeconds;
    Statement s = mDb.prepare(
        "SELECT t, forecast FROM carbon_points WHERE series_id = ? AND forecast IS NOT NULL ORDER BY t");
    s.bind(1, static_cast<std::int64_t>(info.id));
    while (s.step()) {
        ts.times.push_back(s.columnInt64(0));
        ts.values.push_back(s.columnDouble(1));
    }
    return ts;
}

TimeSeries ProjectStore::loadRequestSeries(const std::string &name)
{
    const SeriesInfo info = seriesInfo(SeriesKind::Requests, name);
    refuseOversized(path(), name, info.points);
    TimeSeries ts;
    ts.name = name;
    ts.unit = info.meta.unit;
    ts.source = info.meta.source.empty() ? info.meta.provenance : info.meta.source;
    ts.intervalSeconds = info.meta.intervalSeconds;
    Statement s = mDb.prepare("SELECT t, count FROM request_points WHERE series_id = ? ORDER BY t");
    s.bind(1, static_cast<std::int64_t>(info.id));
    while (s.step()) {
        ts.times.push_back(s.columnInt64(0));
        ts.values.push_back(s.columnDouble(1));
    }
    return ts;
}

void ProjectStore::removeSeries(SeriesKind kind, const std::string &name)
{
    const long long id = seriesId(kind, name);
    Statement used = mDb.prepare(std::string("SELECT name FROM scenarios WHERE ")
                                 + (kind == SeriesKind::Carbon ? "carbon_series_id" : "request_series_id") + " = ?");
    used.bind(1, static_cast<std::int64_t>(id));
    if (used.step())
        throw StoreError(path() + ": series \"" + name + "\" is used by scenario \"" + used.columnText(0) + "\"");
    Transaction tx(mDb);
    Statement del = mDb.prepare(std::string("DELETE FROM ") + seriesTable(kind) + " WHERE id = ?");
    del.bind(1, static_cast<std::int64_t>(id)).run();
    tx.commit();
}

// --- pools ----------------------------------------------------------------------------------------------------

long long ProjectStore::poolId(const std::string &name)
{
    Statement s = mDb.prepare("SELECT id FROM pools WHERE name = ?");
    s.bind(1, name);
    if (!s.step())
        throw StoreError(path() + ": no model pool named \"" + name + "\"");
    return s.columnInt64(0);
}

void ProjectStore::savePool(const ModelPool &pool, bool replace)
{
    pool.validate();
    Transaction tx(mDb);
    long long id = 0;
    Statement find = mDb.prepare("SELECT id FROM pools WHERE name = ?");
    find.bind(1, pool.name);
    if (find.step()) {
        if (!replace)
            throw StoreError(path() + ": a model pool named \"" + pool.name + "\" exists already");
        id = find.columnInt64(0);
        Statement clear = mDb.prepare("DELETE FROM models WHERE pool_id = ?");
        clear.bind(1, static_cast<std::int64_t>(id)).run();
    } else {
        Statement insert = mDb.prepare("INSERT INTO pools (name) VALUES (?)");
        insert.bind(1, pool.name).run();
        id = mDb.lastInsertId();
    }
    Statement model = mDb.prepare("INSERT INTO models (pool_id, position, name, energy_mj, error_pct, latency_ms, "
                                  "throughput_per_s, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (int i = 0; i < pool.size(); ++i) {
        const Model &m = pool.at(i);
        model.bind(1, static_cast<std::int64_t>(id)).bind(2, i).bind(3, m.name).bind(4, m.energyMj);
        model.bind(5, m.errorPct).bind(6, m.latencyMs).bind(7, m.throughputPerS).bind(8, m.source);
        model.run();
    }
    tx.commit();
}

ModelPool ProjectStore::loadPool(const std::string &name)
{
    const long long id = poolId(name);
    ModelPool pool;
    pool.name = name;
    Statement s = mDb.prepare("SELECT name, energy_mj, error_pct, latency_ms, throughput_per_s, source FROM models "
                              "WHERE pool_id = ? ORDER BY position");
    s.bind(1, static_cast<std::int64_t>(id));
    while (s.step()) {
        Model m;
        m.name = s.columnText(0);
        m.energyMj = s.columnDouble(1);
        m.errorPct = s.columnDouble(2);
        m.latencyMs = s.columnOptionalDouble(3);
        m.throughputPerS = s.columnOptionalDouble(4);
        m.source = s.columnText(5);
        pool.models.push_back(std::move(m));
    }
    return pool;
}

std::vector<std::string> ProjectStore::listPools()
{
    std::vector<std::string> out;
    Statement s = mDb.prepare("SELECT name FROM pools ORDER BY name");
    while (s.step())
        out.push_back(s.columnText(0));
    return out;
}

// --- scenarios ------------------------------------------------------------------------------------------------

void ProjectStore::saveScenario(const ScenarioSpec &spec, bool replace)
{
    if (spec.name.empty())
        throw StoreError("a scenario needs a name");
    if (spec.from && spec.to && *spec.from >= *spec.to)
        throw StoreError("scenario \"" + spec.name + "\": its period must start before it ends");
    Transaction tx(mDb);
    const long long carbon = seriesId(SeriesKind::Carbon, spec.carbonSeries);
    const long long pool = poolId(spec.pool);
    Statement find = mDb.prepare("SELECT id FROM scenarios WHERE name = ?");
    find.bind(1, spec.name);
    const bool exists = find.step();
    if (exists && !replace)
        throw StoreError(path() + ": a scenario named \"" + spec.name + "\" exists already");
    Statement s = mDb.prepare(exists
        ? "UPDATE scenarios SET carbon_series_id = ?, request_series_id = ?, pool_id = ?, from_t = ?, to_t = ? "
          "WHERE name = ?"
        : "INSERT INTO scenarios (carbon_series_id, request_series_id, pool_id, from_t, to_t, name) "
          "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, static_cast<std::int64_t>(carbon));
    if (spec.requestSeries.empty())
        s.bindNull(2);
    else
        s.bind(2, static_cast<std::int64_t>(seriesId(SeriesKind::Requests, spec.requestSeries)));
    s.bind(3, static_cast<std::int64_t>(pool));
    if (spec.from) s.bind(4, static_cast<std::int64_t>(*spec.from)); else s.bindNull(4);
    if (spec.to) s.bind(5, static_cast<std::int64_t>(*spec.to)); else s.bindNull(5);
    s.bind(6, spec.name).run();
    tx.commit();
}

static const char *scenarioSelect =
    "SELECT sc.name, c.name, r.name, p.name, sc.from_t, sc.to_t FROM scenarios sc "
    "JOIN carbon_series c ON c.id = sc.carbon_series_id LEFT JOIN request_series r ON r.id = sc.request_series_id "
    "JOIN pools p ON p.id = sc.pool_id";

static ScenarioSpec readSpec(const Statement &s)
{
    ScenarioSpec spec;
    spec.name = s.columnText(0);
    spec.carbonSeries = s.columnText(1);
    spec.requestSeries = s.columnText(2);
    spec.pool = s.columnText(3);
    if (!s.isNull(4)) spec.from = s.columnInt64(4);
    if (!s.isNull(5)) spec.to = s.columnInt64(5);
    return spec;
}

ScenarioSpec ProjectStore::scenarioSpec(const std::string &name)
{
    Statement s = mDb.prepare(std::string(scenarioSelect) + " WHERE sc.name = ?");
    s.bind(1, name);
    if (!s.step())
        throw StoreError(path() + ": no scenario named \"" + name + "\"");
    return readSpec(s);
}

std::vector<ScenarioSpec> ProjectStore::listScenarios()
{
    std::vector<ScenarioSpec> out;
    Statement s = mDb.prepare(std::string(scenarioSelect) + " ORDER BY sc.name");
    while (s.step())
        out.push_back(readSpec(s));
    return out;
}

Scenario ProjectStore::loadScenario(const std::string &name)
{
    const ScenarioSpec spec = scenarioSpec(name);
    const TimeSeries carbon = loadCarbonSeries(spec.carbonSeries);
    std::optional<TimeSeries> requests;
    if (!spec.requestSeries.empty())
        requests = loadRequestSeries(spec.requestSeries);
    // The forecast joins only where the intensity is the actual: a forecast-only series is its own forecast.
    std::optional<TimeSeries> forecast;
    if (seriesInfo(SeriesKind::Carbon, spec.carbonSeries).actualPoints > 0)
        forecast = loadCarbonForecast(spec.carbonSeries);
    Scenario scenario = alignTraces(carbon, requests, forecast);
    if (spec.from || spec.to)
        scenario = sliceScenario(scenario, spec.from.value_or(std::numeric_limits<UtcSeconds>::min()),
                                 spec.to.value_or(std::numeric_limits<UtcSeconds>::max()));
    scenario.name = spec.name;
    return scenario;
}

// --- runs -----------------------------------------------------------------------------------------------------

long long ProjectStore::saveRun(const std::string &scenarioName, const Scenario &scenario, const ModelPool &pool,
                                const SimulationResult &result)
{
    Transaction tx(mDb);
    std::optional<long long> scenarioId;
    {
        Statement find = mDb.prepare("SELECT id FROM scenarios WHERE name = ?");
        find.bind(1, scenarioName);
        if (find.step())
            scenarioId = find.columnInt64(0);
    }
    Statement run = mDb.prepare("INSERT INTO runs (scenario_id, scenario_name, pool_name, policy_spec, policy_label, "
                                "co2_g, energy_kwh, error_pct, requests, intervals) VALUES (?,?,?,?,?,?,?,?,?,?)");
    if (scenarioId) run.bind(1, static_cast<std::int64_t>(*scenarioId)); else run.bindNull(1);
    run.bind(2, scenarioName).bind(3, pool.name).bind(4, result.policySpec).bind(5, result.policyLabel);
    run.bind(6, result.totals.co2G).bind(7, result.totals.energyKwh).bind(8, result.totals.errorPct);
    run.bind(9, result.totals.requests).bind(10, static_cast<std::int64_t>(result.totals.intervals)).run();
    const long long id = mDb.lastInsertId();
    Statement row = mDb.prepare("INSERT INTO run_intervals (run_id, idx, t, intensity, requests, model, energy_kwh, "
                                "co2_g, cumulative_co2_g, error_pct) VALUES (?,?,?,?,?,?,?,?,?,?)");
    const IntervalResults &r = result.intervals;
    for (std::size_t i = 0; i < scenario.size() && i < r.model.size(); ++i) {
        const int m = r.model[i];
        row.bind(1, static_cast<std::int64_t>(id)).bind(2, static_cast<std::int64_t>(i));
        row.bind(3, static_cast<std::int64_t>(scenario.times[i])).bind(4, scenario.intensity[i]);
        row.bind(5, scenario.requests[i]).bind(6, m >= 0 && m < pool.size() ? pool.at(m).name : std::string());
        row.bind(7, r.energyKwh[i]).bind(8, r.co2G[i]).bind(9, r.cumulativeCo2G[i]).bind(10, r.errorPct[i]);
        row.run();
    }
    tx.commit();
    return id;
}

std::vector<RunInfo> ProjectStore::listRuns()
{
    std::vector<RunInfo> out;
    Statement s = mDb.prepare("SELECT id, scenario_name, pool_name, policy_spec, policy_label, created_at, co2_g, "
                              "energy_kwh, error_pct, requests, intervals FROM runs ORDER BY id");
    while (s.step()) {
        RunInfo r;
        r.id = s.columnInt64(0);
        r.scenario = s.columnText(1);
        r.pool = s.columnText(2);
        r.policySpec = s.columnText(3);
        r.policyLabel = s.columnText(4);
        r.createdAt = s.columnText(5);
        r.co2G = s.columnDouble(6);
        r.energyKwh = s.columnDouble(7);
        r.errorPct = s.columnDouble(8);
        r.requests = s.columnDouble(9);
        r.intervals = s.columnInt64(10);
        out.push_back(std::move(r));
    }
    return out;
}

void ProjectStore::exportRunCsv(long long runId, std::ostream &out)
{
    Statement exists = mDb.prepare("SELECT 1 FROM runs WHERE id = ?");
    exists.bind(1, static_cast<std::int64_t>(runId));
    if (!exists.step())
        throw StoreError(path() + ": no run with id " + std::to_string(runId));
    Statement s = mDb.prepare("SELECT t, intensity, requests, model, energy_kwh, co2_g, cumulative_co2_g, error_pct "
                              "FROM run_intervals WHERE run_id = ? ORDER BY idx");
    s.bind(1, static_cast<std::int64_t>(runId));
    out << "time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct\n";
    while (s.step()) {
        out << formatUtcTime(s.columnInt64(0)) << ',' << plainDecimal(s.columnDouble(1)) << ','
            << plainDecimal(s.columnDouble(2)) << ',' << s.columnText(3) << ',' << plainDecimal(s.columnDouble(4))
            << ',' << plainDecimal(s.columnDouble(5)) << ',' << plainDecimal(s.columnDouble(6)) << ','
            << plainDecimal(s.columnDouble(7)) << '\n';
    }
}

void ProjectStore::exportSeriesCsv(SeriesKind kind, const std::string &name, std::ostream &out)
{
    const long long id = seriesId(kind, name);
    if (kind == SeriesKind::Carbon) {
        Statement s = mDb.prepare("SELECT t, actual, forecast FROM carbon_points WHERE series_id = ? ORDER BY t");
        s.bind(1, static_cast<std::int64_t>(id));
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
        s.bind(1, static_cast<std::int64_t>(id));
        out << "time_utc,requests\n";
        while (s.step())
            out << formatUtcTime(s.columnInt64(0)) << ',' << plainDecimal(s.columnDouble(1)) << '\n';
    }
}

// --- live sessions --------------------------------------------------------------------------------------------

long long ProjectStore::beginLiveSession(const LiveSessionInfo &info)
{
    Statement s = mDb.prepare("INSERT INTO live_sessions (label, device, policy_spec, pool_name, carbon_source, "
                              "interval_s) VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, info.label).bind(2, info.device).bind(3, info.policySpec).bind(4, info.poolName);
    s.bind(5, info.carbonSource).bind(6, static_cast<std::int64_t>(info.intervalSeconds)).run();
    return mDb.lastInsertId();
}

void ProjectStore::appendLiveInterval(long long sessionId, const LiveInterval &row)
{
    // Autocommit: the row is durable and visible to readers when this returns.
    Statement s = mDb.prepare(
        "INSERT INTO live_intervals (session_id, idx, t, intensity, model, served, dropped, energy_j, co2_g, "
        "latency_p50_ms, latency_p99_ms, mean_power_w, predicted_co2_g) VALUES (?, "
        "(SELECT count(*) FROM live_intervals WHERE session_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, static_cast<std::int64_t>(sessionId)).bind(2, static_cast<std::int64_t>(sessionId));
    s.bind(3, static_cast<std::int64_t>(row.time)).bind(4, row.intensity).bind(5, row.model);
    s.bind(6, row.served).bind(7, row.dropped).bind(8, row.energyJ).bind(9, row.co2G);
    s.bind(10, row.latencyP50Ms).bind(11, row.latencyP99Ms).bind(12, row.meanPowerW).bind(13, row.predictedCo2G);
    s.run();
}

void ProjectStore::endLiveSession(long long sessionId)
{
    Statement s = mDb.prepare(
        "UPDATE live_sessions SET ended_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
    s.bind(1, static_cast<std::int64_t>(sessionId)).run();
}

static const char *liveSelect = "SELECT id, label, device, policy_spec, pool_name, carbon_source, interval_s, "
                                "started_at, coalesce(ended_at, '') FROM live_sessions";

static LiveSessionInfo readLiveInfo(const Statement &s)
{
    LiveSessionInfo info;
    info.id = s.columnInt64(0);
    info.label = s.columnText(1);
    info.device = s.columnText(2);
    info.policySpec = s.columnText(3);
    info.poolName = s.columnText(4);
    info.carbonSource = s.columnText(5);
    info.intervalSeconds = s.columnInt64(6);
    info.startedAt = s.columnText(7);
    info.endedAt = s.columnText(8);
    return info;
}

std::vector<LiveSessionInfo> ProjectStore::listLiveSessions()
{
    std::vector<LiveSessionInfo> out;
    Statement s = mDb.prepare(std::string(liveSelect) + " ORDER BY id");
    while (s.step())
        out.push_back(readLiveInfo(s));
    return out;
}

LiveSession ProjectStore::loadLiveSession(long long sessionId, long long afterIndex)
{
    LiveSession session;
    {
        Statement s = mDb.prepare(std::string(liveSelect) + " WHERE id = ?");
        s.bind(1, static_cast<std::int64_t>(sessionId));
        if (!s.step())
            throw StoreError(path() + ": no live session with id " + std::to_string(sessionId));
        session.info = readLiveInfo(s);
    }
    Statement s = mDb.prepare("SELECT t, intensity, model, served, dropped, energy_j, co2_g, latency_p50_ms, "
                              "latency_p99_ms, mean_power_w, predicted_co2_g FROM live_intervals "
                              "WHERE session_id = ? AND idx >= ? ORDER BY idx");
    s.bind(1, static_cast<std::int64_t>(sessionId)).bind(2, static_cast<std::int64_t>(afterIndex));
    while (s.step()) {
        LiveInterval r;
        r.time = s.columnInt64(0);
        r.intensity = s.columnDouble(1);
        r.model = s.columnText(2);
        r.served = s.columnInt64(3);
        r.dropped = s.columnInt64(4);
        r.energyJ = s.columnOptionalDouble(5);
        r.co2G = s.columnOptionalDouble(6);
        r.latencyP50Ms = s.columnOptionalDouble(7);
        r.latencyP99Ms = s.columnOptionalDouble(8);
        r.meanPowerW = s.columnOptionalDouble(9);
        r.predictedCo2G = s.columnOptionalDouble(10);
        session.intervals.push_back(std::move(r));
    }
    return session;
}

} // namespace cs
