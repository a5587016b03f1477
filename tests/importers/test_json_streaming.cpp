// The JSON importers stream: a file far bigger than the memory they use imports with the right values, an error
// deep in a big file is placed exactly and changes nothing, and WattTime's "meta" may follow its "data".
// The big files are SYNTHETIC, written by this test into a temporary folder; every expected figure is worked out
// here while writing them (or by hand in the comments), never read back from the importer.
#include "byte_source.h"
#include "import_context.h"
#include "store_sink.h"
#include "import_test_util.h"
#include "transaction.h"
#include "importers.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <thread>

using namespace cs;
using namespace testutil;

namespace {

// 2000-01-01T00:00:00Z: 30 years of 365 days and 7 leap days (1972 ... 1996) after 1970: 10957 days * 86400 s.
constexpr long long year2000 = 10957LL * 86400;

// "YYYY-MM-DDTHH:MMZ", worked out with the C library (not the project's own formatter).
std::string isoMinute(long long t)
{
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%MZ", &tm);
    return out;
}

// Resident memory of this process, from /proc/self/status (kB).
long long statusKb(const char *field)
{
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(field, 0) == 0)
            return std::stoll(line.substr(std::string(field).size()));
    return -1;
}

// The peak RSS growth while `work` runs, in MB. Writing 5 to clear_refs resets VmHWM to the current RSS (Linux
// 4.0+); where that is refused, the earlier peak stays and the growth is measured from the current RSS to the
// later peak, which can only overstate it (the test then errs towards failing, never towards passing).
template<typename Work>
double peakGrowthMb(Work work)
{
    {
        std::ofstream reset("/proc/self/clear_refs");
        reset << "5";
    }
    const long long before = statusKb("VmRSS:");
    work();
    const long long peak = statusKb("VmHWM:");
    return (peak - before) / 1024.0;
}

// A file written through a 1 MiB buffer: the writers below emit a hundred megabytes in small pieces. One writer
// at a time (the buffer is shared), closed with std::fclose.
std::FILE *openBuffered(const QString &path)
{
    std::FILE *f = std::fopen(path.toLocal8Bit().constData(), "wb");
    static char buffer[1 << 20];
    if (f)
        std::setvbuf(f, buffer, _IOFBF, sizeof buffer);
    return f;
}

struct Expected
{
    long long periods = 0;
    long long actuals = 0;        // periods with an actual value
    double sumForecast = 0;
    double sumActual = 0;
    long long first = 0, last = 0;
};

// A UK CI national response in the API's own layout (pretty-printed, 4 spaces): 9 lines per period, so period k
// (from 0) starts on line 3 + 9k and its "forecast" is on line 7 + 9k, at column 29 (16 spaces and
// "\"forecast\": " before it). Half-hours from 2000-01-01T00:00Z; forecast = 20 + (37k mod 400); every 10th
// actual is null, the others 10 + (53k mod 400). `bad` (if >= 0) replaces period bad's forecast with `badText`.
Expected writeNational(const QString &path, long long periods, long long bad = -1, const char *badText = "")
{
    Expected e;
    std::FILE *f = openBuffered(path);
    std::fputs("{\n    \"data\": [\n", f);
    for (long long k = 0; k < periods; ++k) {
        const long long t = year2000 + 1800 * k;
        const long long forecast = 20 + (37 * k) % 400;
        const bool hasActual = k % 10 != 9;
        const long long actual = 10 + (53 * k) % 400;
        std::fprintf(f, "        {\n            \"from\": \"%s\",\n            \"to\": \"%s\",\n"
                        "            \"intensity\": {\n", isoMinute(t).c_str(), isoMinute(t + 1800).c_str());
        if (k == bad)
            std::fprintf(f, "                \"forecast\": %s,\n", badText);
        else
            std::fprintf(f, "                \"forecast\": %lld,\n", forecast);
        if (hasActual)
            std::fprintf(f, "                \"actual\": %lld,\n", actual);
        else
            std::fputs("                \"actual\": null,\n", f);
        std::fputs("                \"index\": \"moderate\"\n            }\n", f);
        std::fputs(k + 1 < periods ? "        },\n" : "        }\n", f);
        if (k == bad)
            continue;
        ++e.periods;
        e.sumForecast += static_cast<double>(forecast);
        if (hasActual) {
            ++e.actuals;
            e.sumActual += static_cast<double>(actual);
        }
        e.last = t;
    }
    std::fputs("    ]\n}\n", f);
    std::fclose(f);
    e.first = year2000;
    return e;
}

