#pragma once

#include "database.h"
#include "model_pool.h"
#include "scenario.h"
#include "simulation.h"
#include "store_types.h"
#include "time_series.h"

#include <ostream>
#include <string>
#include <vector>

namespace cs {

// A CarbonScope project: one SQLite file (*.csdb) holding imported carbon and request series, model pools,
// scenarios, simulation runs and live sessions. Plain C++, no Qt: the CLI, the GUI and the live engine share it.
//
// Opening refuses, with a clear message and without writing a byte, a file that is not SQLite, an SQLite
// database of another program, a corrupt one, or one made by a newer CarbonScope. An older project is migrated
// forward in one transaction. The connection runs in WAL mode with foreign keys on, so one writer (an import,
// a live session) and readers (the GUI) can work on the same file at once.
//
// A thin facade: each table's work is done by its own part (SeriesTable, PoolTable, ScenarioTable, RunTable,
// LiveSessionTable; FetchCache for downloads), each over this one connection.
// Every method throws StoreError (an InputError) with a message naming the file and the problem.
// One ProjectStore is one connection: use it from one thread at a time; open another for another thread.
class ProjectStore
{
public:
    // CreateIfMissing makes a new project whole or not at all (NewProjectFile), also in an empty (0-byte) file;
    // MustExist refuses an empty file. ReadOnly never writes a byte nor changes the journal mode: an empty file, a
    // project that needs upgrading, or one that is not CarbonScope's is refused; a write-protected file opens
    // (the write modes refuse it: "is read-only").
    enum class OpenMode { CreateIfMissing, MustExist, ReadOnly };

    static ProjectStore open(const std::string &path, OpenMode mode = OpenMode::CreateIfMissing);

    ProjectStore(ProjectStore &&) = default;
    ProjectStore &operator=(ProjectStore &&) = default;

    const std::string &path() const { return mDb.path(); }
    Database &database() { return mDb; }
    int schemaVersion();

    // --- series ---------------------------------------------------------------------------------------------
    std::vector<SeriesInfo> listSeries(std::optional<SeriesKind> kind = std::nullopt);
    bool hasSeries(SeriesKind kind, const std::string &name);
    SeriesInfo seriesInfo(SeriesKind kind, const std::string &name);

    // Writes a whole series in one transaction (importers stream through SeriesWriter instead).
    void saveCarbonSeries(const SeriesMeta &meta, const std::vector<CarbonPoint> &points, bool replace = false);
    void saveCarbonSeries(const TimeSeries &series, const std::string &region = {}, bool replace = false);
    void saveRequestSeries(const TimeSeries &series, bool replace = false);

    // The intensity a carbon series stands for: its actual (measured) values where it has any, else its
    // forecasts. Points without that value are left out (they are gaps).
    TimeSeries loadCarbonSeries(const std::string &name);
    // The forecasts alone; nothing where the series has none.
    std::optional<TimeSeries> loadCarbonForecast(const std::string &name);
    std::vector<CarbonPoint> loadCarbonPoints(const std::string &name);
    TimeSeries loadRequestSeries(const std::string &name);

    // Deletes a series; refused while a scenario uses it.
    void removeSeries(SeriesKind kind, const std::string &name);

    // --- pools ----------------------------------------------------------------------------------------------
    void savePool(const ModelPool &pool, bool replace = true);
    ModelPool loadPool(const std::string &name);
    std::vector<std::string> listPools();

    // --- scenarios ------------------------------------------------------------------------------------------
    // The named series and pool must be in the project already.
    void saveScenario(const ScenarioSpec &spec, bool replace = false);
    ScenarioSpec scenarioSpec(const std::string &name);
    std::vector<ScenarioSpec> listScenarios();
    // Aligns the scenario's traces (cs::alignTraces, with the forecast where the carbon series has one) and
    // keeps its period.
    Scenario loadScenario(const std::string &name);

    // --- simulation runs ------------------------------------------------------------------------------------
    long long saveRun(const std::string &scenarioName, const Scenario &scenario, const ModelPool &pool,
                      const SimulationResult &result);
    std::vector<RunInfo> listRuns();
    // time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct
    void exportRunCsv(long long runId, std::ostream &out);
    // time_utc,actual,forecast (carbon) or time_utc,requests
    void exportSeriesCsv(SeriesKind kind, const std::string &name, std::ostream &out);

    // --- live sessions --------------------------------------------------------------------------------------
    long long beginLiveSession(const LiveSessionInfo &info);
    // Committed at once (one row, one transaction): another connection sees it while the session runs.
    void appendLiveInterval(long long sessionId, const LiveInterval &row);
    void endLiveSession(long long sessionId);
    std::vector<LiveSessionInfo> listLiveSessions();
    // All rows, or those after index `afterIndex` (0-based count already read), for polling readers.
    LiveSession loadLiveSession(long long sessionId, long long afterIndex = 0);

private:
    explicit ProjectStore(Database db);

    Database mDb;
};

} // namespace cs
