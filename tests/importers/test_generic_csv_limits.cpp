// Issue #13, memory stays bounded whatever the input, for the trace CSVs that --carbon and --requests read
// (the generic CSV importer over core/csv_reader.cpp; moved from tests/core): a line longer than
// limits::maxLineBytes, a record of more than limits::maxFieldsPerRow fields and a trace of more than maxTraceRows
// rows are refused at their line, each limit exactly is accepted, and carbonscope-cli refuses a 50 MB line without
// holding it.
#include "../core/error_text.h"
#include "fixture_files.h"
#include "input_csv.h"
#include "number_checks.h"
#include "parse_error.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace cs;
using cs::test::csvFile;
using cs::test::csvText;
using cs::test::writeFixture;

static QString errorOf(const std::string &text)
{
    return errorText<ParseError>([&] { csvText(text, "bad.csv"); });
}

// "2023-06-01T00:00:00," then the value 357 with leading zeros, so that the line (without its '\n') holds
// exactly `bytes` bytes.
static std::string rowOfBytes(std::size_t bytes, const char *time = "2023-06-01T00:00:00")
{
    std::string row = std::string(time) + ",";
    return row + std::string(bytes - row.size() - 3, '0') + "357";
}

class TestGenericCsvLimits : public QObject
{
    Q_OBJECT
    QTemporaryDir mDir;

    QString write(const QString &name, const QByteArray &text) { return writeFixture(mDir, name, text); }

    // header + `rows` half-hourly rows from 2000-01-01T00:00:00Z (every value 100).
    QString writeRows(const QString &name, std::size_t rows)
    {
        std::string text = "datetime,intensity\n";
        text.reserve(rows * 24 + 32);
        char line[64];
        for (std::size_t i = 0; i < rows; ++i) {
            const long long t = static_cast<long long>(i) * 1800; // 2000-01-01 + t seconds: days and time of day
            const long long day = t / 86400, s = t % 86400;
            // Days from 2000-01-01 to a civil date (proleptic Gregorian; Howard Hinnant's days_from_civil inverse).
            const long long z = day + 10957 + 719468, era = z / 146097, doe = z - era * 146097;
            const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
            const long long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
            const long long y = yoe + era * 400 + (m <= 2);
            const int n = std::snprintf(line, sizeof line, "%04lld-%02lld-%02lldT%02lld:%02lld:00,100\n", y, m, d,
                                        s / 3600, s % 3600 / 60);
            text.append(line, static_cast<std::size_t>(n));
        }
        return write(name, QByteArray::fromStdString(text));
    }

private slots:
    void lineOfLimitPlusOneIsRefusedAtItsLine()
    {
        // Line 2 holds 1,048,577 bytes: refused for its length, at line 2 column 1, before its content is read.
        const std::string text = "datetime,intensity\n" + rowOfBytes(limits::maxLineBytes + 1) + "\n";
        QCOMPARE(errorOf(text), QString("bad.csv:2:1: line longer than 1048576 bytes (not a CSV file?)"));
        // The same without a final '\n', and as the header (line 1).
        QCOMPARE(errorOf(text.substr(0, text.size() - 1)),
                 QString("bad.csv:2:1: line longer than 1048576 bytes (not a CSV file?)"));
        QCOMPARE(errorOf(std::string(limits::maxLineBytes + 1, 'x') + "\n2023-06-01T00:00:00,1\n"),
                 QString("bad.csv:1:1: line longer than 1048576 bytes (not a CSV file?)"));
        // A '\r' counts (as in the importers): 1,048,576 bytes and "\r\n" is one byte too many.
        QCOMPARE(errorOf("datetime,intensity\n" + rowOfBytes(limits::maxLineBytes) + "\r\n"),
                 QString("bad.csv:2:1: line longer than 1048576 bytes (not a CSV file?)"));
    }

    void lineOfExactlyTheLimitIsRead()
    {
        // Line 2 holds 1,048,576 bytes (16 reads of 64 KiB exactly): 357, then line 3 is read as usual.
        const TimeSeries s = csvText("datetime,intensity\n" + rowOfBytes(limits::maxLineBytes) +
                                     "\n2023-06-01T00:30:00,358\n" +
                                     rowOfBytes(limits::maxLineBytes, "2023-06-01T01:00:00"), "long.csv");
        QCOMPARE(s.values, (std::vector<double>{357, 358, 357}));
        QCOMPARE(s.intervalSeconds, 1800LL);
        // A long line that is not a number is refused for its content, at its value's column (21), not its length.
        const QString e = errorOf("datetime,intensity\n2023-06-01T00:00:00," +
                                  std::string(limits::maxLineBytes - 20, 'x') + "\n");
        QVERIFY2(e.startsWith("bad.csv:2:21: expected a number, got \"xxx"),
                 qPrintable(e.left(200)));
    }

