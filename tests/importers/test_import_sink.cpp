// Importers write into a sink (core/importers/import_sink.h): here memory, so no SQLite is opened. The series an
// import leaves in a MemorySink, the bound on what it holds, and readTraceFile (carbonscope-cli's --carbon and
// --requests) over every format. Expected values are read off the files by hand.
#include "csv_sniff.h"
#include "import_formats.h"
#include "import_test_util.h"
#include "importer.h"
#include "memory_sink.h"
#include "trace_file.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cs;
using namespace testutil;

class TestImportSink : public QObject
{
    Q_OBJECT
    QTemporaryDir mDir;

    std::string write(const char *name, const QByteArray &text)
    {
        const QString path = mDir.filePath(QString::fromLatin1(name));
        writeFile(path, text);
        return path.toStdString();
    }

private slots:
    void ukciRegionIntoMemory()
    {
        // ukci_region11_data_array.json: forecasts 200, 192, 195, 192 from 2023-12-30T23:30Z, half-hourly, no actual.
        ImportResult result;
        const auto all = ImportRunner::readFile(local("ukci_region11_data_array.json").toStdString(),
                                                options(SeriesKind::Carbon), &result);
        QCOMPARE(result.format, std::string("ukci"));
        QCOMPARE(all.size(), std::size_t(1));
        const ImportedSeries &s = all.front();
        QCOMPARE(s.meta.intervalSeconds, 1800LL);
        QCOMPARE(s.actualPoints, 0LL);
        QCOMPARE(s.forecastPoints, 4LL);
        const TimeSeries ts = s.series();
        QCOMPARE(ts.values, (std::vector<double>{200, 192, 195, 192}));
        QCOMPARE(ts.times.front(), *parseUtcTime("2023-12-30T23:30:00Z"));
        QCOMPARE(ts.intervalSeconds, 1800LL);
        QVERIFY(!s.forecastSeries()); // a forecast-only series is its own forecast
    }

    void zeroActualMorningKeptOrTakenFromForecast()
    {
        // Actuals 0, 0, 165, 175 beside forecasts 150, 160, 170, 180 from 2024-03-04T06:00Z.
        ImportResult result;
        const auto all = ImportRunner::readFile(local("ukci_national_zero_actual_morning.json").toStdString(),
                                                options(SeriesKind::Carbon), &result);
        const ImportedSeries &s = all.front();
        QCOMPARE(s.series().values, (std::vector<double>{0, 0, 165, 175}));
        QCOMPARE(s.series(true).values, (std::vector<double>{150, 160, 165, 175}));
        QCOMPARE(s.forecastSeries()->values, (std::vector<double>{150, 160, 170, 180}));
        // The importer notes each zero where it stands (line 3 holds the first period).
        QCOMPARE(result.warnings.size(), std::size_t(2));
        QCOMPARE(result.warnings.front().line, 3LL);
        QCOMPARE(result.warnings.front().message, std::string("\"actual\": 0 at 2024-03-04T06:00:00Z kept as published"));
    }

