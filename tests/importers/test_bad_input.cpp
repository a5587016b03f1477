// Every kind of bad input is refused with one message naming file:line:column and what was expected; with
// skipBadRows the same rows are skipped and counted. Columns are counted by hand in the comments (1-based).
#include "../core/error_text.h"
#include "import_test_util.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cs;
using namespace testutil;

class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void refused_data()
    {
        addRefusalColumns();
        // "2023-06-01T00:30Z" is 17 characters, the comma 18: the value starts at column 19.
        QTest::newRow("csv non-number") << "carbon" << "csv"
            << QByteArray("time,value\n2023-06-01T00:00Z,12\n2023-06-01T00:30Z,abc\n") << 3 << 19
            << "expected a number, got \"abc\"";
        QTest::newRow("csv bad time") << "carbon" << "csv"
            << QByteArray("time,value\n2023-06-01T00:00Z,12\n2023-13-01T00:30Z,1\n") << 3 << 1
            << "expected a time, got \"2023-13-01T00:30Z\"";
        QTest::newRow("csv time goes backwards") << "carbon" << "csv"
            << QByteArray("time,value\n2023-06-01T01:00Z,1\n2023-06-01T00:30Z,2\n") << 3 << 1
            << "time goes backwards: 2023-06-01T00:30:00Z comes after 2023-06-01T01:00:00Z (line 2; times must be strictly "
               "increasing)";
        QTest::newRow("csv duplicate time") << "carbon" << "csv"
            << QByteArray("time,value\n2023-06-01T00:00Z,1\n2023-06-01T00:00:00Z,2\n") << 3 << 1
            << "duplicate time 2023-06-01T00:00:00Z (first on line 2)";
        // 3 columns needed (actual is the 3rd); line 3 has 2 fields, its last ("1") at column 19, so it ends at 20.
        QTest::newRow("csv truncated line") << "carbon" << "csv"
            << QByteArray("time,forecast,actual\n2023-06-01T00:00Z,1,2\n2023-06-01T00:30Z,1\n") << 3 << 20
            << "truncated line: expected 3 fields, got 2";
        // The value field starts at column 19; 0xE9 (Latin-1 é) is its 2nd byte: column 20.
        QTest::newRow("csv wrong encoding (Latin-1 byte)") << "carbon" << "csv"
            << QByteArray("time,value\n2023-06-01T00:00Z,12\n2023-06-01T00:30Z,1\xe9\n") << 3 << 20
            << "wrong encoding: byte 0xE9 is not UTF-8";
        QTest::newRow("UTF-16 file") << "carbon" << "auto" << QByteArray("\xff\xfet\0i\0m\0e\0", 10) << 1 << 1
            << "wrong encoding: UTF-16 text";
        QTest::newRow("empty file") << "carbon" << "auto" << QByteArray() << 1 << 1 << "empty file";
        QTest::newRow("blank lines only") << "requests" << "csv" << QByteArray("\n\r\n  \n") << 1 << 1 << "empty file";
        QTest::newRow("csv unterminated quote") << "carbon" << "csv"
            << QByteArray("time,value\n\"2023-06-01T00:00Z,1\n") << 2 << 1 << "unterminated quoted field";
        // "2020-01-01 00:00:00" is 19 characters: the count starts at 21.
        QTest::newRow("requests negative count") << "requests" << "csv"
            << QByteArray("ds,y\n2020-01-01 00:00:00,5\n2020-01-01 01:00:00,-3\n") << 3 << 21
            << "negative request count -3 in column 'y'";
        QTest::newRow("azure time goes backwards") << "requests" << "auto"
            << QByteArray("TIMESTAMP,ContextTokens,GeneratedTokens\r\n2023-11-16 18:17:03.9799600,4808,10\r\n"
                          "2023-11-16 18:17:02.0000000,1,1") << 3 << 1 << "time goes backwards";
        // "5,k,1,2" is 7 characters and the file ends there.
        QTest::newRow("twitter truncated last line") << "requests" << "twitter"
            << QByteArray("0,k,1,2,3,get,0\n5,k,1,2") << 2 << 8
            << "truncated line (the file ends inside it): expected 7 fields";
        QTest::newRow("twitter non-number timestamp") << "requests" << "twitter"
            << QByteArray("0,k,1,2,3,get,0\nx5,k,1,2,3,get,0\n") << 2 << 1 << "expected the timestamp";
        // "0,k,1," is 6 characters: the value size starts at 7.
        QTest::newRow("twitter non-number value size") << "requests" << "twitter"
            << QByteArray("0,k,1,2,3,get,0\n0,k,1,zz,3,get,0\n") << 2 << 7
            << "expected the value size (a whole number), got \"zz\"";
        // Found by fuzzing: a 19-digit timestamp once overflowed while being read.
        QTest::newRow("twitter timestamp too long") << "requests" << "twitter"
            << QByteArray("0,k,1,2,3,get,0\n1111111111111111111,k,1,2,3,get,0\n") << 2 << 1 << "expected the timestamp";
        QTest::newRow("twitter time goes backwards") << "requests" << "twitter"
            << QByteArray("5,k,1,2,3,get,0\n4,k,1,2,3,get,0\n") << 2 << 1 << "time goes backwards: 4 s after 5 s";
        // {"from":"2024-01-01T00:00Z","to":"2024-01-01T00:30Z","intensity":{"forecast": is 77 characters.
        QTest::newRow("ukci forecast not a number") << "carbon" << "auto"
            << QByteArray("{\"data\":[\n{\"from\":\"2024-01-01T00:00Z\",\"to\":\"2024-01-01T00:30Z\",\"intensity\":"
                          "{\"forecast\":\"abc\",\"actual\":1}}\n]}") << 2 << 78
            << "expected \"forecast\" as a non-negative number or null, got a string";
        // Found by fuzzing (the read-back check): one region under two ids became two series of one name. Line 2:
        // {"from":"2023-12-31T00:00Z","to":"2023-12-31T00:30Z","regions":[ is 64 characters; the region starts at 65.
        QTest::newRow("ukci one region name under two ids") << "carbon" << "ukci"
            << QByteArray("[{\"from\":\"2023-12-30T23:30Z\",\"to\":\"2023-12-31T00:00Z\",\"regions\":[{\"regionid\":1,"
                          "\"shortname\":\"A\",\"intensity\":{\"forecast\":1}}]},\n{\"from\":\"2023-12-31T00:00Z\","
                          "\"to\":\"2023-12-31T00:30Z\",\"regions\":[{\"shortname\":\"A\",\"intensity\":{\"forecast\":2}}]}]")
            << 2 << 65 << "region \"A\" appears with two ids (\"1\" and \"\"); one region, one id";
        // {"data":[1,] : the ']' at column 12 is where a value was expected.
        QTest::newRow("json syntax error") << "carbon" << "ukci" << QByteArray("{\"data\":[1,]}") << 1 << 12
            << "syntax error";
        // {"zone":"FR","history":[{"carbonIntensity": is 43 characters.
        QTest::newRow("electricitymaps json not a number") << "carbon" << "auto"
            << QByteArray("{\"zone\":\"FR\",\"history\":[{\"carbonIntensity\":\"x\",\"datetime\":\"2024-07-04T11:00:00.000Z\"}]}")
            << 1 << 44 << "expected \"carbonIntensity\" as a non-negative number, got a string";
        // {"data":[{"point_time":"2022-07-15T00:00:00Z","value":1},{"point_time": is 71 characters.
        QTest::newRow("watttime duplicate time") << "carbon" << "auto"
            << QByteArray("{\"data\":[{\"point_time\":\"2022-07-15T00:00:00Z\",\"value\":1},{\"point_time\":"
                          "\"2022-07-15T00:00:00Z\",\"value\":2}],\"meta\":{\"units\":\"lbs_co2_per_mwh\"}}")
            << 1 << 72 << "duplicate time 2022-07-15T00:00:00Z";
    }

    void refused()
    {
        QFETCH(QByteArray, content);
        ScratchImport scratch(QStringLiteral("bad input é.txt"), content);
        ImportOptions o = refusalOptions();
        o.name = "x";
        o.start = 1583020800; // 2020-03-01T00:00Z, for the Twitter cases
        compareRefusal(importError(scratch.store, scratch.path, o), scratch.path);
        QVERIFY(scratch.store.listSeries().empty()); // nothing was kept
    }

    void skipBadRowsCounts()
    {
        // Rows 3 (non-number), 5 (duplicate of row 4) and 6 (bad time) are bad; 2, 4 and 7 are good.
        ScratchImport scratch("some bad.csv", "time,value\n2023-06-01T00:00Z,1\n2023-06-01T00:30Z,x\n2023-06-01T01:00Z,3\n"
                                              "2023-06-01T01:00Z,4\nnot a time,5\n2023-06-01T01:30Z,6\n");
        const ImportResult r =
            importSkippingBadRows(scratch.store, scratch.path, options(SeriesKind::Carbon, "csv", "s"));
        QCOMPARE(skipReport(r), QString("3 skipped, 3 warnings, the first at 3:19"));
        QCOMPARE(r.warnings[1].line, 5LL);
        QCOMPARE(r.warnings[2].line, 6LL);
        QCOMPARE(scratch.store.loadCarbonSeries("s").values, (std::vector<double>{1, 3, 6}));
    }

    // Found by fuzzing: a line the fast scanner leaves to the slow path (a 13-digit value size) once kept the
    // fast scanner's partial timestamp and read the time wrong (or overflowed).
    void twitterSlowPathReadsTimeAfresh()
    {
        ScratchImport scratch("t.csv", "0,k,1,2,3,get,0\n60,k,1,1234567890123,3,get,0\n");
        ImportOptions o = options(SeriesKind::Requests, "twitter", "t");
        o.start = 0;
        scratch.import(o);
        // Second 0 and second 60: one request in each of two minutes.
        const TimeSeries ts = scratch.store.loadRequestSeries("t");
        QCOMPARE(ts.times, (std::vector<UtcSeconds>{0, 60}));
        QCOMPARE(ts.values, (std::vector<double>{1, 1}));
    }

    void twitterSkipBadRows()
    {
        ScratchImport scratch("t.csv", "0,k,1,2,3,get,0\n0,k,1\n0,k,1,2,3,get,0\n");
        ImportOptions o = options(SeriesKind::Requests, "twitter", "t");
        o.start = 0;
        const ImportResult r = importSkippingBadRows(scratch.store, scratch.path, o);
        QCOMPARE(r.skippedRows, 1LL);
        QCOMPARE(scratch.store.loadRequestSeries("t").values, std::vector<double>{2});
    }

    void truncatedCompressedFile()
    {
        QFile f(local("twitter_cluster052_mini.csv.gz"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray gz = f.readAll();
        gz.chop(30); // cut inside the deflate stream
        ScratchImport scratch("cut.csv.gz", gz);
        ImportOptions o = options(SeriesKind::Requests, "twitter", "t");
        o.start = 0;
        const QString e = errorText<InputError>([&] { scratch.import(o); });
        QVERIFY2(e.contains("truncated gzip data"), qPrintable("a truncated gzip file: " + e));
        QVERIFY(scratch.store.listSeries().empty());
    }

    // Found by fuzzing: a stray far-future time in a per-request trace would have written 100 million zeros.
    void hugeGapBetweenRequestsRefused()
    {
        ScratchImport scratch("gap.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:03,1,1\n"
                                         "2223-11-16 18:17:03,1,1\n");
        const QString e = errorText<InputError>(
            [&] { scratch.import(options(SeriesKind::Requests, "auto", "g")); });
        QVERIFY2(e.contains("more than 1000000 empty intervals of 60 s"), qPrintable("a 200-year gap: " + e));
        QVERIFY(scratch.store.listSeries().empty());
    }

    void unknownFormatAndUndetectable()
    {
        ScratchImport scratch("x.json", "{\"hello\": 1}");
        QVERIFY_THROWS_EXCEPTION(InputError, scratch.import(options(SeriesKind::Carbon, "nope")));
        QVERIFY_THROWS_EXCEPTION(InputError, scratch.import(options(SeriesKind::Carbon, "auto")));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "test_bad_input.moc"
