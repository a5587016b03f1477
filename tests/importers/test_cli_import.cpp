// carbonscope-cli end to end: every format imports a real sample through `import`, into a project whose path has
// spaces and non-ASCII characters; bad input exits 2 with file:line:column; list, scenario add, simulate --db and
// export work on the result.
#include "../cli_run.h"
#include "fixture_files.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliImport : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    QString mDb;

    // Whole real samples are imported: twice the usual time allowed.
    static Run cli(const QStringList &args) { return ::cli(args, 120000); }

    static QString shared(const QString &name) { return QStringLiteral(CARBONSCOPE_SHARED_DATA "/") + name; }

private slots:
    void initTestCase()
    {
        mDb = mDir.filePath(QStringLiteral("mon projet é 日本.csdb"));
    }

    void importsEachFormat_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("expected"); // a fragment of the summary line
        QTest::newRow("ukci national") << "carbon" << "uk_ci_national_intensity_date_2026-08-06.json" << QStringList{"--name", "ukci"}
            << "\"ukci\": 48 points every 1800 s";
        QTest::newRow("ukci regional, one region") << "carbon" << "uk_ci_regional_intensity_2024-01-01_pt24h_data_array.json"
            << QStringList{"--name", "sw", "--region", "11"} << "\"sw\": 48 points every 1800 s";
        QTest::newRow("electricitymaps csv") << "carbon" << "electricitymaps_DE_2023_hourly_old_header.csv"
            << QStringList{"--name", "de", "--format", "electricitymaps"} << "\"de\": 8760 points every 3600 s";
        QTest::newRow("electricitymaps json") << "carbon" << "electricitymaps_api_history_FR_2024-07-04.json"
            << QStringList{"--name", "fr"} << "\"fr\": 24 points every 3600 s";
        QTest::newRow("watttime vessim csv") << "carbon" << "watttime_caiso_north_moer_2023-06-08_to_07-08_5min_gkwh.csv"
            << QStringList{"--name", "caiso", "--format", "watttime"} << "\"caiso\": 8928 points every 300 s";
        QTest::newRow("csv") << "carbon" << "neso_regional_ci_south_west_england_2023-06.csv" << QStringList{"--name", "neso"}
            << "\"neso\": 1440 points every 1800 s";
        QTest::newRow("requests csv") << "requests" << "wikipedia_en_requests_hourly_2020-2023.csv" << QStringList{"--name", "wiki"}
            << "\"wiki\": 35064 points every 3600 s";
        QTest::newRow("azure-llm") << "requests" << "azure_llm_inference_trace_code_2023-11-16.csv"
            << QStringList{"--name", "azure", "--format", "azure-llm"} << "\"azure\": 58 points every 60 s";
        QTest::newRow("twitter") << "requests" << "twitter_cache_trace_cluster052_mini.csv"
            << QStringList{"--name", "tw", "--start", "2020-03-01T00:00Z"} << "\"tw\": 1 points every 60 s";
    }

    void importsEachFormat()
    {
        QFETCH(QString, kind);
        QFETCH(QString, file);
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        if (!QFile::exists(shared(file)))
            QSKIP("../shared/data is absent: the real sample files cannot be read here");
        const Run r = cli(QStringList{"import", kind, shared(file), "--db", mDb} + extra);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(expected), qPrintable(r.out));
        // Not a terminal: no progress bar on stderr.
        QVERIFY2(!r.err.contains('['), qPrintable(r.err));
    }

    void listScenarioSimulateExport()
    {
        if (!QFile::exists(shared("neso_regional_ci_south_west_england_2023-06.csv")))
            QSKIP("../shared/data is absent");
        Run r = cli({"list", "--db", mDb});
        QCOMPARE(r.status, 0);
        QVERIFY(r.out.contains("neso") && r.out.contains("wiki") && r.out.contains("schema version 2"));
        r = cli({"scenario", "add", "--db", mDb, "--name", "june", "--carbon", "neso", "--requests", "wiki", "--pool",
                 "resnets", "--from", "2023-06-01T00:00Z", "--to", "2023-07-01T00:00Z"});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        // Half-hourly carbon with hourly requests: 720 hourly intervals in June.
        QVERIFY2(r.out.contains("720 intervals of 3600 s"), qPrintable(r.out));
        r = cli({"simulate", "--db", mDb, "--scenario", "june", "--policy", "model:ResNet50"});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.err.contains("saved run #1"));
        const QString csv = mDir.filePath(QStringLiteral("run é.csv"));
        r = cli({"export", "--db", mDb, "--run", "1", "--csv", csv});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 721);
        QVERIFY(lines[0].startsWith("time_utc,intensity_gco2_per_kwh,requests,model"));
        QVERIFY(lines[1].startsWith("2023-06-01T00:00:00Z,"));
        QVERIFY(lines[1].contains(",ResNet50,"));
    }

    void timeZoneEndToEnd()
    {
        const Run zones = cli({"time-zones"});
        if (zones.status != 0)
            QSKIP("this build has no named time zones (date-tz or tzdata missing)");
        QVERIFY(zones.out.split('\n').contains(QStringLiteral("Europe/London")));
        // Hourly Europe/London local times over the night clocks go back (29 Oct 2023, 02:00 BST -> 01:00 GMT):
        // 00:00 BST = 28 Oct 23:00 UTC, 01:00 BST = 00:00 UTC, 01:00 GMT = 01:00 UTC, 02:00 GMT = 02:00 UTC.
        const QString csv = cs::test::writeFixture(mDir, QStringLiteral("london local é.csv"),
                                                   "time,value\n2023-10-29 00:00,100\n2023-10-29 01:00,110\n"
                                                   "2023-10-29 01:00,120\n2023-10-29 02:00,130\n");
        const QString db = mDir.filePath(QStringLiteral("zones.csdb"));
        Run r = cli({"import", "carbon", csv, "--db", db, "--tz", "Europe/London", "--name", "london"});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("\"london\": 4 points every 3600 s, 2023-10-28T23:00:00Z to "
                                               "2023-10-29T02:00:00Z")),
                 qPrintable(r.out));
        r = cli({"list", "--db", db});
        QVERIFY2(r.out.contains(QStringLiteral("2023-10-28T23:00:00Z .. 2023-10-29T02:00:00Z")), qPrintable(r.out));
        const QString out = mDir.filePath(QStringLiteral("london.csv"));
        r = cli({"export", "--db", db, "--series", "london", "--csv", out});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QFile e(out);
        QVERIFY(e.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(e.readAll());
        QCOMPARE(text, QStringLiteral("time_utc,actual,forecast\n2023-10-28T23:00:00Z,100,\n2023-10-29T00:00:00Z,110,\n"
                                      "2023-10-29T01:00:00Z,120,\n2023-10-29T02:00:00Z,130,\n"));

        // The hour skipped when clocks go forward (26 Mar 2023, 01:00 GMT -> 02:00 BST) is a bad row at line 3,
        // column 1; --skip-bad-rows counts it.
        const QString spring = mDir.filePath(QStringLiteral("spring.csv"));
        QFile g(spring);
        QVERIFY(g.open(QIODevice::WriteOnly));
        g.write("time,value\n2023-03-26 00:30,1\n2023-03-26 01:30,2\n2023-03-26 02:30,3\n");
        g.close();
        r = cli({"import", "carbon", spring, "--db", db, "--tz", "Europe/London", "--name", "spring"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(QStringLiteral("spring.csv:3:1: 2023-03-26 01:30 does not exist in Europe/London: "
                                               "clocks go forward at 01:00 (to 02:00)")),
                 qPrintable(r.err));
        r = cli({"import", "carbon", spring, "--db", db, "--tz", "Europe/London", "--name", "spring", "--skip-bad-rows"});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("skipped 1 bad rows")), qPrintable(r.out));

        // An unknown zone: exit 2, nothing imported, and where to find the names.
        r = cli({"import", "carbon", csv, "--db", db, "--tz", "Europe/Londn", "--name", "bad"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--tz: unknown time zone \"Europe/Londn\"")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("carbonscope-cli time-zones")), qPrintable(r.err));
    }

    void badInputExitsTwoWithPlace()
    {
        const QString bad = cs::test::writeFixture(mDir, QStringLiteral("bad file é.csv"),
                                                   "time,value\n2023-06-01T00:00Z,12\n2023-06-01T00:30Z,abc\n");
        const Run r = cli({"import", "carbon", bad, "--db", mDb, "--name", "bad"});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.startsWith("carbonscope-cli: error: " + bad + ":3:19: expected a number"), qPrintable(r.err));
        const Run list = cli({"list", "--db", mDb});
        QVERIFY(!list.out.contains(" bad "));
    }

    void refusesForeignFileAsProject()
    {
        const QString notes = cs::test::writeFixture(mDir, "notes.txt", QByteArray(300, 'x'));
        const Run r = cli({"list", "--db", notes});
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("not a CarbonScope project"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "test_cli_import.moc"
