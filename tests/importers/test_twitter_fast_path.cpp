// The Twitter importer's fast path (TwitterFastPath: AVX-512BW, AVX2, SSE2 and scalar scanners) checked against a reader
// written here from the format's rules, line by line over random and mutated lines at every alignment, and end to
// end through the importer: counts per interval computed here from the generated lines, lines straddling the
// importer's 4 MiB buffer at every offset, 12-digit timestamps accepted and 13-digit ones refused at column 1.
// All inputs are SYNTHETIC, generated in the test with a fixed seed.
#include "import_test_util.h"
#include "twitter_fast_path.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <random>
#include <string>
#include <vector>

using namespace cs;
using namespace testutil;

namespace {

using Scan = TwitterFastPath::Scan;

// What the importer's slow path accepts, written again from the format: one '\r' before the '\n' dropped;
// exactly 7 comma-separated fields; the timestamp 1 to 12 digits; key size, value size, client id and TTL
// non-empty and all digits (any length); the operation non-empty; the key anything without a comma.
struct Reference
{
    bool ok = false;
    long long time = 0;
    std::string timeText, client, operation;
    bool shortNumbers = false; // no number field longer than 12 digits (the scalar scanner's own limit)
};

// Not the importer's loop: a search for the first byte outside the ten digits.
bool allDigits(const std::string &s)
{
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

Reference reference(std::string line)
{
    Reference r;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    std::vector<std::string> f(1);
    for (char c : line) {
        if (c == ',')
            f.emplace_back();
        else
            f.back() += c;
    }
    if (f.size() != 7 || !allDigits(f[0]) || f[0].size() > 12 || f[5].empty())
        return r;
    for (int i : {2, 3, 4, 6})
        if (!allDigits(f[i]))
            return r;
    r.ok = true;
    r.time = std::stoll(f[0]);
    r.timeText = f[0];
    r.client = f[4];
    r.operation = f[5];
    r.shortNumbers = f[2].size() <= 12 && f[3].size() <= 12 && f[4].size() <= 12 && f[6].size() <= 12;
    return r;
}

std::string digits(std::mt19937 &rng, int n)
{
    std::string s;
    for (int i = 0; i < n; ++i)
        s += static_cast<char>('0' + rng() % 10);
    return s;
}

// A well-formed line (no '\n') with fields of random lengths around their limits, or a mutation of one.
std::string randomLine(std::mt19937 &rng, bool mutate)
{
    static const char keyBytes[] = "abcXYZ09:_- \t\r\x01\xe9\x7f/;";
    static const char *ops[] = {"get", "gets", "set", "delete", "x", "incr_and_a_long_operation_name"};
    std::string key;
    const int keyLength = rng() % 8 == 0 ? static_cast<int>(rng() % 90) : static_cast<int>(rng() % 30);
    for (int i = 0; i < keyLength; ++i)
        key += keyBytes[rng() % (sizeof keyBytes - 1)];
    auto number = [&](int longest) { return digits(rng, 1 + static_cast<int>(rng() % longest)); };
    std::string line = number(rng() % 10 == 0 ? 13 : 12) + "," + key + "," + number(rng() % 10 == 0 ? 14 : 4) + ","
                       + number(rng() % 10 == 0 ? 14 : 5) + "," + number(3) + "," + ops[rng() % 6] + ","
                       + number(rng() % 10 == 0 ? 14 : 6);
    if (rng() % 4 == 0)
        line += '\r';
    if (!mutate)
        return line;
    // Bytes at the edges of the classes the scanners tell apart: '/' and ':' border the digits.
    static const char edits[] = ",\r0 9/:a\x00\x80";
    const int count = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < count && !line.empty(); ++i) {
        const std::size_t at = rng() % line.size();
        switch (rng() % 3) {
        case 0: line[at] = edits[rng() % (sizeof edits - 1)]; break;
        case 1: line.erase(at, 1); break;
        default: line.insert(at, 1, edits[rng() % (sizeof edits - 1)]); break;
        }
    }
    return line;
}

QByteArray scanName(Scan s)
{
    return s == Scan::Avx512 ? "avx512" : s == Scan::Avx2 ? "avx2" : s == Scan::Sse2 ? "sse2" : "scalar";
}

// Expected counts per interval from (time, client, operation) of the lines kept, zeros between.
struct Expected
{
    std::vector<UtcSeconds> times;
    std::vector<double> values;
};

Expected binned(const std::map<long long, long long> &perBin, UtcSeconds start, UtcSeconds interval)
{
    Expected e;
    if (perBin.empty())
        return e;
    for (long long b = perBin.begin()->first; b <= perBin.rbegin()->first; ++b) {
        const auto it = perBin.find(b);
        e.times.push_back(start + b * interval);
        e.values.push_back(it == perBin.end() ? 0.0 : static_cast<double>(it->second));
    }
    return e;
}

} // namespace