constexpr int regionCount = 18;
const char *fuels[] = {"biomass", "coal", "imports", "gas", "nuclear", "other", "hydro", "solar", "wind"};

// A UK CI regional response of every region (the /regional/intensity/... layout: each period lists 18 regions,
// each with its generation mix, one line per period). Region r (1..18) forecasts (7k + 13r) mod 500 in period k.
// Returns the sums of the forecasts per region (index r - 1).
std::vector<double> writeRegional(const QString &path, long long periods)
{
    std::vector<double> sums(regionCount, 0);
    std::FILE *f = openBuffered(path);
    std::fputs("{\"data\": [\n", f);
    for (long long k = 0; k < periods; ++k) {
        const long long t = year2000 + 1800 * k;
        std::fprintf(f, "{\"from\": \"%s\", \"to\": \"%s\", \"regions\": [", isoMinute(t).c_str(),
                     isoMinute(t + 1800).c_str());
        for (int r = 1; r <= regionCount; ++r) {
            const long long forecast = (7 * k + 13 * r) % 500;
            sums[r - 1] += static_cast<double>(forecast);
            std::fprintf(f, "%s{\"regionid\": %d, \"dnoregion\": \"DNO %d\", \"shortname\": \"Region %d\", "
                            "\"intensity\": {\"forecast\": %lld, \"index\": \"moderate\"}, \"generationmix\": [",
                         r > 1 ? ", " : "", r, r, r, forecast);
            for (int i = 0; i < 9; ++i)
                std::fprintf(f, "%s{\"fuel\": \"%s\", \"perc\": %d.%d}", i ? ", " : "", fuels[i], (k + i) % 50, r % 10);
            std::fputs("]}", f);
        }
        std::fputs(k + 1 < periods ? "]},\n" : "]}\n", f);
    }
    std::fputs("]}\n", f);
    std::fclose(f);
    return sums;
}

long long fileSize(const QString &path) { return QFileInfo(path).size(); }

// Imports a big file into `store`, printing its size and the peak RSS growth the import caused.
struct MeasuredImport
{
    ImportResult result;
    double growthMb = 0;
};
MeasuredImport importMeasured(ProjectStore &store, const QString &path, const ImportOptions &o, const char *label)
{
    MeasuredImport m;
    m.growthMb = peakGrowthMb([&] { m.result = ImportRunner::importFile(store, path.toStdString(), o); });
    qInfo("%s: %.1f MB file, peak RSS growth %.1f MB", label, fileSize(path) / 1e6, m.growthMb);
    return m;
}

struct DbTotals
{
    long long points = 0, actuals = 0;
    double sumForecast = 0, sumActual = 0;
    long long first = 0, last = 0;
};

// Counted by SQL in the database, without loading the series.
DbTotals totals(ProjectStore &store, const std::string &name)
{
    Statement s = store.database().prepare(
        "SELECT count(*), count(p.actual), total(p.forecast), total(p.actual), min(p.t), max(p.t) "
        "FROM carbon_points p JOIN carbon_series c ON c.id = p.series_id WHERE c.name = ?");
    s.bind(1, name);
    DbTotals t;
    if (s.step()) {
        t.points = s.columnInt64(0);
        t.actuals = s.columnInt64(1);
        t.sumForecast = s.columnDouble(2);
        t.sumActual = s.columnDouble(3);
        t.first = s.columnInt64(4);
        t.last = s.columnInt64(5);
    }
    return t;
}

} // namespace

