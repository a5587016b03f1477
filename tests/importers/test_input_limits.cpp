// Every bound on what one input may make the importers hold (core/importers/import_limits.h) is refused with its
// message at its place: the line length, fields per row, JSON token size, depth and collected size, values out of
// range, decompression ratio and total size; error messages quote at most 40 characters, escaped. Places are
// counted by hand in the comments (1-based).
#include "big_input.h"
#include "database.h"
#include "import_test_util.h"
#include "request_binner.h"
#include "store_sink.h"
#include "series_writer.h"
#include "transaction.h"

#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace cs;
using namespace testutil;

namespace {
const QByteArray T = "2023-06-01T00:00Z"; // 17 characters: a value after it and a comma starts at column 19
const QByteArray longLine = T + "," + QByteArray(1 << 20, '7') + "\n"; // 18 + 1048576 bytes before '\n'
}

class TestInputLimits : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    int mFiles = 0;

    QString fresh(const char *suffix) { return mDir.filePath(QStringLiteral("in%1%2").arg(++mFiles).arg(suffix)); }

    // Imports `path` into a new project; returns the ParseError, or fails the test where there is none.
    std::optional<ParseError> refusal(const QString &path, const ImportOptions &o)
    {
        ProjectStore store = ProjectStore::open(fresh(".csdb").toStdString());
        return importError(store, path, o);
    }

    // The InputError (not a ParseError) an import stops with; empty when it succeeds.
    QString inputError(const QString &path, const ImportOptions &o)
    {
        ProjectStore store = ProjectStore::open(fresh(".csdb").toStdString());
        try {
            ImportRunner::importFile(store, path.toStdString(), o);
        } catch (const ParseError &e) {
            return QStringLiteral("ParseError: ") + QString::fromStdString(e.what());
        } catch (const InputError &e) {
            return QString::fromStdString(e.what());
        }
        return {};
    }

    // Imports the current row's content from a new file into a new project and checks the refusal it must meet.
    void checkRefusal(bool skipBadRows)
    {
        QFETCH(QByteArray, content);
        const QString path = fresh(".txt");
        biginput::writeFile(path, content);
        ImportOptions o = refusalOptions();
        o.skipBadRows = skipBadRows;
        if (o.format == "twitter")
            o.start = 1685577600;
        const auto e = refusal(path, o);
        compareRefusal(e, path);
        if (e)
            QVERIFY2(std::string(e->what()).size() < 400, "the message stays short");
    }