class TestTwitterFastPath : public QObject
{
    Q_OBJECT

private slots:
    void scannersAgreeWithReference_data()
    {
        QTest::addColumn<int>("scan");
        QTest::newRow("avx512") << static_cast<int>(Scan::Avx512);
        QTest::newRow("avx2") << static_cast<int>(Scan::Avx2);
        QTest::newRow("sse2") << static_cast<int>(Scan::Sse2);
        QTest::newRow("scalar") << static_cast<int>(Scan::Scalar);
    }

    // Every line, at every offset from 0 to 63 (so each field meets each 8-, 16- and 32-byte boundary), with random
    // bytes after its '\n' (newlines and commas among them): a line the scanner accepts is one the reference
    // accepts, with the same time, time text, client and operation; and the scanner accepts every good line
    // within its limits (shorter than 64 bytes, or no number over 12 digits), so that it is not lazily strict.
    void scannersAgreeWithReference()
    {
        QFETCH(int, scan);
        TwitterFastPath fast(static_cast<Scan>(scan));
        if (fast.scan() != static_cast<Scan>(scan))
            QSKIP(QByteArray("this CPU has no " + scanName(static_cast<Scan>(scan))).constData());
        std::mt19937 rng(20261123);
        std::vector<char> buffer(64 + 256 + 128);
        long long accepted = 0, good = 0;
        std::string previous = "1"; // the last good line's timestamp text: the current second
        for (int i = 0; i < 150000; ++i) {
            std::string line = randomLine(rng, i % 2 == 1);
            // A third of the lines start with the current second's text, or one a digit longer or shorter
            // (parse() takes the time of the current second without reading the digits when the text matches).
            const std::size_t comma = line.find(',');
            if (i % 3 == 0 && comma != std::string::npos) {
                const std::string variants[] = {previous, previous, previous + "0", "0" + previous,
                                                previous.substr(0, previous.size() - 1)};
                line = variants[rng() % 5] + line.substr(comma);
            }
            if (line.size() > 256)
                continue;
            for (char &c : buffer)
                c = "\n,0123456789abc\r"[rng() % 16];
            const std::size_t offset = static_cast<std::size_t>(i % 64);
            std::copy(line.begin(), line.end(), buffer.begin() + static_cast<std::ptrdiff_t>(offset));
            buffer[offset + line.size()] = '\n';
            const char *p = buffer.data() + offset;
            const char *end = p + line.size() + 1;
            TwitterLine got;
            const char *nl = fast.parse(p, end, got);
            const Reference want = reference(line);
            good += want.ok;
            if (nl) {
                ++accepted;
                QVERIFY2(want.ok, ("accepted a line the slow path refuses: " + line).c_str());
                QCOMPARE(static_cast<const void *>(nl), static_cast<const void *>(end - 1));
                QCOMPARE(got.time, want.time);
                QCOMPARE(std::string(got.timeText), want.timeText);
                QCOMPARE(std::string(got.client), want.client);
                QCOMPARE(std::string(got.operation), want.operation);
                previous = want.timeText;
                fast.setSecond(previous);
            } else {
                const bool withinLimits = want.shortNumbers || (scan != static_cast<int>(Scan::Scalar) && line.size() < 64);
                QVERIFY2(!want.ok || !withinLimits, ("refused a good line: " + line).c_str());
            }
        }
        // The generator must give both kinds in numbers (about half the lines are mutated).
        QVERIFY2(accepted > 30000 && good - accepted < good / 4, qPrintable(QString("accepted %1 of %2 good").arg(accepted).arg(good)));
    }