class TestJsonStreaming : public QObject
{
    Q_OBJECT

private slots:
    // 460,000 periods in the API's layout: 111 MB. The whole-document reader this replaced held the text
    // (111 MB) and a tree of it (several times more: each period is 9 values of ~100 bytes each plus their
    // strings and vectors), so its growth was at least the 111 MB of text, far over the 32 MB bound. (Checked:
    // this suite built against that reader, commit b81abac, measured 743 MB here and 907 MB for the regional
    // file below; streaming measured 3.3 and 0.3 MB.) Streaming holds a 256 KiB chunk, one period and SQLite's
    // page cache.
    void nationalBigFileFlatMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("national big.json");
        const long long n = 460000;
        const Expected e = writeNational(path, n);
        QVERIFY2(fileSize(path) >= 100'000'000, qPrintable(QString::number(fileSize(path))));
        ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
        const auto [r, growth] = importMeasured(store, path, options(SeriesKind::Carbon, "auto", "gb"), "national");
        QCOMPARE(r.format, std::string("ukci"));
        QCOMPARE(r.points, n);
        const DbTotals t = totals(store, "gb");
        QCOMPARE(t.points, e.periods);
        QCOMPARE(t.actuals, e.actuals);
        QCOMPARE(t.actuals, n - n / 10); // every 10th actual null
        QCOMPARE(t.sumForecast, e.sumForecast);
        QCOMPARE(t.sumActual, e.sumActual);
        QCOMPARE(t.first, year2000);
        QCOMPARE(t.last, year2000 + 1800 * (n - 1));
        // Period 1: forecast 20 + 37 = 57, actual 10 + 53 = 63.
        const auto points = store.loadCarbonPoints("gb");
        QCOMPARE(*points[1].forecast, 57.0);
        QCOMPARE(*points[1].actual, 63.0);
        QVERIFY(!points[9].actual);
        QCOMPARE(store.seriesInfo(SeriesKind::Carbon, "gb").meta.intervalSeconds, UtcSeconds(1800));
        QVERIFY2(growth < 32, qPrintable(QString("peak RSS grew %1 MB").arg(growth)));
    }

    // 13,000 periods of 18 regions with their generation mix: 103 MB, 234,000 points in 18 series.
    void regionalBigFileFlatMemory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("regional big.json");
        const long long n = 13000;
        const std::vector<double> sums = writeRegional(path, n);
        QVERIFY2(fileSize(path) >= 100'000'000, qPrintable(QString::number(fileSize(path))));
        ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
        const auto [r, growth] = importMeasured(store, path, options(SeriesKind::Carbon, "ukci", "reg"), "regional");
        QCOMPARE(r.series.size(), std::size_t(regionCount));
        QCOMPARE(r.points, n * regionCount);
        for (int region = 1; region <= regionCount; ++region) {
            const std::string name = "reg/Region " + std::to_string(region);
            const DbTotals t = totals(store, name);
            QCOMPARE(t.points, n);
            QCOMPARE(t.actuals, 0LL); // regional data is forecast only
            QCOMPARE(t.sumForecast, sums[region - 1]);
            QCOMPARE(t.first, year2000);
            QCOMPARE(t.last, year2000 + 1800 * (n - 1));
        }
        // Region 5 in period 2: (14 + 65) mod 500 = 79.
        QCOMPARE(*store.loadCarbonPoints("reg/Region 5")[2].forecast, 79.0);
        QCOMPARE(store.seriesInfo(SeriesKind::Carbon, "reg/Region 5").meta.region, std::string("Region 5 (region 5)"));
        QVERIFY2(growth < 32, qPrintable(QString("peak RSS grew %1 MB").arg(growth)));
    }

    // Period 16666's forecast is on line 7 + 9 * 16666 = 150001, its value at column 29 (see writeNational).
    void deepError_data()
    {
        QTest::addColumn<QByteArray>("badValue");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("a string") << QByteArray("\"abc\"") << 29
                                  << "expected \"forecast\" as a non-negative number or null, got a string";
        // The lexer reads "9", then stops at the 'x' (column 30), which begins no JSON token.
        QTest::newRow("a broken number") << QByteArray("9x9") << 30 << "syntax error";
    }

    void deepError()
    {
        QFETCH(QByteArray, badValue);
        QFETCH(int, column);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath("deep error.json");
        writeNational(path, 200000, 16666, badValue.constData());
        ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
        // What the project held before: one small series of 3 periods (forecasts 20, 57, 94).
        const QString small = dir.filePath("small.json");
        writeNational(small, 3);
        ImportRunner::importFile(store, small.toStdString(), options(SeriesKind::Carbon, "ukci", "keep"));
        const auto err = importError(store, path, options(SeriesKind::Carbon, "ukci", "big"));
        QVERIFY2(err, "the bad value was accepted");
        QCOMPARE(err->line(), 150001);
        QCOMPARE(err->column(), column);
        QVERIFY2(QString::fromStdString(err->message()).contains(message), err->what());
        QCOMPARE(QString::fromStdString(err->file()), path);
        const auto series = store.listSeries();
        QCOMPARE(series.size(), std::size_t(1));
        QCOMPARE(series[0].meta.name, std::string("keep"));
        QCOMPARE(totals(store, "keep").sumForecast, 20.0 + 57.0 + 94.0);
    }

    void deepErrorSkipped()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("deep error.json");
        const Expected e = writeNational(path, 200000, 16666, "\"abc\"");
        ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
        const ImportResult r = importSkippingBadRows(store, path, options(SeriesKind::Carbon, "ukci", "big"));
        QCOMPARE(skipReport(r), QString("1 skipped, 1 warnings, the first at 150001:29"));
        const DbTotals t = totals(store, "big");
        QCOMPARE(t.points, 199999LL);
        QCOMPARE(t.sumForecast, e.sumForecast); // e leaves the bad period out
        QCOMPARE(t.sumActual, e.sumActual);
    }

    // Progress reaches the whole file in steps; cancelling half way leaves the project as it was.
    void progressAndCancel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("national.json");
        writeNational(path, 50000);
        const auto size = static_cast<std::uint64_t>(fileSize(path));
        ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
        ImportOptions o = options(SeriesKind::Carbon, "ukci", "n");
        std::vector<std::uint64_t> seen;
        o.progress = [&](std::uint64_t done, std::uint64_t total) {
            seen.push_back(done);
            return total == size;
        };
        ImportRunner::importFile(store, path.toStdString(), o);
        QVERIFY(seen.size() >= 3);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.back(), size);

        o.name = "cancelled";
        o.progress = [&](std::uint64_t done, std::uint64_t total) { return done < total / 2; };
        QVERIFY_THROWS_EXCEPTION(ImportCancelled, ImportRunner::importFile(store, path.toStdString(), o));
        QCOMPARE(store.listSeries().size(), std::size_t(1));
    }

    // Cancel is honoured during the second reading too (WattTime's "meta" after 40,000 points, about 2.6 MB):
    // the first progress call comes from the import's own reading (its first 1 MiB), the next ones from the
    // second reading, which reports where the import's own reading is and stops when told to.
    void cancelDuringTheSecondReading()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("wt big.json");
        QByteArray json = "{\"data\":[";
        for (int i = 0; i < 40000; ++i)
            json += (i ? ",\n" : "") + QByteArray("{\"point_time\":\"") + QByteArray::fromStdString(isoMinute(year2000 + 300LL * i))
                    + "\",\"value\":1000}";
        json += "],\n\"meta\":{\"units\":\"lbs_co2_per_mwh\"}}";
        writeFile(path, json);
        ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
        ImportOptions o = options(SeriesKind::Carbon, "watttime", "wt");
        int calls = 0;
        std::uint64_t lastDone = 0, lastTotal = 0;
        o.progress = [&](std::uint64_t done, std::uint64_t total) {
            lastDone = done;
            lastTotal = total;
            return ++calls < 3;
        };
        QVERIFY_THROWS_EXCEPTION(ImportCancelled, ImportRunner::importFile(store, path.toStdString(), o));
        QCOMPARE(calls, 3);
        QCOMPARE(lastTotal, static_cast<std::uint64_t>(json.size()));
        QCOMPARE(lastDone, std::uint64_t(1) << 20); // still the import's first chunk
        QVERIFY(store.listSeries().empty());
        // Without the cancel, the same file imports: 40,000 points of 1000 lbs/MWh = 453.59237 g/kWh.
        o.progress = {};
        ImportRunner::importFile(store, path.toStdString(), o);
        const TimeSeries ts = store.loadCarbonSeries("wt");
        QCOMPARE(ts.values.size(), std::size_t(40000));
        QVERIFY(qFuzzyCompare(ts.values.back(), 453.59237));
    }

    // A record nested 100,000 deep is refused at its 257th level ({"data":[{"from": is 17 characters, so the
};

QTEST_GUILESS_MAIN(TestJsonStreaming)
#include "test_json_streaming.moc"
