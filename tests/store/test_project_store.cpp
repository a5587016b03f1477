// The project database: schema, migrations from every earlier version, refusals that leave files untouched,
// and round trips of every kind of record.
#include "new_project_file.h"
#include "project_store.h"
#include "schema.h"
#include "store_error.h"
#include "store_test_util.h"
#include "transaction.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <sstream>

using namespace cs;

class TestProjectStore : public QObject
{
    Q_OBJECT

private slots:
    void newProjectHasCurrentSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("new.csdb");
        {
            ProjectStore store = ProjectStore::open(path.toStdString());
            QCOMPARE(store.schemaVersion(), 2);
            QCOMPARE(store.database().scalar("PRAGMA foreign_keys"), 1LL);
        }
        QCOMPARE(rawScalar(path, "PRAGMA user_version"), 2LL);
        QCOMPARE(rawScalar(path, "PRAGMA application_id"), 0x43534442LL);
        // WAL is a property of the file: a fresh connection sees it.
        QCOMPARE(rawScalar(path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"), 1LL);
    }

    void mustExistRefusesMissingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("absent.csdb");
        QVERIFY_THROWS_EXCEPTION(StoreError, ProjectStore::open(path.toStdString(), ProjectStore::OpenMode::MustExist));
        QVERIFY(!QFile::exists(path));
    }