    void memoryIsBounded()
    {
        try {
            ImportRunner::readFile(local("ukci_region11_data_array.json").toStdString(), options(SeriesKind::Carbon),
                                   nullptr, 3);
            QFAIL("a fourth point past a bound of 3 was kept");
        } catch (const InputError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("more than 3 points"), e.what());
        }
    }

    void sameNameTwiceNeedsReplace()
    {
        MemorySink sink;
        SeriesMeta meta;
        meta.name = "a";
        auto first = sink.newSeries(SeriesKind::Requests, meta, false);
        first->appendCount(0, 1);
        first->appendCount(60, 2);
        QCOMPARE(first->finish(), 60LL);
        QVERIFY_THROWS_EXCEPTION(InputError, sink.newSeries(SeriesKind::Requests, meta, false));
        auto second = sink.newSeries(SeriesKind::Requests, meta, true);
        second->appendCount(0, 5);
        second->appendCount(120, 6);
        second->appendCount(360, 7); // steps 120 and 240: the interval is 120 s
        QCOMPARE(second->finish(), 120LL);
        QCOMPARE(sink.series().size(), std::size_t(1));
        QCOMPARE(sink.series().front().series().values, (std::vector<double>{5, 6, 7}));
        // Steps of 120 and 180 s fit no one interval.
        auto odd = sink.newSeries(SeriesKind::Requests, SeriesMeta{"b", {}, {}, {}, {}, 0}, false);
        odd->appendCount(0, 1);
        odd->appendCount(120, 1);
        odd->appendCount(300, 1);
        QVERIFY_THROWS_EXCEPTION(InputError, odd->finish());
    }

    void traceFileReadsJsonAndCsv()
    {
        const TraceFile json = readTraceFile(local("ukci_region11_data_array.json").toStdString(), {});
        QCOMPARE(json.format, std::string("ukci"));
        QCOMPARE(json.series.values, (std::vector<double>{200, 192, 195, 192}));
        // A CSV with actual and forecast: the actual, and the forecast beside it; a zero actual can take the forecast.
        const std::string csv = write("gb.csv", "from,forecast,actual\n2024-03-04T06:00Z,150,0\n"
                                                "2024-03-04T06:30Z,160,158\n");
        const TraceFile plain = readTraceFile(csv, {});
        QCOMPARE(plain.format, std::string("csv"));
        QCOMPARE(plain.series.values, (std::vector<double>{0, 158}));
        QCOMPARE(plain.forecast->values, (std::vector<double>{150, 160}));
        TraceFileOptions zeroMissing;
        zeroMissing.zeroActualIsMissing = true;
        QCOMPARE(readTraceFile(csv, zeroMissing).series.values, (std::vector<double>{150, 158}));
        // Requests from the Twitter excerpt need its start: the importer's own message says so.
        TraceFileOptions requests;
        requests.kind = SeriesKind::Requests;
        requests.format = "twitter";
        QVERIFY_THROWS_EXCEPTION(InputError, readTraceFile(local("twitter_cluster052_mini.csv").toStdString(), requests));
    }

    void everyRegisteredFormatDetectsItsExample()
    {
        // The registry's sample file of each format is detected as that format (import --format auto), and each
        // name is one of the --format names; the two generic CSVs detect their samples as csv.
        if (!haveShared())
            QSKIP("../shared/data is absent");
        for (const ImportFormat &f : importFormats()) {
            QString path = shared(f.example.c_str());
            if (!QFile::exists(path))
                path = local(f.example.c_str());
            QVERIFY2(QFile::exists(path), f.example.c_str());
            const Importer &chosen = ImportRunner::choose(path.toStdString(), options(f.kind));
            QCOMPARE(chosen.format(), f.name);
            QCOMPARE(chosen.kind(), f.kind);
            const auto names = ImportRunner::formats(f.kind);
            QVERIFY(std::find(names.begin(), names.end(), f.name) != names.end());
            QVERIFY(importFormatHelp(f.kind).find("  " + f.name + " (") != std::string::npos);
        }
    }

    void oneSnifferForImporterAndPreview()
    {
        // Wikipedia's "ds,y": time ds, value y (a request name), header.
        ImportOptions o;
        CsvSniff s = sniffCsv("ds,y\n2023-06-01 00:00:00,1000\n", o, requestValueNames(), true);
        QCOMPARE(s.delimiter, ',');
        QVERIFY(s.hasHeader);
        QCOMPARE(s.timeColumn, 0);
        QCOMPARE(s.valueColumn, 1);
        QVERIFY(s.valueNamed);
        QVERIFY(!sniffCsv("ds,y\n2023-06-01 00:00:00,1000\n", o, carbonValueNames(), false).valueNamed);
        // The GB national layout: actual chosen, its forecast beside it; ';' detected.
        s = sniffCsv("from;to;forecast;actual\n2023-01-01T00:00Z;x;1;2\n", o, carbonValueNames(), false);
        QCOMPARE(s.delimiter, ';');
        QCOMPARE(s.timeColumn, 0);
        QCOMPARE(s.valueColumn, 3);
        QCOMPARE(s.forecastColumn, 2);
        // Pipes, no header: a number first is data; columns are named by index; a named time column that is not
        // there is said.
        s = sniffCsv("150|2023-06-01T00:00:00Z\n", o, carbonValueNames(), false);
        QCOMPARE(s.delimiter, '|');
        QVERIFY(!s.hasHeader);
        QCOMPARE(s.header, (std::vector<std::string>{"1", "2"}));
        o.timeColumn = "when";
        QCOMPARE(sniffCsv("time,intensity\n", o, carbonValueNames(), false).problem,
                 std::string("no time column \"when\" (columns: \"time\", \"intensity\")"));
        // The importer reads a pipe-delimited file it detects the same way.
        const std::string pipes = write("pipes.csv", "time|intensity\n2023-06-01T00:00Z|100\n2023-06-01T01:00Z|120\n");
        QCOMPARE(readTraceFile(pipes, {}).series.values, (std::vector<double>{100, 120}));
    }

    void severalSeriesAreNamedOrListed()
    {
        if (!haveShared())
            QSKIP("../shared/data is absent");
        const std::string path = shared("uk_ci_regional_intensity_2024-01-01_pt24h_data_array.json").toStdString();
        try {
            readTraceFile(path, {});
            QFAIL("a file of several regions was read without naming one");
        } catch (const InputError &e) {
            const QString m = QString::fromUtf8(e.what());
            QVERIFY2(m.contains("name one with --carbon-column") && m.contains("South West England"), e.what());
        }
        TraceFileOptions o;
        o.column = "South West England";
        const TraceFile t = readTraceFile(path, o);
        QVERIFY(t.series.name.ends_with("/South West England"));
        QCOMPARE(t.series.intervalSeconds, 1800LL);
    }
};

QTEST_GUILESS_MAIN(TestImportSink)
#include "test_import_sink.moc"