private slots:
    void refused_data()
    {
        addRefusalColumns();
        QTest::newRow("csv line over 1 MiB") << "carbon" << "csv" << ("time,value\n" + longLine) << 2 << 1
            << "line longer than 1048576 bytes (not a CSV file?)";
        // A million columns (2,000,000 bytes): the first 256 KiB chunk already holds 131,072 commas. The 10,000th
        // comma is character 20,000 ("c," x 10,000): the 10,001st field starts at column 20,001.
        QTest::newRow("header of a million columns") << "carbon" << "csv"
            << (QByteArray("c,").repeated(1'000'000) + "\n") << 1 << 20001 << "more than 10000 fields in one line";
        // 20,000 columns in 40,000 bytes: the fields limit.
        QTest::newRow("header of 20000 columns") << "carbon" << "csv"
            << (QByteArray("c,").repeated(20'000) + "\n" + T + ",1\n") << 1 << 20001
            << "more than 10000 fields in one line";
        // 1 comma + 9,999 more = 10,000 separators: 10,001 fields. T ",5" is 19 characters, the 9,999th comma
        // character 10,018: the 10,001st field starts at column 10,019.
        QTest::newRow("row of 10001 fields") << "carbon" << "csv"
            << ("time,value\n" + T + ",5" + QByteArray(9'999, ',') + "\n") << 2 << 10019 << "more than 10000 fields";
        // A Twitter line with a 1.5 MiB key is well formed, and still refused (line 2; the fast path leaves it).
        QTest::newRow("twitter line over 1 MiB") << "requests" << "twitter"
            << ("0,k,1,1,1,get,0\n0," + QByteArray(3 << 19, 'k') + ",1,1,1,get,0\n1,k,1,1,1,get,0\n") << 2 << 1
            << "line longer than 1048576 bytes";

        // {"data": [{"from": " : the string's quote is character 20.
        QTest::newRow("json string over 1 MiB") << "carbon" << "ukci"
            << ("{\"data\": [{\"from\": \"" + QByteArray(2 << 20, 'x') + "\"}]}") << 1 << 20
            << "a JSON string longer than 1048576 bytes";
        QTest::newRow("json number over 1 MiB") << "carbon" << "ukci"
            << ("[" + QByteArray(2 << 20, '1') + "]") << 1 << 2 << "a JSON number or literal longer than 1048576 bytes";
        // A skipped member nested deeply: the root '{' is level 1, the k-th '[' level k+1; {"zone": "FR", "x": is
        // 20 characters, so the 1,000,000th '[' (level 1,000,001) is character 20 + 1,000,000.
        QTest::newRow("json skipped value nested 1000001 deep") << "carbon" << "ukci"
            << ("{\"zone\": \"FR\", \"x\": " + QByteArray(1'000'000, '[') + QByteArray(1'000'000, ']') + "}") << 1
            << 1'000'020 << "nested more than 1000000 levels deep";
        // One point holding 50,000 numbers: more than 4 MiB as collected (each value node counts), at the point's '{'.
        QTest::newRow("json point too large to hold") << "carbon" << "electricitymaps"
            << ("[{\"datetime\": \"2024-07-04T00:00:00.000Z\", \"carbonIntensity\": 5, \"x\": ["
                + QByteArray("0,").repeated(49'999) + "0]}]") << 1 << 2
            << "a value too large to read at once (more than 4 MiB in memory";

        QTest::newRow("csv intensity above 10000") << "carbon" << "csv"
            << ("time,value\n" + T + ",2000000\n") << 2 << 19 << "carbon intensity 2000000 in column 'value' is above the largest allowed, 10000 gCO2/kWh";
        QTest::newRow("csv request count above 1e15") << "requests" << "csv"
            << ("time,count\n" + T + ",1e16\n") << 2 << 19
            << "request count 1e16 in column 'count' is above the largest allowed, 1e+15 requests";
        // "datetime (utc),carbon intensity gco₂eq/kwh (life cycle)" header; the value after "2023-01-01 00:00:00,".
        QTest::newRow("electricity maps csv intensity above 10000") << "carbon" << "electricitymaps"
            << QByteArray("Datetime (UTC),Carbon Intensity gCO2eq/kWh (LCA)\n2023-01-01 00:00:00,1e7\n") << 2 << 21
            << "expected an intensity of at most 10000, got \"1e7\"";
        // {"data":[{"from":"2023-06-01T00:00Z","to":"2023-06-01T00:30Z","intensity":{"forecast": is 86 characters.
        QTest::newRow("ukci forecast above 10000") << "carbon" << "ukci"
            << QByteArray("{\"data\":[{\"from\":\"2023-06-01T00:00Z\",\"to\":\"2023-06-01T00:30Z\",\"intensity\":"
                          "{\"forecast\":2e6,\"actual\":1}}]}") << 1 << 87 << "expected \"forecast\" of at most 10000, got 2e+06";
        // [{"datetime": "2024-07-04T00:00:00.000Z", "carbonIntensity": is 60 characters; a space, then the value.
        QTest::newRow("electricity maps json intensity above 10000") << "carbon" << "electricitymaps"
            << QByteArray("[{\"datetime\": \"2024-07-04T00:00:00.000Z\", \"carbonIntensity\": 1e7}]") << 1 << 62
            << "expected \"carbonIntensity\" of at most 10000, got 1e+07";

        // Quoted fields: at most 40 characters, then "…"; control characters escaped.
        QTest::newRow("long field quoted short") << "carbon" << "csv"
            << ("time,value\n" + QByteArray(100, 'x') + ",1\n") << 2 << 1
            << QString("expected a time, got \"%1\u2026\"").arg(QString(40, 'x'));
        QTest::newRow("control characters escaped") << "carbon" << "csv"
            << QByteArray("time,value\n\x1b[31mred,1\n") << 2 << 1 << "expected a time, got \"\\x1b[31mred\"";
    }

    void refused() { checkRefusal(false); }

    // The limit is on the input, not on one row: skipping bad rows does not read past it.
    void refusedWhileSkippingBadRows_data()
    {
        addRefusalColumns();
        QTest::newRow("csv line over 1 MiB") << "carbon" << "csv" << ("time,value\n" + T + ",1\n" + longLine) << 3 << 1
            << "line longer than 1048576 bytes";
        QTest::newRow("requests row of 10001 fields") << "requests" << "csv"
            << ("time,count\n" + T + ",5" + QByteArray(9'999, ',') + "\n") << 2 << 10019 << "more than 10000 fields";
    }

    void refusedWhileSkippingBadRows() { checkRefusal(true); }

    // Just inside the limits: read as before.
    void acceptedAtTheLimits()
    {
        // 9,999 tabs before the value: 9,999 separators (10,000 fields counted the most generous way). The number
        // reader trims tabs, so the value is 5.
        const QString tabs = fresh(".csv");
        biginput::writeFile(tabs, "time,value\n" + T + "," + QByteArray(9'999, '\t') + "5\n" + "2023-06-01T00:30Z,6\n");
        ProjectStore store = ProjectStore::open(fresh(".csdb").toStdString());
        ImportRunner::importFile(store, tabs.toStdString(), options(SeriesKind::Carbon, "csv", "tabs"));
        QCOMPARE(store.loadCarbonSeries("tabs").values, (std::vector<double>{5, 6}));
        // An intensity of exactly 10,000 and a count of exactly 1e15.
        const QString top = fresh(".csv");
        biginput::writeFile(top, "time,value\n" + T + ",10000\n2023-06-01T00:30Z,0\n");
        ImportRunner::importFile(store, top.toStdString(), options(SeriesKind::Carbon, "csv", "top"));
        QCOMPARE(store.loadCarbonSeries("top").values, (std::vector<double>{1e4, 0}));
        const QString counts = fresh(".csv");
        biginput::writeFile(counts, "time,count\n" + T + ",1e15\n2023-06-01T00:30Z,1\n");
        ImportRunner::importFile(store, counts.toStdString(), options(SeriesKind::Requests, "csv", "counts"));
        QCOMPARE(store.loadRequestSeries("counts").values, (std::vector<double>{1e15, 1}));
        // A line of exactly 1 MiB (1,048,576 bytes before its '\n').
        const QString line = fresh(".csv");
        biginput::writeFile(line, "time,value\n" + T + ",1" + QByteArray((1 << 20) - 19, ' ') + "\n2023-06-01T00:30Z,2\n");
        ImportRunner::importFile(store, line.toStdString(), options(SeriesKind::Carbon, "csv", "line"));
        QCOMPARE(store.loadCarbonSeries("line").values, (std::vector<double>{1, 2}));
    }

    // A gzip file inflating to 64 MiB of 'a' without a newline: refused at line 1 after about 1 MiB, through
    // the CSV reader and through the Twitter line reader.
    void gzipOneLongLine()
    {
        const QString bomb = fresh(".gz");
        QVERIFY(biginput::writeGzip(bomb, {}, QByteArray(1 << 20, 'a'), 64) > 0);
        for (const char *format : {"csv", "twitter"}) {
            ImportOptions o = options(SeriesKind::Requests, format);
            o.start = 1685577600;
            const auto e = refusal(bomb, o);
            QVERIFY2(e, format);
            QVERIFY2(QString::fromStdString(e->message()).contains("line longer than 1048576 bytes"), e->what());
            QCOMPARE(placeOf(*e), QStringLiteral("1:1"));
        }
    }

    // The bomb, 1 GiB of one line in about 1 MB of gzip (it made import use 5.4 GB), and 256 MiB of blank
    // lines: each import runs in a child process (fork) whose own peak RSS (wait4) must stay under 100 MB. The
    // child reports through its exit status: 0 refused as expected, 1 anything else.
    void bombsStayUnder100MB()
    {
        const QString line = fresh(".gz"), blank = fresh(".gz");
        const qint64 lineSize = biginput::writeGzip(line, {}, QByteArray(1 << 20, 'a'), 1024);
        QVERIFY2(lineSize > 0 && lineSize < 2'000'000, qPrintable(QString::number(lineSize)));
        QVERIFY(biginput::writeGzip(blank, "time,count\n", QByteArray(1 << 20, '\n'), 256) > 0);
        struct Case
        {
            QString file;
            const char *format;
            const char *message;
        };
        for (const Case &c : {Case{line, "csv", "line longer than 1048576 bytes"},
                              Case{line, "twitter", "line longer than 1048576 bytes"},
                              Case{blank, "csv", "bytes per compressed byte"}}) {
            const std::string db = fresh(".csdb").toStdString();
            const pid_t pid = fork();
            QVERIFY(pid >= 0);
            if (pid == 0) {
                bool asExpected = false;
                try {
                    ProjectStore store = ProjectStore::open(db);
                    ImportOptions o = options(SeriesKind::Requests, c.format);
                    o.start = 1685577600;
                    ImportRunner::importFile(store, c.file.toStdString(), o);
                } catch (const std::exception &e) { // ParseError or InputError
                    asExpected = std::string(e.what()).find(c.message) != std::string::npos;
                } catch (...) {
                }
                _exit(asExpected ? 0 : 1); // never back into the test runner
            }
            int status = 0;
            rusage usage{};
            QCOMPARE(wait4(pid, &status, 0, &usage), pid);
            QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, c.message);
            qInfo("%s (%s): peak RSS %ld kB", c.message, c.format, usage.ru_maxrss);
            QVERIFY2(usage.ru_maxrss < 100 * 1000, qPrintable(QString("peak RSS %1 kB").arg(usage.ru_maxrss)));
        }
    }

    // 80 MiB of blank lines compress about 1000:1; past the first 64 MiB the ratio is checked (here at 100:1).
    void decompressionRatioRefused()
    {
        const QString bomb = fresh(".gz");
        const qint64 size = biginput::writeGzip(bomb, "time,count\n", QByteArray(1 << 20, '\n'), 80);
        QVERIFY(size > 0 && size < (80 << 20) / 500);
        ImportOptions o = options(SeriesKind::Requests, "csv");
        o.maxDecompressionRatio = 100;
        const QString error = inputError(bomb, o);
        QVERIFY2(error.startsWith(bomb + ": decompresses to "), qPrintable(error));
        QVERIFY2(error.contains(" bytes per compressed byte ("), qPrintable(error));
        QVERIFY2(error.contains("more than the limit of 100: a decompression bomb?"), qPrintable(error));
        // Under the default 1000:1 the same file is refused too: deflate reaches about 1030:1 on one repeated byte.
        QVERIFY2(inputError(bomb, options(SeriesKind::Requests, "csv")).contains("more than the limit of 1000"),
                 "the default ratio");
    }

    void decompressedTotalRefused()
    {
        const QString big = fresh(".gz");
        QVERIFY(biginput::writeGzip(big, "time,count\n", QByteArray(1 << 20, '\n'), 2) > 0);
        ImportOptions o = options(SeriesKind::Requests, "csv");
        o.maxDecompressedBytes = 1 << 20;
        const QString error = inputError(big, o);
        QVERIFY2(error.startsWith(big + ": decompresses to more than 1048576 bytes"), qPrintable(error));
    }

    // 1,001 regions in one all-regions period: refused at the 1,001st region's '{'.
    void ukciTooManyRegions()
    {
        QByteArray text = "{\"data\":[{\"from\":\"2023-06-01T00:00Z\",\"to\":\"2023-06-01T00:30Z\",\"regions\":[";
        int column = 0;
        for (int i = 1; i <= 1001; ++i) {
            if (i > 1)
                text += ',';
            if (i == 1001)
                column = text.size() + 1;
            text += "{\"regionid\":" + QByteArray::number(i) + ",\"shortname\":\"r" + QByteArray::number(i)
                    + "\",\"intensity\":{\"forecast\":1}}";
        }
        text += "]}]}";
        const QString path = fresh(".json");
        biginput::writeFile(path, text);
        const auto e = refusal(path, options(SeriesKind::Carbon, "ukci"));
        QVERIFY2(e, "accepted");
        QVERIFY2(QString::fromStdString(e->message()).contains("more than 1000 regions in one file"), e->what());
        QCOMPARE(placeOf(*e), QStringLiteral("1:%1").arg(column));
    }

    // Counts per interval stop before 10^15 + 1, naming the interval.
    void requestCountPerIntervalBounded()
    {
        ProjectStore store = ProjectStore::open(fresh(".csdb").toStdString());
        Transaction tx(store.database());
        StoreSink sink(store.database());
        const auto writer = sink.newSeries(SeriesKind::Requests, SeriesMeta{"r", {}, {}, "requests", {}, 60}, false);
        RequestBinner binner(*writer, 60, 10);
        binner.add(1685577600, 1e15); // exactly the limit
        try {
            binner.add(1685577601, 1);
            QFAIL("10^15 + 1 requests in one interval were accepted");
        } catch (const InputError &e) {
            QCOMPARE(QString::fromStdString(e.what()),
                     QStringLiteral("more than 1000000000000000 requests in the interval starting 2023-06-01T00:00:00Z"));
        }
    }
};

QTEST_GUILESS_MAIN(TestInputLimits)
#include "test_input_limits.moc"
