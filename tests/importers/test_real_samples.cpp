// Every importer on the real sample files of ../shared/data (and the small excerpts in tests/data/importers).
// Expected values are read off the files by hand (the line is named in each comment).
#include "import_test_util.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cs;
using namespace testutil;

#define NEED_SHARED() \
    if (!haveShared()) \
        QSKIP("../shared/data is absent: the real sample files cannot be read here")

class TestRealSamples : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    int mCount = 0;

    ProjectStore freshStore() { return ProjectStore::open(mDir.filePath(QString("p%1.csdb").arg(++mCount)).toStdString()); }

    // The stored point of carbon series `name` at `time`, or none.
    static std::optional<CarbonPoint> carbonPointAt(ProjectStore &store, const std::string &name, const char *time)
    {
        const auto points = store.loadCarbonPoints(name);
        const UtcSeconds t = *parseUtcTime(time);
        const auto it = std::find_if(points.begin(), points.end(), [&](const CarbonPoint &p) { return p.time == t; });
        return it == points.end() ? std::nullopt : std::optional<CarbonPoint>(*it);
    }

    // The columns of both sample tables (carbon and requests), each read off its file by hand.
    static void addSampleColumns()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");      // the importer auto-detection must pick
        QTest::addColumn<long long>("points");
        QTest::addColumn<long long>("interval");
        QTest::addColumn<QString>("firstTime");
        QTest::addColumn<double>("firstValue");   // carbon: the intensity the series stands for (actual, else forecast)
        QTest::addColumn<QString>("lastTime");
        QTest::addColumn<double>("lastValue");
    }

    // Imports the row's file (../shared/data) as series "s" of `kind` with format detection; checks the format, the
    // series named, the count, the step and the loaded series' ends.
    void importSample(ProjectStore &store, SeriesKind kind)
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(long long, points);
        QFETCH(long long, interval);
        QFETCH(QString, firstTime);
        QFETCH(double, firstValue);
        QFETCH(QString, lastTime);
        QFETCH(double, lastValue);
        const ImportResult r = importShared(store, file.toLatin1().constData(), options(kind, "auto", "s"));
        QCOMPARE(QString::fromStdString(r.format), format);
        QCOMPARE(r.series, std::vector<std::string>{"s"});
        const auto loaded = kind == SeriesKind::Carbon ? store.loadCarbonSeries("s") : store.loadRequestSeries("s");
        QCOMPARE(QString::fromStdString(formatUtcTime(loaded.times.front())), firstTime);
        QCOMPARE(loaded.values.front(), firstValue);
        QCOMPARE(QString::fromStdString(formatUtcTime(loaded.times.back())), lastTime);
        QCOMPARE(loaded.values.back(), lastValue);
        if (kind == SeriesKind::Carbon) { // a point with an empty actual is stored but not loaded: count the stored
            const SeriesInfo info = store.seriesInfo(SeriesKind::Carbon, "s");
            QCOMPARE(info.points, points);
            QCOMPARE(static_cast<long long>(info.meta.intervalSeconds), interval);
        } else {
            QCOMPARE(static_cast<long long>(loaded.size()), points);
            QCOMPARE(static_cast<long long>(loaded.intervalSeconds), interval);
        }
    }

