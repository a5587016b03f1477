// TwitterFastPath::countRun, the unfiltered importer's loop (one call per bin of counts whatever the request rate),
// with every scanner: where a run stops (a later bin, a time going back, a line the fast path leaves), the times it
// reads (1 to 12 digits, branch-free) and which line started the last new second; then end to end through the
// importer on a low-rate trace (a new second on most lines) with per-bin counts and a backwards time named with
// its line. Expected values are worked out by hand from the lines written here (SYNTHETIC data).
#include "import_test_util.h"
#include "twitter_fast_path.h"

#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <string>

using namespace cs;
using namespace testutil;

namespace {

using Scan = TwitterFastPath::Scan;
constexpr long long noLimit = std::numeric_limits<long long>::max();

std::string line(const std::string &time, const std::string &op = "get")
{
    return time + ",k,1,2,3," + op + ",0\n";
}

struct Run
{
    long long counted = 0, time = 0, newSecondAt = -1;
    std::size_t stoppedAt = 0; // bytes from the start
};

// countRun over `text` (then 64 bytes of padding holding digits, which must not be read as part of a line).
Run countRun(Scan scan, const std::string &text, long long time, long long limit, std::size_t offset = 0)
{
    const TwitterFastPath fast(scan);
    std::string buf(offset, '\n');
    buf += text;
    buf.append(64, '7');
    const char *start = buf.data() + offset;
    const char *p = start;
    Run r;
    r.time = time;
    r.counted = fast.countRun(p, start + text.size(), limit, r.time, r.newSecondAt);
    r.stoppedAt = static_cast<std::size_t>(p - start);
    return r;
}

} // namespace

class TestTwitterCountRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stopsAtALaterBinATimeGoingBackOrAnUnusualLine()
    {
        const std::string a = line("5") + line("5") + line("6") + line("07") + line("9");
        for (Scan s : {Scan::Avx512, Scan::Avx2, Scan::Sse2, Scan::Scalar}) {
            // All five in [5, 10): "07" is second 7; the last new second (9) is the fifth line; 4 goes back.
            Run r = countRun(s, a + line("4") + line("9"), 5, 10);
            QCOMPARE(r.counted, 5LL);
            QCOMPARE(r.time, 9LL);
            QCOMPARE(r.newSecondAt, 5LL);
            QCOMPARE(r.stoppedAt, a.size());
            // A limit of 7: the bin ends before "07".
            r = countRun(s, a, 5, 7);
            QCOMPARE(r.counted, 3LL);
            QCOMPARE(r.time, 6LL);
            QCOMPARE(r.newSecondAt, 3LL);
            QCOMPARE(r.stoppedAt, 3 * line("5").size());
            // Only the current second: no new one.
            r = countRun(s, line("5") + line("5"), 5, 6);
            QCOMPARE(r.counted, 2LL);
            QCOMPARE(r.newSecondAt, 0LL);
            // A line the fast path leaves to the slow one (empty operation) stops the run before it.
            r = countRun(s, line("5") + line("6", "") + line("6"), 5, noLimit);
            QCOMPARE(r.counted, 1LL);
            QCOMPARE(r.stoppedAt, line("5").size());
            // Before any line (the importer's start: time -1, an empty bin) nothing is counted.
            r = countRun(s, line("0"), -1, std::numeric_limits<long long>::min());
            QCOMPARE(r.counted, 0LL);
            QCOMPARE(r.time, -1LL);
        }
    }

    // Timestamps of every length from 1 to 12 digits (each a new, later second), with CRLF on some lines and at
    // several alignments: each one's value read exactly (the last line's is the run's time).
    void readsTimestampsOfEveryLength()
    {
        std::string text;
        std::string digits;
        for (int n = 1; n <= 12; ++n) {
            digits += static_cast<char>('0' + n % 10); // 1, 12, 123, ..., 123456789012
            std::string l = line(digits);
            if (n % 3 == 0)
                l.insert(l.size() - 1, "\r");
            text += l;
            for (Scan s : {Scan::Avx512, Scan::Avx2, Scan::Sse2, Scan::Scalar})
                for (std::size_t offset : {0, 1, 7, 13}) {
                    const Run r = countRun(s, text, 0, noLimit, offset);
                    QCOMPARE(r.counted, static_cast<long long>(n));
                    QCOMPARE(r.time, std::stoll(digits));
                    QCOMPARE(r.newSecondAt, static_cast<long long>(n));
                    QCOMPARE(r.stoppedAt, text.size());
                }
        }
        for (Scan s : {Scan::Avx512, Scan::Avx2, Scan::Sse2, Scan::Scalar}) {
            const Run r = countRun(s, line("999999999998") + line("999999999999") + line("000000000999"), 0, noLimit);
            QCOMPARE(r.counted, 2LL); // 999 goes back
            QCOMPARE(r.time, 999999999999LL);
        }
    }

    // A low-rate trace through the importer: 0 to 3 requests a second for 3 hours, counted per 30 min; the counts
    // per bin follow from the pattern (second s has s % 4 requests: 0+1+2+3 = 6 every 4 s, 1800 s = 450 groups
    // of 4, so 2700 a bin). Then a time going back on line 5 is named with the line where the later second began.
    void lowRateTraceThroughTheImporter()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("low.csv");
        std::string text;
        for (int s = 0; s < 3 * 3600; ++s)
            for (int k = 0; k < s % 4; ++k)
                text += line(std::to_string(s));
        for (Scan s : {Scan::Avx2, Scan::Scalar}) {
            qputenv("CARBONSCOPE_SCAN", s == Scan::Avx2 ? "avx2" : "scalar");
            writeFile(path, QByteArray::fromStdString(text));
            ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
            ImportOptions o = options(SeriesKind::Requests, "twitter", "low");
            o.start = 1583020800; // 2020-03-01T00:00Z
            o.intervalSeconds = 1800;
            o.replace = true;
            ImportRunner::importFile(store, path.toStdString(), o);
            const TimeSeries got = store.loadRequestSeries("low");
            QCOMPARE(got.values, (std::vector<double>(6, 2700)));
            QCOMPARE(got.times.front(), UtcSeconds(1583020800));
            QCOMPARE(got.times.back(), UtcSeconds(1583020800 + 5 * 1800));

            // Lines 1-5: seconds 1, 2, 3, 3, 2: the 2 on line 5 goes back to before second 3 of line 3.
            writeFile(path, QByteArray::fromStdString(line("1") + line("2") + line("3") + line("3") + line("2")));
            const auto e = importError(store, path, o);
            QVERIFY(e);
            const std::string want = path.toStdString() + ":5:1: time goes backwards: 2 s after 3 s (line 3)";
            QVERIFY2(std::string(e->what()).rfind(want, 0) == 0, e->what());
        }
        qunsetenv("CARBONSCOPE_SCAN");
    }
};

QTEST_GUILESS_MAIN(TestTwitterCountRun)
#include "test_twitter_count_run.moc"
