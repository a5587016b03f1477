// The JSON importers' streaming on small hand-made files: WattTime's "meta" after its "data" (also from a pipe,
// read once), deep nesting, UK CI region objects and ids after their data, Electricity Maps' zone after its
// history, places counted in characters and errors at a chunk boundary. (test_json_streaming holds the big
// synthetic files.) Every expected figure is worked out by hand in the comments.
#include "byte_source.h"
#include "import_context.h"
#include "import_test_util.h"
#include "importers.h"
#include "store_sink.h"
#include "transaction.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <string>
#include <sys/stat.h>
#include <thread>

using namespace cs;
using namespace testutil;

class TestJsonShapes : public QObject
{
    Q_OBJECT

private slots:
    // WattTime writes "meta" after "data". 1 lb = 453.59237 g, 1 MWh = 1000 kWh: x lbs/MWh = 0.45359237 x g/kWh.
    // 1000 -> 453.59237; 500.5 -> 226.796185 + 0.226796185 = 227.022981185; 0 -> 0; the null is a gap.
    void wattTimeMetaAfterData_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray data = "\"data\":[{\"point_time\":\"2024-03-01T00:00:00Z\",\"value\":1000},"
                                "{\"point_time\":\"2024-03-01T00:05:00Z\",\"value\":500.5},"
                                "{\"point_time\":\"2024-03-01T00:10:00Z\",\"value\":null},"
                                "{\"point_time\":\"2024-03-01T00:15:00Z\",\"value\":0}]";
        const QByteArray meta = "\"meta\":{\"region\":\"PJM_DC\",\"signal_type\":\"co2_moer\","
                                "\"units\":\"lbs_co2_per_mwh\",\"data_point_period_seconds\":300}";
        QTest::newRow("meta after data") << "{" + data + ",\n" + meta + "}";
        QTest::newRow("meta before data") << "{" + meta + ",\n" + data + "}";
    }

    void wattTimeMetaAfterData()
    {
        QFETCH(QByteArray, json);
        ScratchImport scratch("wt.json", json);
        const ImportResult r = scratch.import(options(SeriesKind::Carbon, "auto", "wt"));
        QCOMPARE(r.format, std::string("watttime"));
        checkWattTime(scratch.store);
    }

    // A pipe cannot be read twice: the points wait in memory until "meta" comes.
    void wattTimeMetaAfterDataFromAPipe()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath("wt.pipe");
        QCOMPARE(mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        const std::string json = "{\"data\":[{\"point_time\":\"2024-03-01T00:00:00Z\",\"value\":1000},"
                                 "{\"point_time\":\"2024-03-01T00:05:00Z\",\"value\":500.5},"
                                 "{\"point_time\":\"2024-03-01T00:10:00Z\",\"value\":null},"
                                 "{\"point_time\":\"2024-03-01T00:15:00Z\",\"value\":0}],"
                                 "\"meta\":{\"region\":\"PJM_DC\",\"units\":\"lbs_co2_per_mwh\","
                                 "\"data_point_period_seconds\":300}}";
        std::thread writer([&] {
            std::FILE *f = std::fopen(fifo.toLocal8Bit().constData(), "wb");
            std::fwrite(json.data(), 1, json.size(), f);
            std::fclose(f);
        });
        ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
        {
            ByteSource source(fifo.toStdString());
            ImportResult result;
            result.format = "watttime";
            const ImportOptions o = options(SeriesKind::Carbon, "watttime", "wt");
            Transaction tx(store.database());
            StoreSink sink(store.database());
            ImportContext context(sink, source, o, fifo.toStdString(), result);
            WattTimeImporter().run(context);
            tx.commit();
        }
        writer.join();
        checkWattTime(store);
    }

    // k-th '[' is at column 17 + k: 274); the same nesting in a member no importer reads is only checked.
    void deepNesting()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("deep.json");
        const QByteArray nest = QByteArray(100000, '[') + QByteArray(100000, ']');
        writeFile(path, "{\"data\":[{\"from\":" + nest + "}]}");
        ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
        const auto e = importError(store, path, options(SeriesKind::Carbon, "ukci", "x"));
        QVERIFY2(e, "accepted");
        QCOMPARE(placeOf(*e), QStringLiteral("1:274"));
        QVERIFY2(QString::fromStdString(e->message()).contains("nested more than 256 levels"), e->what());
        writeFile(path, "{\"data\":[{\"x\":" + nest + ",\"from\":\"2024-01-01T00:00Z\",\"to\":\"2024-01-01T00:30Z\","
                        "\"intensity\":{\"forecast\":5}}]}");
        ImportRunner::importFile(store, path.toStdString(), options(SeriesKind::Carbon, "ukci", "x"));
        QCOMPARE(store.loadCarbonSeries("x").values, std::vector<double>{5});
    }

    // Units after the data, and wrong: the message names the units' place. `,"meta":{"units":` is 17 characters.
    void wattTimeBadUnitsAfterData()
    {
        ScratchImport scratch("wt.json", "{\"data\":[{\"point_time\":\"2024-03-01T00:00:00Z\",\"value\":1}]\n"
                                         ",\"meta\":{\"units\":\"kg\"}}");
        const auto e = importError(scratch.store, scratch.path, options(SeriesKind::Carbon, "watttime", "wt"));
        QVERIFY2(e, "units kg were accepted");
        QCOMPARE(placeOf(*e), QStringLiteral("2:18"));
        QVERIFY2(QString::fromStdString(e->message()).contains("expected units"), e->what());
        QVERIFY(scratch.store.listSeries().empty());
    }

    // Two one-region objects in "data": each region its own series, as when the file was read whole (the count
    // of regions comes from a second reading before the first series is named).
    void ukciTwoRegionObjects()
    {
        ScratchImport scratch("two.json", R"({"data":[
{"regionid":11,"shortname":"South West England","data":[{"from":"2024-01-01T00:00Z","to":"2024-01-01T00:30Z","intensity":{"forecast":200}},
{"from":"2024-01-01T00:30Z","to":"2024-01-01T01:00Z","intensity":{"forecast":192}}]},
{"regionid":13,"shortname":"London","data":[{"from":"2024-01-01T00:00Z","to":"2024-01-01T00:30Z","intensity":{"forecast":33}},
{"from":"2024-01-01T00:30Z","to":"2024-01-01T01:00Z","intensity":{"forecast":35}}]}]})");
        const ImportResult r = scratch.import(options(SeriesKind::Carbon, "ukci", "two"));
        QCOMPARE(r.series, (std::vector<std::string>{"two/South West England", "two/London"}));
        QCOMPARE(scratch.store.loadCarbonSeries("two/London").values, (std::vector<double>{33, 35}));
        QCOMPARE(scratch.store.loadCarbonSeries("two/South West England").values, (std::vector<double>{200, 192}));
    }

    // "regionid" after the region's "data": that object is read whole, and still named by its region.
    void ukciRegionIdAfterItsData()
    {
        ScratchImport scratch("late id.json", R"({"data":{"data":[{"from":"2024-01-01T00:00Z","to":"2024-01-01T00:30Z","intensity":{"forecast":200}},
{"from":"2024-01-01T00:30Z","to":"2024-01-01T01:00Z","intensity":{"forecast":192}}],"shortname":"South West England","regionid":11}})");
        scratch.import(options(SeriesKind::Carbon, "ukci", "sw"));
        QCOMPARE(scratch.store.loadCarbonSeries("sw").values, (std::vector<double>{200, 192}));
        QCOMPARE(scratch.store.seriesInfo(SeriesKind::Carbon, "sw").meta.region,
                 std::string("South West England (region 11)"));
    }

    // Electricity Maps with the root "zone" after the history: still the series' region.
    void electricityMapsZoneAfterHistory()
    {
        ScratchImport scratch("em.json", R"({"history":[{"carbonIntensity":19,"datetime":"2024-07-04T11:00:00.000Z"},
{"carbonIntensity":21,"datetime":"2024-07-04T12:00:00.000Z"}],"zone":"FR"})");
        scratch.import(options(SeriesKind::Carbon, "electricitymaps", "fr"));
        QCOMPARE(scratch.store.seriesInfo(SeriesKind::Carbon, "fr").meta.region, std::string("FR"));
        QCOMPARE(scratch.store.loadCarbonSeries("fr").values, (std::vector<double>{19, 21}));
    }

    // Columns count characters: "très bas" is 8 characters (10 bytes). Counted by hand:
    // {"data":[ 9 | {"from":"2024-01-01T00:00Z", 28 -> 37 | "to":"2024-01-01T00:30Z", 25 -> 62 |
    // "intensity": 12 -> 74 | { 75 | "index": 8 -> 83 | "très bas", 11 -> 94 | "forecast": 11 -> 105: -1 at 106.
    // With a Latin-1 0xE8 for the è: '"' at 84, t 85, r 86, the bad byte at 87.
    void placesCountCharacters_data()
    {
        QTest::addColumn<QByteArray>("index");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("UTF-8 before the value") << QByteArray("tr\xc3\xa8s bas") << 106 << "got a negative number";
        QTest::newRow("Latin-1 byte") << QByteArray("tr\xe8s bas") << 87 << "wrong encoding";
    }

    void placesCountCharacters()
    {
        QFETCH(QByteArray, index);
        QFETCH(int, column);
        QFETCH(QString, message);
        ScratchImport scratch("places.json", "{\"data\":[{\"from\":\"2024-01-01T00:00Z\",\"to\":\"2024-01-01T00:30Z\",\"intensity\":"
                                             "{\"index\":\"" + index + "\",\"forecast\":-1}}]}");
        const auto e = importError(scratch.store, scratch.path, options(SeriesKind::Carbon, "ukci", "x"));
        QVERIFY2(e, "accepted");
        QCOMPARE(placeOf(*e), QStringLiteral("1:%1").arg(column));
        QVERIFY2(QString::fromStdString(e->message()).contains(message), e->what());
    }

    // JsonInput reads 256 KiB (262,144 bytes) at a time; nlohmann reports an error up to two bytes behind the
    // last byte it read, which may lie in the chunk before. N spaces and then {"data":[1,]} put the ']' (column
    // N + 12, offset N + 11) around the boundary; {"data":[1 2]} puts the '2' there, found only after the lexer
    // has read the ']' behind it.
    void errorsAtAChunkBoundary_data()
    {
        QTest::addColumn<QByteArray>("tail");
        QTest::addColumn<int>("spaces");
        for (const int offset : {262142, 262143, 262144, 262145})
            for (const char *tail : {"{\"data\":[1,]}", "{\"data\":[1 2]}"})
                QTest::addRow("%s at offset %d", tail, offset) << QByteArray(tail) << offset - 11;
    }

    void errorsAtAChunkBoundary()
    {
        QFETCH(QByteArray, tail);
        QFETCH(int, spaces);
        ScratchImport scratch("boundary.json", QByteArray(spaces, ' ') + tail);
        const auto e = importError(scratch.store, scratch.path, options(SeriesKind::Carbon, "ukci", "x"));
        QVERIFY2(e, "accepted");
        QCOMPARE(placeOf(*e), QStringLiteral("1:%1").arg(spaces + 12));
        QVERIFY2(QString::fromStdString(e->message()).contains("syntax error"), e->what());
    }

private:
    static void checkWattTime(ProjectStore &store)
    {
        const TimeSeries ts = store.loadCarbonSeries("wt");
        QCOMPARE(ts.values.size(), std::size_t(3));
        QVERIFY(qFuzzyCompare(ts.values[0], 453.59237));
        QVERIFY(qFuzzyCompare(ts.values[1], 227.022981185));
        QCOMPARE(ts.values[2], 0.0);
        // 2024-03-01T00:15Z is 0:15 after the first point: 900 s.
        QCOMPARE(ts.times[2] - ts.times[0], UtcSeconds(900));
        const SeriesInfo info = store.seriesInfo(SeriesKind::Carbon, "wt");
        QCOMPARE(info.meta.region, std::string("PJM_DC"));
        QCOMPARE(info.meta.unit, std::string("gCO2/kWh"));
        QCOMPARE(info.meta.intervalSeconds, UtcSeconds(300));
    }
};

QTEST_GUILESS_MAIN(TestJsonShapes)
#include "test_json_shapes.moc"