    void tenThousandAndOneFieldsAreRefused()
    {
        // The header "datetime,intensity,x,...,x" with 9,999 x: 10,001 fields. The 10,001st starts after
        // "datetime,intensity," (19 characters) and 9,998 "x," (19,996): column 20,016.
        std::string header = "datetime,intensity";
        for (int i = 0; i < 9999; ++i)
            header += ",x";
        QCOMPARE(errorOf(header + "\n2023-06-01T00:00:00,357\n"),
                 QString("bad.csv:1:20016: more than 10000 fields in one line"));
        // One x fewer: 10,000 fields, read.
        header.resize(header.size() - 2);
        QCOMPARE(csvText(header + "\n2023-06-01T00:00:00,357\n", "wide.csv").values, std::vector<double>{357});
        // A data row "2023-06-01T00:00:00,357" (23 characters) and 9,999 commas: 10,001 fields, the last (empty)
        // starting after all 10,022 characters, at column 10,023. 9,998 commas (10,000 fields, the extras empty)
        // are read.
        QCOMPARE(errorOf("datetime,intensity\n2023-06-01T00:00:00,357" + std::string(9999, ',') + "\n"),
                 QString("bad.csv:2:10023: more than 10000 fields in one line"));
        const std::string ok = "datetime,intensity\n2023-06-01T00:00:00,357" + std::string(9998, ',') + "\n";
        QCOMPARE(csvText(ok, "wide.csv").values, std::vector<double>{357});
    }

    void traceOfCapPlusOneRowsIsRefusedAtItsLine()
    {
        // Header + 100,001 rows: row 100,001 is line 100,002.
        const QString path = writeRows("over.csv", maxTraceRows + 1);
        try {
            csvFile(path.toStdString());
            QFAIL("a trace of 100,001 rows was read");
        } catch (const ParseError &e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                     path + ":100002:1: more than 100000 data rows: a trace may hold at most 100000 points, so that "
                            "memory stays bounded (bin a finer trace to a coarser interval, or cut it to a shorter "
                            "period)");
        }
        // The request reader has the same cap.
        QVERIFY_THROWS_EXCEPTION(ParseError, csvFile(path.toStdString(), SeriesKind::Requests, "intensity"));
    }

    void traceOfExactlyTheCapIsRead()
    {
        const TimeSeries s = csvFile(writeRows("cap.csv", maxTraceRows).toStdString());
        QCOMPARE(s.size(), maxTraceRows);
        QCOMPARE(s.intervalSeconds, 1800LL);
        QCOMPARE(s.times.front(), 946684800LL);                              // 2000-01-01T00:00:00Z
        QCOMPARE(s.times.back(), 946684800LL + 1800LL * (100000 - 1));       // 99,999 half hours later
    }

    void cliRefusesAFiftyMegabyteLineWithoutHoldingIt()
    {
#ifndef CARBONSCOPE_CLI
        QSKIP("carbonscope-cli is not built");
#else
        // Line 2 holds 50 MiB: the old reader held all of it (and more while growing its string). Written 1 MiB at
        // a time and before either run, so that this process (which the forked child counts until it executes the
        // CLI) is the same size for both runs.
        const QString big = mDir.path() + "/one_line.csv";
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("datetime,intensity\n2023-06-01T00:00:00,");
            const QByteArray ones(1 << 20, '1');
            for (int i = 0; i < 50; ++i)
                f.write(ones);
            f.write("\n");
        }
        // A tiny run first: the children's peak RSS (getrusage keeps the largest of the children waited for) is
        // then that of the CLI and its libraries on a tiny input.
        const QString tiny = write("tiny.csv", "datetime,intensity\n2023-06-01T00:00:00,100\n2023-06-01T00:30:00,200\n");
        QProcess p;
        p.start(CARBONSCOPE_CLI, {"simulate", "--carbon", tiny});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        rusage before{};
        getrusage(RUSAGE_CHILDREN, &before);

        p.start(CARBONSCOPE_CLI, {"simulate", "--carbon", big});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(big + ":2:1: line longer than 1048576 bytes (not a CSV file?)"), qPrintable(err));
        rusage after{};
        getrusage(RUSAGE_CHILDREN, &after);
        const long grownKb = after.ru_maxrss - before.ru_maxrss; // KiB on Linux; >= 0, the largest child so far
        QVERIFY2(grownKb < 20 * 1024, qPrintable(QString("peak RSS grew by %1 KiB over the tiny run's %2 KiB")
                                                     .arg(grownKb).arg(before.ru_maxrss)));
#endif
    }
};

QTEST_GUILESS_MAIN(TestGenericCsvLimits)
#include "test_generic_csv_limits.moc"