private slots:
    void carbonSamples_data()
    {
        addSampleColumns();
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("unit");
        // line 2 "2023-06-01T00:00:00,357.0"; last line "2023-06-30T23:30:00,240.0"; 1,440 rows
        QTest::newRow("NESO South West England CSV") << "neso_regional_ci_south_west_england_2023-06.csv" << "csv"
            << 1440LL << 1800LL << "2023-06-01T00:00:00Z" << 357.0 << "2023-06-30T23:30:00Z" << 240.0
            << "South West England" << "gCO2/kWh";
        // line 2 "2022-12-31 23:30:00+00:00,...,75,65.0,low" (actual 65); last "...23:30...,68,63.0,low"
        QTest::newRow("GB national CSV, forecast and actual") << "gb_national_carbon_intensity_2023.csv" << "csv"
            << 17430LL << 1800LL << "2022-12-31T23:30:00Z" << 65.0 << "2023-12-31T23:30:00Z" << 63.0 << "" << "gCO2/kWh";
        // Life-cycle column: line 2 "...,62.4,91.22,..."; last line "...,61.2,96.42,..."
        QTest::newRow("Electricity Maps GB CSV, newer header") << "electricitymaps_GB_2023_hourly.csv" << "electricitymaps"
            << 8760LL << 3600LL << "2023-01-01T00:00:00Z" << 91.22 << "2023-12-31T23:00:00Z" << 96.42 << "GB" << "gCO2eq/kWh";
        // LCA column: line 2 "...,152.03,199.59,..."; last line "...,142.98,192.64,..."
        QTest::newRow("Electricity Maps DE CSV, older header, CRLF") << "electricitymaps_DE_2023_hourly_old_header.csv"
            << "electricitymaps" << 8760LL << 3600LL << "2023-01-01T00:00:00Z" << 199.59 << "2023-12-31T23:00:00Z" << 192.64
            << "DE" << "gCO2eq/kWh";
        // "carbonIntensity": 19 at 2024-07-04T11:00:00.000Z first and 2024-07-05T10:00:00.000Z last, 24 points
        QTest::newRow("Electricity Maps API history JSON") << "electricitymaps_api_history_FR_2024-07-04.json"
            << "electricitymaps" << 24LL << 3600LL << "2024-07-04T11:00:00Z" << 19.0 << "2024-07-05T10:00:00Z" << 19.0
            << "FR" << "gCO2eq/kWh";
        // first period 2026-08-05T23:00Z actual 87, last 2026-08-06T22:30Z actual 179
        QTest::newRow("UK CI national JSON") << "uk_ci_national_intensity_date_2026-08-06.json" << "ukci" << 48LL << 1800LL
            << "2026-08-05T23:00:00Z" << 87.0 << "2026-08-06T22:30:00Z" << 179.0 << "GB" << "gCO2/kWh";
        // line 2 "2023-06-08 00:00:00,425.01605069"; last "2023-07-08 23:55:00,441.79896838" (vessim: already g/kWh)
        QTest::newRow("WattTime-derived vessim CSV") << "watttime_caiso_north_moer_2023-06-08_to_07-08_5min_gkwh.csv" << "csv"
            << 8928LL << 300LL << "2023-06-08T00:00:00Z" << 425.01605069 << "2023-07-08T23:55:00Z" << 441.79896838
            << "Caiso_North" << "gCO2/kWh";
    }

    void carbonSamples()
    {
        NEED_SHARED();
        ProjectStore store = freshStore();
        importSample(store, SeriesKind::Carbon);
        if (QTest::currentTestFailed())
            return;
        QFETCH(QString, region);
        QFETCH(QString, unit);
        const SeriesInfo info = store.seriesInfo(SeriesKind::Carbon, "s");
        QCOMPARE(QString::fromStdString(info.meta.region), region);
        QCOMPARE(QString::fromStdString(info.meta.unit), unit);
    }

    void gbNationalKeepsForecastAndGaps()
    {
        NEED_SHARED();
        ProjectStore store = freshStore();
        importShared(store, "gb_national_carbon_intensity_2023.csv", options(SeriesKind::Carbon, "csv", "gb"));
        const SeriesInfo info = store.seriesInfo(SeriesKind::Carbon, "gb");
        // 17,430 rows: every one has a forecast, 5 have an empty actual (2023-01-26 13:30..15:30).
        QCOMPARE(info.forecastPoints, 17430LL);
        QCOMPARE(info.actualPoints, 17425LL);
        const auto gap = carbonPointAt(store, "gb", "2023-01-26T13:30:00Z");
        QVERIFY(gap);
        QVERIFY(!gap->actual);
        QCOMPARE(*gap->forecast, 214.0); // "2023-01-26 13:30:00+00:00,...,214,,high"
        // 2023 has 17,520 half hours; with the first row from 2022 the rows would be 17,521 without the gap.
        // 17,430 rows leave 91 half hours missing, all in the real gap of 20-22 October.
        const TimeSeries ts = store.loadCarbonSeries("gb");
        long long missing = 0;
        for (const Gap &g : ts.gaps())
            missing += (g.to - g.from) / 1800;
        // The actual series also misses the 5 empty actuals.
        QCOMPARE(missing, 91LL + 5LL);
    }

    void ukciRegionalAllRegions()
    {
        NEED_SHARED();
        ProjectStore store = freshStore();
        const ImportResult r = importShared(store, "uk_ci_regional_intensity_2024-01-01_pt24h_data_array.json",
                                            options(SeriesKind::Carbon, "auto", "reg"));
        QCOMPARE(r.format, std::string("ukci"));
        QCOMPARE(r.series.size(), std::size_t(18)); // regions 1..18 in each of 48 periods
        QCOMPARE(r.points, 18LL * 48LL);
        const SeriesInfo sw = store.seriesInfo(SeriesKind::Carbon, "reg/South West England");
        QCOMPARE(sw.actualPoints, 0LL); // regional data is forecast only
        QCOMPARE(sw.forecastPoints, 48LL);
        const TimeSeries ts = store.loadCarbonSeries("reg/South West England");
        // Region 11: first period 2023-12-30T23:30Z forecast 200, last 2023-12-31T23:00Z forecast 230.
        QCOMPARE(ts.values.front(), 200.0);
        QCOMPARE(ts.values.back(), 230.0);
        QCOMPARE(formatUtcTime(ts.times.front()), std::string("2023-12-30T23:30:00Z"));
        // London (13) first forecast 33.
        QCOMPARE(store.loadCarbonSeries("reg/London").values.front(), 33.0);
    }

    void ukciRegionalOneRegionById()
    {
        NEED_SHARED();
        ProjectStore store = freshStore();
        ImportOptions o = options(SeriesKind::Carbon, "ukci", "sw");
        o.region = "11";
        const ImportResult r = importShared(store, "uk_ci_regional_intensity_2024-01-01_pt24h_data_array.json", o);
        QCOMPARE(r.series, std::vector<std::string>{"sw"});
        QCOMPARE(store.loadCarbonSeries("sw").values.front(), 200.0);
        o.region = "Atlantis";
        o.name = "x";
        QVERIFY_THROWS_EXCEPTION(InputError,
                                 importShared(store, "uk_ci_regional_intensity_2024-01-01_pt24h_data_array.json", o));
    }

    void ukciOneRegionShapes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("data as one region's object") << "ukci_region11_data_object.json";
        QTest::newRow("data as an array of one region") << "ukci_region11_data_array.json";
    }

    void ukciOneRegionShapes()
    {
        QFETCH(QString, file);
        ProjectStore store = freshStore();
        ImportRunner::importFile(store, local(file.toLatin1().constData()).toStdString(),
                                 options(SeriesKind::Carbon, "auto", "sw"));
        // Region 11's first four forecasts in the real regional file: 200, 192, 195, 192.
        const TimeSeries ts = store.loadCarbonSeries("sw");
        QCOMPARE(ts.values, (std::vector<double>{200, 192, 195, 192}));
        QCOMPARE(store.seriesInfo(SeriesKind::Carbon, "sw").meta.region, std::string("South West England (region 11)"));
    }

    void ukciNationalActualZeroKeptAndNoted()
    {
        NEED_SHARED();
        ProjectStore store = freshStore();
        const ImportResult r = importShared(store, "uk_ci_national_intensity_date_2026-08-06.json",
                                            options(SeriesKind::Carbon, "auto", "n"));
        const auto zero = carbonPointAt(store, "n", "2026-08-06T11:00Z");
        QVERIFY(zero);
        QCOMPARE(*zero->actual, 0.0);  // "actual": 0, as published
        QCOMPARE(*zero->forecast, 62.0);
        QCOMPARE(r.warnings.size(), std::size_t(1));
        QVERIFY(r.warnings[0].message.find("\"actual\": 0") != std::string::npos);
    }

    void ukciActualNullIsEmpty()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("null.json");
        writeFile(path, R"({"data":[{"from":"2024-01-01T00:00Z","to":"2024-01-01T00:30Z","intensity":{"forecast":100,"actual":90,"index":"low"}},
{"from":"2024-01-01T00:30Z","to":"2024-01-01T01:00Z","intensity":{"forecast":110,"actual":null,"index":"low"}}]})");
        ProjectStore store = freshStore();
        ImportRunner::importFile(store, path.toStdString(), options(SeriesKind::Carbon, "auto", "n"));
        const auto points = store.loadCarbonPoints("n");
        QCOMPARE(points.size(), std::size_t(2));
        QVERIFY(!points[1].actual);
        QCOMPARE(*points[1].forecast, 110.0);
    }

    void electricityMapsDirect()
    {
        NEED_SHARED();
        ProjectStore store = freshStore();
        ImportOptions o = options(SeriesKind::Carbon, "electricitymaps", "de");
        o.lifecycle = false;
        importShared(store, "electricitymaps_DE_2023_hourly_old_header.csv", o);
        // Direct column, line 2: 152.03; line 4442 (2023-07-04 23:00, the row whose source holds a ';'): 311.27.
        const TimeSeries ts = store.loadCarbonSeries("de");
        QCOMPARE(ts.values.front(), 152.03);
        const auto at = std::find(ts.times.begin(), ts.times.end(), *parseUtcTime("2023-07-04T23:00Z")) - ts.times.begin();
        QCOMPARE(ts.values[static_cast<std::size_t>(at)], 311.27);
    }

    void wattTimeDocumentedExample()
    {
        ProjectStore store = freshStore();
        const ImportResult r = ImportRunner::importFile(
            store, local("watttime_v3_historical_example.json").toStdString(), options(SeriesKind::Carbon, "auto", "wt"));
        QCOMPARE(r.format, std::string("watttime"));
        const SeriesInfo info = store.seriesInfo(SeriesKind::Carbon, "wt");
        QCOMPARE(info.meta.unit, std::string("gCO2/kWh"));
        QCOMPARE(info.meta.region, std::string("CAISO_NORTH"));
        QCOMPARE(info.meta.intervalSeconds, UtcSeconds(300));
        const TimeSeries ts = store.loadCarbonSeries("wt");
        // 1 lb = 453.59237 g and 1 MWh = 1000 kWh: 1048.4131919701972 lbs/MWh = 1048.41... * 453.59237 / 1000 g/kWh.
        QVERIFY(qFuzzyCompare(ts.values[0], 1048.4131919701972 * 453.59237 / 1000));
        QVERIFY(qFuzzyCompare(ts.values[1], 1051.0880801214637 * 453.59237 / 1000));
        QVERIFY(std::abs(ts.values[0] - 475.5522) < 1e-4);
        QCOMPARE(formatUtcTime(ts.times[1]), std::string("2022-07-15T00:05:00Z"));
    }

    void requestSamples_data()
    {
        addSampleColumns();
        // line 2 "2020-01-01 00:00:00,3292633"; last "2023-12-31 23:00:00,2706905"; 35,064 hours
        QTest::newRow("Wikipedia ds,y") << "wikipedia_en_requests_hourly_2020-2023.csv" << "csv" << 35064LL << 3600LL
            << "2020-01-01T00:00:00Z" << 3292633.0 << "2023-12-31T23:00:00Z" << 2706905.0;
        // line 2 "1998-06-01 00:00:00,2410"; last "1998-06-30 23:59:00,24221"; 43,200 minutes
        QTest::newRow("WorldCup98 period,count") << "worldcup98_requests_per_minute_1998-06.csv" << "csv" << 43200LL << 60LL
            << "1998-06-01T00:00:00Z" << 2410.0 << "1998-06-30T23:59:00Z" << 24221.0;
    }

    void requestSamples()
    {
        NEED_SHARED();
        ProjectStore store = freshStore();
        importSample(store, SeriesKind::Requests);
    }

    void azureLlmCountsPerMinute()
    {
        NEED_SHARED();
        // Independent count: the file's data lines, and those of the minute 18:15, counted from the raw text.
        QFile f(shared("azure_llm_inference_trace_conv_2023-11-16.csv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        long long lines = 0, minute1815 = 0;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (!line.startsWith("2023-"))
                continue;
            ++lines;
            minute1815 += line.startsWith("2023-11-16 18:15:");
        }
        QCOMPARE(lines, 19366LL); // the README's row count
        ProjectStore store = freshStore();
        const ImportResult r = importShared(store, "azure_llm_inference_trace_conv_2023-11-16.csv",
                                            options(SeriesKind::Requests, "auto", "az"));
        QCOMPARE(r.format, std::string("azure-llm"));
        const TimeSeries ts = store.loadRequestSeries("az");
        QCOMPARE(ts.intervalSeconds, UtcSeconds(60));
        QCOMPARE(formatUtcTime(ts.times.front()), std::string("2023-11-16T18:15:00Z"));
        QCOMPARE(ts.values.front(), static_cast<double>(minute1815));
        double total = 0;
        for (double v : ts.values)
            total += v;
        QCOMPARE(total, static_cast<double>(lines)); // the last line has no newline and still counts
    }

    void twitterPlainGzipZstd_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("plain") << "twitter_cluster052_mini.csv";
        QTest::newRow("gzip") << "twitter_cluster052_mini.csv.gz";
        QTest::newRow("zstd") << "twitter_cluster052_mini.csv.zst";
    }

    void twitterPlainGzipZstd()
    {
        QFETCH(QString, file);
        ProjectStore store = freshStore();
        ImportOptions o = options(SeriesKind::Requests, "auto", "tw");
        o.start = *parseUtcTime("2020-03-01T00:00Z");
        const ImportResult r = ImportRunner::importFile(store, local(file.toLatin1().constData()).toStdString(), o);
        QCOMPARE(r.format, std::string("twitter"));
        // The 10 lines all have timestamp 0 and operation get: one interval of 10 requests at the start.
        const TimeSeries ts = store.loadRequestSeries("tw");
        QCOMPARE(ts.times, std::vector<UtcSeconds>{*o.start});
        QCOMPARE(ts.values, std::vector<double>{10});
    }

    void twitterFiltersAndZeroFill()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("trace.csv");
        // Seconds 0, 0, 1 (minute 0); 130 (minute 2); minute 1 has none and must be 0, not a gap.
        writeFile(path, "0,a,1,2,1,get,0\n0,b,1,2,2,set,10\n1,c,1,2,1,get,0\n130,d,1,2,1,get,0\n");
        ImportOptions o = options(SeriesKind::Requests, "twitter", "all");
        o.start = 1685577600;
        ProjectStore store = freshStore();
        ImportRunner::importFile(store, path.toStdString(), o);
        QCOMPARE(store.loadRequestSeries("all").values, (std::vector<double>{3, 0, 1}));
        o.name = "gets";
        o.operation = "get";
        const ImportResult r = ImportRunner::importFile(store, path.toStdString(), o);
        QCOMPARE(r.filteredRows, 1LL);
        QCOMPARE(store.loadRequestSeries("gets").values, (std::vector<double>{2, 0, 1}));
        o.name = "client2";
        o.operation.clear();
        o.client = 2;
        ImportRunner::importFile(store, path.toStdString(), o);
        QCOMPARE(store.loadRequestSeries("client2").values, (std::vector<double>{1}));
        // Without --start the trace cannot be placed in time.
        o.name = "nostart";
        o.start.reset();
        QVERIFY_THROWS_EXCEPTION(InputError, ImportRunner::importFile(store, path.toStdString(), o));
    }

    void genericCsvOptions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("intensity.tsv");
        // Tab-separated, no header, Unix milliseconds, intensity in the 3rd column.
        writeFile(path, "1685577600000\tx\t100.5\n1685579400000\tx\t200\n");
        ImportOptions o = options(SeriesKind::Carbon, "csv", "t");
        o.header = false;
        o.timeColumn = "1";
        o.valueColumn = "3";
        ProjectStore store = freshStore();
        ImportRunner::importFile(store, path.toStdString(), o);
        TimeSeries ts = store.loadCarbonSeries("t");
        QCOMPARE(ts.times, (std::vector<UtcSeconds>{1685577600, 1685579400}));
        QCOMPARE(ts.values, (std::vector<double>{100.5, 200}));
        // Local times at +02:00: 02:00 local is 00:00 UTC.
        const QString local2 = dir.filePath("local.csv");
        writeFile(local2, "time;value\n2023-06-01 02:00;10\n2023-06-01 02:30;20\n");
        o = options(SeriesKind::Carbon, "csv", "l");
        o.utcOffsetSeconds = 7200;
        ImportRunner::importFile(store, local2.toStdString(), o);
        ts = store.loadCarbonSeries("l");
        QCOMPARE(ts.times.front(), UtcSeconds(1685577600));
        QCOMPARE(ts.values, (std::vector<double>{10, 20}));
    }

    void namesWithSpacesAndNonAscii()
    {
        NEED_SHARED();
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("données carbone été 2023 ☀.csv"));
        QVERIFY(QFile::copy(shared("neso_regional_ci_south_west_england_2023-06.csv"), data));
        ProjectStore store = ProjectStore::open(dir.filePath(QStringLiteral("projet é 日本.csdb")).toStdString());
        const ImportResult r = ImportRunner::importFile(store, data.toStdString(), options(SeriesKind::Carbon));
        // The series is named after the file, non-ASCII and all.
        QCOMPARE(QString::fromStdString(r.series.at(0)), QStringLiteral("données carbone été 2023 ☀"));
        QCOMPARE(store.loadCarbonSeries(r.series[0]).size(), std::size_t(1440));
    }
};

QTEST_GUILESS_MAIN(TestRealSamples)
#include "test_real_samples.moc"