    void migratesFromVersion0EmptyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("empty.csdb");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        ProjectStore store = ProjectStore::open(path.toStdString());
        QCOMPARE(store.schemaVersion(), Schema::currentVersion);
        QVERIFY(store.listSeries().empty());
    }

    void migratesFromVersion1KeepingData()
    {
        const QByteArray sql = fixture("project_v1.sql");
        if (sql.isEmpty())
            QFAIL("tests/data/store/project_v1.sql is missing");
        QTemporaryDir dir;
        const QString path = dir.filePath("v1.csdb");
        rawExec(path, sql);
        QCOMPARE(rawScalar(path, "PRAGMA user_version"), 1LL);

        ProjectStore store = ProjectStore::open(path.toStdString());
        QCOMPARE(store.schemaVersion(), 2);
        // The fixture's points: 357 (actual), 358 actual + 350 forecast, 352.
        const std::vector<CarbonPoint> points = store.loadCarbonPoints("sw");
        QCOMPARE(points.size(), std::size_t(3));
        QCOMPARE(points[1].time, T0 + 1800);
        QCOMPARE(*points[1].actual, 358.0);
        QCOMPARE(*points[1].forecast, 350.0);
        QVERIFY(!points[0].forecast);
        const SeriesInfo info = store.seriesInfo(SeriesKind::Carbon, "sw");
        QCOMPARE(info.meta.region, std::string("South West England"));
        QCOMPARE(info.meta.provenance, std::string()); // the column v2 added, with its default
        QCOMPARE(info.meta.intervalSeconds, UtcSeconds(1800));
        const ModelPool pool = store.loadPool("two");
        QCOMPARE(pool.size(), 2);
        QCOMPARE(pool.at(1).name, std::string("Big"));
        QCOMPARE(*pool.at(1).latencyMs, 2.5);
        QVERIFY(!pool.at(0).latencyMs);
        const ScenarioSpec spec = store.scenarioSpec("june");
        QCOMPARE(spec.carbonSeries, std::string("sw"));
        QCOMPARE(spec.requestSeries, std::string("wiki"));
        // The v2 tables work on the migrated file.
        const long long session = store.beginLiveSession({});
        store.appendLiveInterval(session, LiveInterval{T0, 357, "Big", 10, 0, 1.0, 2.0, {}, {}, {}, {}});
        QCOMPARE(store.loadLiveSession(session).intervals.size(), std::size_t(1));
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("newer.csdb");
        { ProjectStore::open(path.toStdString()); }
        rawExec(path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
        expectRefused(path, "newer CarbonScope (schema version 99");
    }

    void refusesForeignSqliteDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("other app.sqlite");
        rawExec(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, 'x');");
        expectRefused(path, "another program");
    }

    void refusesNonSqliteFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("notes.csdb");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("time,value\n") + QByteArray(200, 'x'));
        f.close();
        expectRefused(path, "not an SQLite database");
    }

    void refusesCorruptDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("corrupt.csdb");
        {
            ProjectStore store = ProjectStore::open(path.toStdString());
            std::vector<CarbonPoint> points;
            for (int i = 0; i < 2000; ++i)
                points.push_back({T0 + i * 1800, 100.0 + i, std::nullopt});
            store.saveCarbonSeries({"big", "", "", "gCO2/kWh", "", 1800}, points);
        }
        rawExec(path, "PRAGMA journal_mode = DELETE;"); // everything into the main file
        QFile f(path);
        QVERIFY(f.size() > 5 * 4096);
        QVERIFY(f.open(QIODevice::ReadWrite));
        // Overwrite pages 3 and 4 (b-tree pages) with garbage; the header (page 1) stays intact.
        f.seek(2 * 4096);
        f.write(QByteArray(2 * 4096, '\x5A'));
        f.close();
        expectRefused(path, "corrupt");
    }

    void carbonSeriesKeepsForecastAndActualApart()
    {
        const TempProject project;
        ProjectStore store = ProjectStore::open(project.file());
        // Actual missing at +1800 (not measured yet); forecast missing at +3600.
        store.saveCarbonSeries({"gb", "GB", "UK CI", "gCO2/kWh", "test", 0},
                               {{T0, 65.0, 75.0}, {T0 + 1800, std::nullopt, 73.0}, {T0 + 3600, 80.0, std::nullopt}});
        const SeriesInfo info = store.seriesInfo(SeriesKind::Carbon, "gb");
        QCOMPARE(info.meta.intervalSeconds, UtcSeconds(1800)); // detected from the times
        QCOMPARE(info.points, 3LL);
        QCOMPARE(info.actualPoints, 2LL);
        QCOMPARE(info.forecastPoints, 2LL);
        const TimeSeries actual = store.loadCarbonSeries("gb");
        QCOMPARE(actual.times, (std::vector<UtcSeconds>{T0, T0 + 3600}));
        QCOMPARE(actual.values, (std::vector<double>{65.0, 80.0}));
        const auto forecast = store.loadCarbonForecast("gb");
        QVERIFY(forecast);
        QCOMPARE(forecast->values, (std::vector<double>{75.0, 73.0}));
        // A forecast-only series (UK CI regional) stands for its forecast.
        store.saveCarbonSeries({"sw", "", "", "gCO2/kWh", "", 0}, {{T0, std::nullopt, 200.0}, {T0 + 1800, std::nullopt, 210.0}});
        QCOMPARE(store.loadCarbonSeries("sw").values, (std::vector<double>{200.0, 210.0}));
    }

    void duplicateNameRefusedUnlessReplaced()
    {
        const TempProject project;
        ProjectStore store = ProjectStore::open(project.file());
        store.saveCarbonSeries({"a", "", "", "gCO2/kWh", "", 0}, {{T0, 1.0, {}}, {T0 + 60, 2.0, {}}});
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 store.saveCarbonSeries({"a", "", "", "gCO2/kWh", "", 0}, {{T0, 5.0, {}}, {T0 + 60, 6.0, {}}}));
        QCOMPARE(store.loadCarbonSeries("a").values, (std::vector<double>{1.0, 2.0})); // the failed save changed nothing
        store.saveCarbonSeries({"a", "", "", "gCO2/kWh", "", 0}, {{T0, 5.0, {}}, {T0 + 60, 6.0, {}}}, true);
        QCOMPARE(store.loadCarbonSeries("a").values, (std::vector<double>{5.0, 6.0}));
    }

    void severalSavesUnderOneTransactionAreOneChange()
    {
        // The GUI's Save: series, pool and scenario under one outer Transaction (each save's own is a savepoint).
        const TempProject project;
        ProjectStore store = ProjectStore::open(project.file());
        store.saveCarbonSeries({"a", "", "", "gCO2/kWh", "", 0}, {{T0, 1.0, {}}, {T0 + 60, 2.0, {}}});
        try {
            Transaction outer(store.database());
            store.saveCarbonSeries({"a", "", "", "gCO2/kWh", "", 0}, {{T0, 7.0, {}}, {T0 + 60, 7.5, {}}}, true);
            store.saveCarbonSeries({"b", "", "", "gCO2/kWh", "", 0}, {{T0, 8.0, {}}, {T0 + 60, 8.5, {}}});
            store.savePool(paperPool());
            throw StoreError("the save failed half-way"); // before outer.commit()
        } catch (const StoreError &) {
        }
        QCOMPARE(store.loadCarbonSeries("a").values, (std::vector<double>{1.0, 2.0})); // the replace was undone
        QVERIFY(!store.hasSeries(SeriesKind::Carbon, "b"));
        QVERIFY(store.listPools().empty());
        {
            Transaction outer(store.database());
            store.saveCarbonSeries({"a", "", "", "gCO2/kWh", "", 0}, {{T0, 7.0, {}}, {T0 + 60, 7.5, {}}}, true);
            store.saveCarbonSeries({"b", "", "", "gCO2/kWh", "", 0}, {{T0, 8.0, {}}, {T0 + 60, 8.5, {}}});
            outer.commit();
        }
        QCOMPARE(store.loadCarbonSeries("a").values, (std::vector<double>{7.0, 7.5}));
        QCOMPARE(store.loadCarbonSeries("b").values, (std::vector<double>{8.0, 8.5}));
    }

    void aSeriesTooLargeToHoldIsRefusedBeforeLoading()
    {
        // 2 points saved, 999,999 more inserted by raw SQL (minutes 2 .. 1,000,000): 1,000,001 points, one more
        // than a scenario may hold (number_checks.h). Loading refuses it, naming the series, before reading a point.
        QTemporaryDir dir;
        const QString path = dir.filePath("p.csdb");
        {
            ProjectStore store = ProjectStore::open(path.toStdString());
            store.saveCarbonSeries({"big", "", "", "gCO2/kWh", "", 0}, {{T0, 1.0, {}}, {T0 + 60, 2.0, {}}});
        }
        rawExec(path, "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) "
                      "INSERT INTO carbon_points (series_id, t, actual) SELECT 1, "
                      + QByteArray::number(static_cast<qlonglong>(T0)) + " + 60 * i, 100.0 FROM n");
        ProjectStore store = ProjectStore::open(path.toStdString());
        QCOMPARE(store.seriesInfo(SeriesKind::Carbon, "big").points, 1000001LL);
        QString message;
        try {
            store.loadCarbonSeries("big");
        } catch (const StoreError &e) {
            message = QString::fromUtf8(e.what());
        }
        QVERIFY2(message.endsWith(": series \"big\" has 1000001 points, more than the 1000000 a scenario may hold in "
                                  "memory; import a shorter period or a coarser interval"),
                 qPrintable(message));
        QVERIFY_THROWS_EXCEPTION(StoreError, store.loadCarbonPoints("big"));
    }

    void aFailedNewProjectNamesTheProjectNotItsTemporary()
    {
        // The new project is built in a hidden temporary beside it; an error from inside names the project asked for.
        QTemporaryDir dir;
        const std::string path = dir.filePath("new.csdb").toStdString();
        QString message;
        try {
            NewProjectFile::create(path, [](ProjectStore &store) { throw StoreError(store.path() + ": boom"); });
        } catch (const StoreError &e) {
            message = QString::fromUtf8(e.what());
        }
        QCOMPARE(message, QString::fromStdString(path + ": boom"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList()); // nothing left behind
    }

    void poolRoundTrip()
    {
        const TempProject project;
        ProjectStore store = ProjectStore::open(project.file());
        const ModelPool paper = paperPool();
        store.savePool(paper);
        QCOMPARE(store.loadPool(paper.name), paper);
        QCOMPARE(store.listPools(), std::vector<std::string>{paper.name});
    }

    void scenarioAlignsItsTraces()
    {
        const TempProject project;
        ProjectStore store = ProjectStore::open(project.file());
        // Half-hourly carbon 100, 200, 300, 400; hourly requests 10, 20: the grid is hourly, intensity the mean of
        // each hour's two halves (150, 350) and requests as they are.
        store.saveCarbonSeries({"c", "", "", "gCO2/kWh", "", 0},
                               {{T0, 100.0, {}}, {T0 + 1800, 200.0, {}}, {T0 + 3600, 300.0, {}}, {T0 + 5400, 400.0, {}}});
        TimeSeries requests;
        requests.name = "r";
        requests.unit = "requests";
        requests.times = {T0, T0 + 3600};
        requests.values = {10, 20};
        store.saveRequestSeries(requests);
        store.savePool(resnetPool());
        store.saveScenario({"s", "c", "r", resnetPool().name, std::nullopt, std::nullopt});
        const Scenario s = store.loadScenario("s");
        QCOMPARE(s.name, std::string("s"));
        QCOMPARE(s.intervalSeconds, UtcSeconds(3600));
        QCOMPARE(s.times, (std::vector<UtcSeconds>{T0, T0 + 3600}));
        QCOMPARE(s.intensity, (std::vector<double>{150.0, 350.0}));
        QCOMPARE(s.requests, (std::vector<double>{10.0, 20.0}));
        // With a period: only the second hour.
        store.saveScenario({"s2", "c", "r", resnetPool().name, T0 + 3600, T0 + 7200});
        QCOMPARE(store.loadScenario("s2").intensity, (std::vector<double>{350.0}));
        // A series in use cannot be removed (the scenario would dangle).
        QVERIFY_THROWS_EXCEPTION(StoreError, store.removeSeries(SeriesKind::Carbon, "c"));
        QVERIFY_THROWS_EXCEPTION(StoreError, store.saveScenario({"bad", "nope", "", resnetPool().name, {}, {}}));
    }

    // Names are unique in each table (Database::idByName finds a pool, a scenario or a series by name): a second
    // pool or scenario of a name is refused unless replacing, and a replaced scenario reads its new series.
    void poolAndScenarioNamesAreRefusedTwiceUnlessReplaced()
    {
        const TempProject project;
        ProjectStore store = ProjectStore::open(project.file());
        store.savePool(resnetPool());
        QVERIFY_THROWS_EXCEPTION(StoreError, store.savePool(resnetPool(), false));
        store.savePool(resnetPool(), true);
        QCOMPARE(store.loadPool(resnetPool().name), resnetPool());
        store.saveCarbonSeries({"c", "", "", "gCO2/kWh", "", 0}, {{T0, 100.0, {}}, {T0 + 3600, 300.0, {}}});
        store.saveCarbonSeries({"d", "", "", "gCO2/kWh", "", 0}, {{T0, 7.0, {}}, {T0 + 3600, 9.0, {}}});
        store.saveScenario({"s", "c", "", resnetPool().name, std::nullopt, std::nullopt});
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 store.saveScenario({"s", "d", "", resnetPool().name, std::nullopt, std::nullopt}));
        QCOMPARE(store.loadScenario("s").intensity, (std::vector<double>{100.0, 300.0}));
        store.saveScenario({"s", "d", "", resnetPool().name, std::nullopt, std::nullopt}, true);
        QCOMPARE(store.loadScenario("s").intensity, (std::vector<double>{7.0, 9.0}));
    }

    void runRoundTripAndCsv()
    {
        const TempProject project;
        ProjectStore store = ProjectStore::open(project.file());
        ModelPool pool;
        pool.name = "one";
        pool.models.push_back({"M", 3600.0, 10.0, {}, {}, "test"});
        Scenario sc;
        sc.intervalSeconds = 1800;
        sc.times = {T0, T0 + 1800};
        sc.intensity = {100, 200};
        sc.requests = {1000, 1000};
        SimulationResult r;
        r.policySpec = "model:M";
        r.policyLabel = "M";
        // 1000 requests x 3.6 J = 3600 J = 0.001 kWh; x 100 g/kWh = 0.1 g, x 200 = 0.2 g.
        r.intervals.model = {0, 0};
        r.intervals.energyKwh = {0.001, 0.001};
        r.intervals.co2G = {0.1, 0.2};
        r.intervals.cumulativeCo2G = {0.1, 0.30000000000000004};
        r.intervals.errorPct = {10, 10};
        r.totals.co2G = 0.30000000000000004;
        r.totals.energyKwh = 0.002;
        r.totals.errorPct = 10;
        r.totals.requests = 2000;
        r.totals.intervals = 2;
        const long long id = store.saveRun("none", sc, pool, r);
        const auto runs = store.listRuns();
        QCOMPARE(runs.size(), std::size_t(1));
        QCOMPARE(runs[0].id, id);
        QCOMPARE(runs[0].policySpec, std::string("model:M"));
        QCOMPARE(runs[0].requests, 2000.0);
        std::ostringstream csv;
        store.exportRunCsv(id, csv);
        QCOMPARE(QString::fromStdString(csv.str()),
                 QStringLiteral("time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct\n"
                                "2023-06-01T00:00:00Z,100,1000,M,0.001,0.1,0.1,10\n"
                                "2023-06-01T00:30:00Z,200,1000,M,0.001,0.2,0.30000000000000004,10\n"));
        QVERIFY_THROWS_EXCEPTION(StoreError, store.exportRunCsv(id + 1, csv));
    }

    void pathWithSpacesAndNonAscii()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("projet carbone é ü 日本.csdb"));
        {
            ProjectStore store = ProjectStore::open(path.toStdString());
            store.saveCarbonSeries({"x", "", "", "gCO2/kWh", "", 0}, {{T0, 1.0, {}}, {T0 + 60, 2.0, {}}});
        }
        QVERIFY(QFile::exists(path));
        ProjectStore again = ProjectStore::open(path.toStdString(), ProjectStore::OpenMode::MustExist);
        QCOMPARE(again.loadCarbonSeries("x").values, (std::vector<double>{1.0, 2.0}));
    }
};

QTEST_GUILESS_MAIN(TestProjectStore)
#include "test_project_store.moc"
