#include "project_store.h"

#include "live_session_table.h"
#include "new_project_file.h"
#include "pool_table.h"
#include "run_table.h"
#include "scenario_table.h"
#include "schema.h"
#include "series_table.h"
#include "statement.h"
#include "store_error.h"

#include <cstring>
#include <filesystem>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fstream>

namespace cs {

namespace {

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

// Each table's work is done by its part (series_table.h, pool_table.h, scenario_table.h, run_table.h,
// live_session_table.h); ProjectStore keeps one connection and the API its callers know.

std::vector<SeriesInfo> ProjectStore::listSeries(std::optional<SeriesKind> kind) { return SeriesTable(mDb).list(kind); }
bool ProjectStore::hasSeries(SeriesKind kind, const std::string &name) { return SeriesTable(mDb).has(kind, name); }
SeriesInfo ProjectStore::seriesInfo(SeriesKind kind, const std::string &name)
{
    return SeriesTable(mDb).info(kind, name);
}
void ProjectStore::saveCarbonSeries(const SeriesMeta &meta, const std::vector<CarbonPoint> &points, bool replace)
{
    SeriesTable(mDb).saveCarbon(meta, points, replace);
}
void ProjectStore::saveCarbonSeries(const TimeSeries &series, const std::string &region, bool replace)
{
    SeriesTable(mDb).saveCarbon(series, region, replace);
}
void ProjectStore::saveRequestSeries(const TimeSeries &series, bool replace)
{
    SeriesTable(mDb).saveRequests(series, replace);
}
TimeSeries ProjectStore::loadCarbonSeries(const std::string &name) { return SeriesTable(mDb).loadCarbon(name); }
std::optional<TimeSeries> ProjectStore::loadCarbonForecast(const std::string &name)
{
    return SeriesTable(mDb).loadCarbonForecast(name);
}
std::vector<CarbonPoint> ProjectStore::loadCarbonPoints(const std::string &name)
{
    return SeriesTable(mDb).loadCarbonPoints(name);
}
TimeSeries ProjectStore::loadRequestSeries(const std::string &name) { return SeriesTable(mDb).loadRequests(name); }
void ProjectStore::removeSeries(SeriesKind kind, const std::string &name) { SeriesTable(mDb).remove(kind, name); }
void ProjectStore::exportSeriesCsv(SeriesKind kind, const std::string &name, std::ostream &out)
{
    SeriesTable(mDb).exportCsv(kind, name, out);
}

void ProjectStore::savePool(const ModelPool &pool, bool replace) { PoolTable(mDb).save(pool, replace); }
ModelPool ProjectStore::loadPool(const std::string &name) { return PoolTable(mDb).load(name); }
std::vector<std::string> ProjectStore::listPools() { return PoolTable(mDb).list(); }

void ProjectStore::saveScenario(const ScenarioSpec &spec, bool replace) { ScenarioTable(mDb).save(spec, replace); }
ScenarioSpec ProjectStore::scenarioSpec(const std::string &name) { return ScenarioTable(mDb).spec(name); }
std::vector<ScenarioSpec> ProjectStore::listScenarios() { return ScenarioTable(mDb).list(); }
Scenario ProjectStore::loadScenario(const std::string &name) { return ScenarioTable(mDb).load(name); }

long long ProjectStore::saveRun(const std::string &scenarioName, const Scenario &scenario, const ModelPool &pool,
                                const SimulationResult &result)
{
    return RunTable(mDb).save(scenarioName, scenario, pool, result);
}
std::vector<RunInfo> ProjectStore::listRuns() { return RunTable(mDb).list(); }
void ProjectStore::exportRunCsv(long long runId, std::ostream &out) { RunTable(mDb).exportCsv(runId, out); }

long long ProjectStore::beginLiveSession(const LiveSessionInfo &info) { return LiveSessionTable(mDb).begin(info); }
void ProjectStore::appendLiveInterval(long long sessionId, const LiveInterval &row)
{
    LiveSessionTable(mDb).append(sessionId, row);
}
void ProjectStore::endLiveSession(long long sessionId) { LiveSessionTable(mDb).end(sessionId); }
std::vector<LiveSessionInfo> ProjectStore::listLiveSessions() { return LiveSessionTable(mDb).list(); }
LiveSession ProjectStore::loadLiveSession(long long sessionId, long long afterIndex)
{
    return LiveSessionTable(mDb).load(sessionId, afterIndex);
}

} // namespace cs