    void timestampLimits()
    {
        for (Scan s : {Scan::Avx512, Scan::Avx2, Scan::Sse2, Scan::Scalar}) {
            const TwitterFastPath fast(s);
            std::string buf = "999999999999,k,1,2,3,get,0\n0000000000001,k,1,2,3,get,0\n,k,1,2,3,get,0\n";
            buf.resize(buf.size() + 64, '\0');
            TwitterLine line;
            const char *nl = fast.parse(buf.data(), buf.data() + buf.size() - 64, line);
            QVERIFY(nl); // 12 digits: the largest timestamp
            QCOMPARE(line.time, 999999999999LL);
            QVERIFY(!fast.parse(nl + 1, buf.data() + buf.size() - 64, line)); // 13 digits: the slow path refuses
            const char *third = buf.data() + buf.find("\n,") + 1;
            QVERIFY(!fast.parse(third, buf.data() + buf.size() - 64, line)); // none
        }
    }

    // The run of lines in the current second: the same timestamp text ("7" is not "70" nor "07"), each line well
    // formed (CRLF too) and within the scanner's limits; it stops before anything else.
    void skipSecondStopsAtTheFirstOtherLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("skipped");       // by the vector scanners
        QTest::addColumn<int>("skippedScalar"); // by the scalar one
        const QByteArray l = "7,k,1,2,3,get,0\n";
        const QByteArray longKey(80, 'q');
        QTest::newRow("next second") << l + l + l + "8,k,1,2,3,get,0\n" << 3 << 3;
        QTest::newRow("70 is not 7") << l + "70,k,1,2,3,get,0\n" + l << 1 << 1;
        QTest::newRow("07 is not 7 (same time, other text: left to the caller)") << l + "07,k,1,2,3,get,0\n" << 1 << 1;
        QTest::newRow("CRLF and a long key") << l + "7,k,1,2,3,get,0\r\n" + "7," + longKey + ",1,2,3,get,0\n" + l << 2 << 4;
        QTest::newRow("empty operation") << l + l + "7,k,1,2,3,,0\n" + l << 2 << 2;
        QTest::newRow("13-digit TTL (only the vector scanners take it)") << "7,k,1,2,3,get,1234567890123\n" + l << 2 << 0;
        QTest::newRow("empty TTL before CR") << l + "7,k,1,2,3,get,\r\n" << 1 << 1;
        QTest::newRow("eighth field") << l + "7,k,1,2,3,get,0,0\n" << 1 << 1;
        QTest::newRow("all the buffer") << l + l << 2 << 2;
    }

    void skipSecondStopsAtTheFirstOtherLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, skipped);
        QFETCH(int, skippedScalar);
        for (Scan s : {Scan::Avx512, Scan::Avx2, Scan::Sse2, Scan::Scalar}) {
            TwitterFastPath fast(s);
            QByteArray buf = text;
            buf.append(QByteArray(64, '7')); // the padding may hold anything
            const char *p = buf.constData();
            const char *end = p + text.size();
            QCOMPARE(fast.skipSecond(p, end), 0LL); // no second yet
            fast.setSecond("7");
            // A line of 64 bytes or more stops the vector scanners' run (the caller's parse() takes it); a number
            // of 13 digits stops the scalar one's (the slow path takes it).
            const long long want = fast.scan() == Scan::Scalar ? skippedScalar : skipped;
            QCOMPARE(fast.skipSecond(p, end), want);
            // It stopped at the start of a line: the text before it holds exactly `want` newlines.
            QCOMPARE(static_cast<long long>(QByteArray(buf.constData(), static_cast<int>(p - buf.constData())).count('\n')), want);
            QVERIFY(p == end || p[-1] == '\n' || p == buf.constData());
        }
    }

    // A SYNTHETIC trace of about 9 MB (three fills of the importer's 4 MiB buffer): random good lines (keys of 0
    // to 200 bytes, CRLF on some, numbers of up to 14 digits that only the slow path takes, zero-padded 12-digit
    // timestamps, the last line without a newline), imported with each scanner and each filter; the counts per
    // minute must equal those counted here from the generated lines.
    void importMatchesCountsComputedHere_data()
    {
        QTest::addColumn<QByteArray>("scan");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<int>("client"); // -1: no client filter
        for (const char *scan : {"avx512", "avx2", "sse2", "scalar"}) {
            QTest::addRow("%s, all", scan) << QByteArray(scan) << QString() << -1;
            QTest::addRow("%s, operation get", scan) << QByteArray(scan) << QString("get") << -1;
            QTest::addRow("%s, client 7", scan) << QByteArray(scan) << QString() << 7;
        }
    }

    void importMatchesCountsComputedHere()
    {
        QFETCH(QByteArray, scan);
        QFETCH(QString, operation);
        QFETCH(int, client);
        QTemporaryDir dir;
        const QString path = dir.filePath("synthetic twitter.csv");
        std::mt19937 rng(7);
        static const char *ops[] = {"get", "gets", "set", "getx"};
        static const char *clients[] = {"7", "07", "17", "7", "1", "70"};
        std::map<long long, long long> perMinute;
        std::string text;
        long long t = 0, lines = 0, kept = 0;
        while (text.size() < 9'000'000) {
            t += rng() % 50 == 0 ? 1 + static_cast<long long>(rng() % 200) : 0;
            const int keyLength = rng() % 100 == 0 ? 200 : static_cast<int>(rng() % 40);
            std::string key(static_cast<std::size_t>(keyLength), 'k');
            for (char &c : key)
                c = "abcdefXYZ:/ \r0123456789"[rng() % 23];
            const std::string timeText = rng() % 20 == 0 ? std::string(12 - std::to_string(t).size(), '0') + std::to_string(t)
                                                         : std::to_string(t);
            const char *op = ops[rng() % 4];
            const char *cl = clients[rng() % 6];
            text += timeText + "," + key + "," + digits(rng, 1 + static_cast<int>(rng() % (rng() % 200 == 0 ? 14 : 3)))
                    + "," + digits(rng, 1 + static_cast<int>(rng() % 4)) + "," + cl + "," + op + ","
                    + digits(rng, 1 + static_cast<int>(rng() % (rng() % 200 == 0 ? 14 : 5)));
            text += rng() % 10 == 0 ? "\r\n" : "\n";
            ++lines;
            if ((operation.isEmpty() || operation.toStdString() == op) && (client < 0 || std::to_string(client) == cl)) {
                ++perMinute[t / 60];
                ++kept;
            }
        }
        text.pop_back(); // the last line ends the file without a newline (its '\r', if any, stays and is dropped)
        writeFile(path, QByteArray::fromStdString(text));

        qputenv("CARBONSCOPE_SCAN", scan);
        ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
        ImportOptions o = options(SeriesKind::Requests, "twitter", "t");
        o.start = 1583020800; // 2020-03-01T00:00Z
        o.intervalSeconds = 60;
        o.operation = operation.toStdString();
        if (client >= 0)
            o.client = client;
        const ImportResult r = ImportRunner::importFile(store, path.toStdString(), o);
        qunsetenv("CARBONSCOPE_SCAN");
        QCOMPARE(r.rows, lines);
        QCOMPARE(r.filteredRows, lines - kept);
        const TimeSeries got = store.loadRequestSeries("t");
        const Expected want = binned(perMinute, *o.start, 60);
        QCOMPARE(got.times, want.times);
        QCOMPARE(got.values, want.values);
    }

    // The importer reads 4 MiB at a time and carries the part of the line cut by the buffer's end to the next
    // fill. A 12-digit-timestamp CRLF line made to start at each of the 64 offsets before that cut (and at it),
    // after a run of lines of second 1 and before lines of second 2 and a last line without a newline: every
    // line counted in its second. Then, at a few of those offsets, a 13-digit timestamp or a bad value size on
    // that line: refused with its line and column.
    void linesAcrossTheBufferEnd()
    {
        const std::size_t cut = 4u << 20;
        const std::string filler = "1,abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx,12,345,6,get,0\n"; // 68 bytes
        const std::string crossing = "000000000002,q:q:1:8WTwl7huJeQ,17,249,1,get,0\r\n";
        const std::string after = "2,k,1,2,3,set,600\n2,k,1,2,3,get,0\n2,k,1,2,3,get,0\n3,k,1,2,3,get,0";
        QTemporaryDir dir;
        const QString path = dir.filePath("straddle.csv");
        ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
        for (std::size_t k = 0; k <= 64; ++k) {
            // The crossing line starts k bytes before the cut: the first line is longer by the remainder.
            const std::size_t before = cut - k;
            const std::size_t count = before / filler.size() - 1;
            const std::size_t first = before - count * filler.size(); // 68 to 135 bytes
            std::string text = "1," + std::string(first - filler.size() + 50, 'z')
                               + ",12,345,6,get,0\n";
            QCOMPARE(text.size(), first);
            text.reserve(cut + 200);
            for (std::size_t i = 0; i < count; ++i)
                text += filler;
            QCOMPARE(text.size(), before);
            const long long crossingLine = static_cast<long long>(count) + 2;
            for (const char *variant : {"good", "13 digits", "bad value size"}) {
                const bool good = std::string(variant) == "good";
                if (!good && k % 8 != 0 && k % 8 != 7 && k != 13 && k != 33)
                    continue;
                std::string line = crossing;
                if (std::string(variant) == "13 digits")
                    line = "0" + line;
                else if (!good)
                    line.replace(line.find(",249,"), 5, ",2x9,"); // "000000000002,q:q:1:8WTwl7huJeQ,17," is 34 bytes
                writeFile(path, QByteArray::fromStdString(text + line + after));
                ImportOptions o = options(SeriesKind::Requests, "twitter", "s" + std::to_string(k) + variant);
                o.start = 1583020800;
                o.intervalSeconds = 1;
                if (good) {
                    const ImportResult r = ImportRunner::importFile(store, path.toStdString(), o);
                    QCOMPARE(r.rows, crossingLine + 4);
                    const TimeSeries got = store.loadRequestSeries(o.name);
                    // Second 1: the filler lines and the first; second 2: the crossing line and three; second 3: one.
                    QCOMPARE(got.times, (std::vector<UtcSeconds>{1583020801, 1583020802, 1583020803}));
                    QCOMPARE(got.values, (std::vector<double>{static_cast<double>(count + 1), 4, 1}));
                    continue;
                }
                try {
                    ImportRunner::importFile(store, path.toStdString(), o);
                    QFAIL(qPrintable(QString("accepted a bad line %1 bytes before the cut").arg(k)));
                } catch (const ParseError &e) {
                    const std::string where = path.toStdString() + ":" + std::to_string(crossingLine) + ":"
                                              + (std::string(variant) == "13 digits" ? "1: expected the timestamp"
                                                                                     : "35: expected the value size");
                    QVERIFY2(std::string(e.what()).rfind(where, 0) == 0, (std::string(e.what()) + " / want " + where).c_str());
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTwitterFastPath)
#include "test_twitter_fast_path.moc"
