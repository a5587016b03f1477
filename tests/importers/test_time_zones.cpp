// Named time zones in the generic CSV importers (LocalTimeZone over date-tz and the system tzdata): summer and
// winter time, the hour that repeats when clocks go back (25 distinct hours, no duplicate error), the hour that
// does not exist when they go forward (a bad row naming the zone), explicit offsets winning over the zone, and
// unknown names. Every instant below is worked out by hand from the zone's rules, and the epoch seconds are
// checked with an independent calendar (Python's calendar.timegm), never read from the code under test:
//   Europe/London: GMT (UTC+0) in winter, BST (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC
//   on the last Sunday of October: 2023-03-26 and 2023-10-29.
//   America/New_York: EST (UTC-5), EDT (UTC-4) from 2023-03-12 to 2023-11-05 (clocks back at 02:00 EDT).
//   Asia/Kolkata: IST (UTC+5:30), no clock changes.
#include "import_test_util.h"
#include "local_time_zone.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cs;
using namespace testutil;

namespace {
// calendar.timegm of each UTC time.
constexpr UtcSeconds utc_2023_01_15_1200 = 1673784000;
constexpr UtcSeconds utc_2023_07_01_1100 = 1688209200;
constexpr UtcSeconds utc_2023_07_01_1000 = 1688205600;
constexpr UtcSeconds utc_2023_07_01_1200 = 1688212800;
constexpr UtcSeconds utc_2023_07_01_0000 = 1688169600;
constexpr UtcSeconds utc_2023_10_28_2300 = 1698534000;
constexpr UtcSeconds utc_2023_10_29_2300 = 1698620400;
constexpr UtcSeconds utc_2023_10_28_2330 = 1698535800;
constexpr UtcSeconds utc_2023_03_26_0000 = 1679788800;
constexpr UtcSeconds utc_2023_07_04_1300 = 1688475600;
constexpr UtcSeconds utc_2023_12_01_1400 = 1701439200;
constexpr UtcSeconds utc_2023_11_05_0400 = 1699156800;
constexpr UtcSeconds utc_2023_03_25_2000 = 1679774400;
constexpr UtcSeconds utc_2040_07_01_0000 = 2224713600;
constexpr UtcSeconds utc_2023_10_29_0000 = 1698537600; // 2023-10-28 23:00 + 3600
constexpr UtcSeconds H = 3600;
} // namespace

class TestTimeZones : public QObject
{
    Q_OBJECT

    QTemporaryDir mDir;
    int mFiles = 0;

    // Imports `content` as a generic CSV (carbon unless `kind` says requests) with the zone; the series read back.
    TimeSeries importCsv(const QByteArray &content, const std::string &zone, ImportResult *result = nullptr,
                         bool skip = false, SeriesKind kind = SeriesKind::Carbon, UtcSeconds interval = 0)
    {
        const QString path = mDir.filePath(QStringLiteral("t%1.csv").arg(++mFiles));
        writeFile(path, content);
        ProjectStore store = ProjectStore::open(mDir.filePath(QStringLiteral("p%1.csdb").arg(mFiles)).toStdString());
        ImportOptions o = options(kind, "csv", "s");
        o.timeZone = zone;
        o.skipBadRows = skip;
        o.intervalSeconds = interval;
        const ImportResult r = ImportRunner::importFile(store, path.toStdString(), o);
        if (result)
            *result = r;
        return kind == SeriesKind::Carbon ? store.loadCarbonSeries("s") : store.loadRequestSeries("s");
    }

    // The ParseError or InputError text of an import that must fail.
    QString importError(const QByteArray &content, const std::string &zone)
    {
        try {
            importCsv(content, zone);
        } catch (const std::exception &e) {
            return QString::fromUtf8(e.what());
        }
        return QStringLiteral("(no error)");
    }

    // Why named zones cannot be tested here, or nothing (QSKIP must be called in the test function itself).
    static const char *missingZones()
    {
        if (!LocalTimeZone::namedZonesSupported())
            return "this build has no named time zones (date-tz not found)";
        if (LocalTimeZone::names().empty())
            return "no time zone data in /usr/share/zoneinfo (Debian's tzdata is not installed)";
        return nullptr;
    }

private slots:
    void londonSummerIsBstWinterIsGmt()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        // 12:00 GMT on 15 Jan is 12:00 UTC; 12:00 BST on 1 Jul is 11:00 UTC.
        const TimeSeries s = importCsv("time,value\n2023-01-15 12:00,100\n2023-07-01 12:00,200\n", "Europe/London");
        QCOMPARE(s.times, (std::vector<UtcSeconds>{utc_2023_01_15_1200, utc_2023_07_01_1100}));
        QCOMPARE(s.values, (std::vector<double>{100, 200}));
    }

    void londonFallBackHourlyIs25DistinctHours()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        // 29 Oct 2023 local: 00:00, 01:00, 01:00, 02:00, ..., 23:00 (25 rows). 00:00 BST = 28 Oct 23:00 UTC; the
        // first 01:00 is BST (00:00 UTC), the second GMT (01:00 UTC), 02:00 GMT = 02:00 UTC, ... 23:00 = 23:00 UTC.
        QByteArray csv = "time,value\n";
        std::vector<UtcSeconds> want;
        std::vector<double> values;
        for (int row = 0; row < 25; ++row) {
            const int hour = row <= 1 ? row : row - 1; // 0, 1, 1, 2, ..., 23
            csv += QStringLiteral("2023-10-29 %1:00,%2\n").arg(hour, 2, 10, QLatin1Char('0')).arg(row).toUtf8();
            want.push_back(utc_2023_10_28_2300 + row * H);
            values.push_back(row);
        }
        QCOMPARE(want.back(), utc_2023_10_29_2300);
        ImportResult r;
        const TimeSeries s = importCsv(csv, "Europe/London", &r);
        QCOMPARE(s.times, want);
        QCOMPARE(s.values, values);
        QCOMPARE(s.intervalSeconds, H);
        QCOMPARE(r.skippedRows, 0LL);
    }

    void londonFallBackHalfHourly()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        // 00:30 BST = 23:30 UTC (28th); 01:00 BST = 00:00; 01:30 BST = 00:30; 01:00 GMT = 01:00; 01:30 GMT = 01:30;
        // 02:00 GMT = 02:00: six rows half an hour apart.
        const TimeSeries s = importCsv("time,value\n2023-10-29 00:30,1\n2023-10-29 01:00,2\n2023-10-29 01:30,3\n"
                                       "2023-10-29 01:00,4\n2023-10-29 01:30,5\n2023-10-29 02:00,6\n",
                                       "Europe/London");
        std::vector<UtcSeconds> want;
        for (int i = 0; i < 6; ++i)
            want.push_back(utc_2023_10_28_2330 + i * 1800);
        QCOMPARE(s.times, want);
        QCOMPARE(s.intervalSeconds, UtcSeconds(1800));
    }

    void londonSpringForwardIsABadRow()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        // "value,time": the value "12" is columns 1-2, the comma 3, the time starts at column 4; 01:30 is line 4.
        const QString e = importError("value,time\n10,2023-03-26 00:00\n11,2023-03-26 00:30\n12,2023-03-26 01:30\n",
                                      "Europe/London");
        QVERIFY2(e.contains(QStringLiteral(":4:4: 2023-03-26 01:30 does not exist in Europe/London: clocks go "
                                           "forward at 01:00 (to 02:00)")),
                 qPrintable(e));
    }

    void londonSpringForwardSkippedAndCounted()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        // 00:00 and 00:30 GMT = 00:00 and 00:30 UTC; 01:00 and 01:30 do not exist (skipped: 2); 02:00 BST =
        // 01:00 UTC, 02:30 BST = 01:30 UTC: four points half an hour apart, no gap.
        ImportResult r;
        const TimeSeries s = importCsv("time,value\n2023-03-26 00:00,1\n2023-03-26 00:30,2\n2023-03-26 01:00,3\n"
                                       "2023-03-26 01:30,4\n2023-03-26 02:00,5\n2023-03-26 02:30,6\n",
                                       "Europe/London", &r, true);
        QCOMPARE(r.skippedRows, 2LL);
        QCOMPARE(r.rows, 6LL);
        QCOMPARE(s.times, (std::vector<UtcSeconds>{utc_2023_03_26_0000, utc_2023_03_26_0000 + 1800,
                                                   utc_2023_03_26_0000 + 3600, utc_2023_03_26_0000 + 5400}));
        QCOMPARE(s.values, (std::vector<double>{1, 2, 5, 6}));
        QVERIFY(!r.warnings.empty());
        QCOMPARE(r.warnings.front().line, 4LL);
        QCOMPARE(r.warnings.front().column, 1);
    }

    void newYork()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        // 09:00 EDT on 4 Jul = 13:00 UTC; 09:00 EST on 1 Dec = 14:00 UTC.
        const TimeSeries s = importCsv("time,value\n2023-07-04 09:00,1\n2023-12-01 09:00,2\n", "America/New_York");
        QCOMPARE(s.times, (std::vector<UtcSeconds>{utc_2023_07_04_1300, utc_2023_12_01_1400}));
        // 5 Nov 2023: 00:00 EDT = 04:00 UTC, 01:00 EDT = 05:00, 01:00 EST = 06:00, 02:00 EST = 07:00.
        const TimeSeries f = importCsv("time,value\n2023-11-05 00:00,1\n2023-11-05 01:00,2\n2023-11-05 01:00,3\n"
                                       "2023-11-05 02:00,4\n",
                                       "America/New_York");
        QCOMPARE(f.times, (std::vector<UtcSeconds>{utc_2023_11_05_0400, utc_2023_11_05_0400 + H,
                                                   utc_2023_11_05_0400 + 2 * H, utc_2023_11_05_0400 + 3 * H}));
    }

    void kolkataHasNoClockChanges()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        // IST is UTC+5:30 all year: 01:30 and 02:30 on 26 Mar (London's missing hour) exist here = 25 Mar 20:00 and
        // 21:00 UTC; 05:30 on 1 Jul = 00:00 UTC, and 2040 (past the years the tzdata files list) is still +5:30.
        const TimeSeries s = importCsv("time,value\n2023-03-26 01:30,1\n2023-03-26 02:30,2\n", "Asia/Kolkata");
        QCOMPARE(s.times, (std::vector<UtcSeconds>{utc_2023_03_25_2000, utc_2023_03_25_2000 + H}));
        const TimeSeries later = importCsv("time,value\n2023-07-01 05:30,1\n2040-07-01 05:30,2\n", "Asia/Kolkata");
        QCOMPARE(later.times, (std::vector<UtcSeconds>{utc_2023_07_01_0000, utc_2040_07_01_0000}));
        // The fixed offset gives the same instants.
        const TimeSeries f = importCsv("time,value\n2023-03-26 01:30,1\n2023-03-26 02:30,2\n", "+05:30");
        QCOMPARE(f.times, s.times);
    }

    void explicitOffsetWinsOverTheZone()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        // Europe/London would make 12:00 on 1 Jul 11:00 UTC; "+02:00" makes it 10:00 UTC, "Z" 12:00 UTC, and Unix
        // seconds are UTC whatever the zone (1688212800 + 3600 = 13:00 UTC). The rows increase: 10, 12, 13 UTC.
        const TimeSeries s = importCsv("time,value\n2023-07-01T12:00+02:00,1\n2023-07-01T12:00Z,2\n", "Europe/London");
        QCOMPARE(s.times, (std::vector<UtcSeconds>{utc_2023_07_01_1000, utc_2023_07_01_1200}));
        const TimeSeries u = importCsv("time,value\n1688212800,1\n1688216400,2\n", "Europe/London");
        QCOMPARE(u.times, (std::vector<UtcSeconds>{utc_2023_07_01_1200, utc_2023_07_01_1200 + H}));
    }

    void perRequestRowsKeepARepeatedInstant()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        // Per-request rows may share a time: 01:30, 01:30 (both BST: 00:30 UTC), then 01:10, which only exists
        // after the first 01:30 as GMT (01:10 UTC). Hourly counts: 00:00 UTC holds 2, 01:00 UTC holds 1.
        ImportResult r;
        const TimeSeries s = importCsv("timestamp\n2023-10-29 01:30:00\n2023-10-29 01:30:00\n2023-10-29 01:10:00\n",
                                       "Europe/London", &r, false, SeriesKind::Requests, 3600);
        QCOMPARE(s.times, (std::vector<UtcSeconds>{utc_2023_10_29_0000, utc_2023_10_29_0000 + H}));
        QCOMPARE(s.values, (std::vector<double>{2, 1}));
    }

    void unknownZoneIsRefused()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        const QString e = importError("time,value\n2023-07-01 12:00,1\n", "Europe/Londn");
        QVERIFY2(e.contains(QStringLiteral("unknown time zone \"Europe/Londn\"")), qPrintable(e));
        QVERIFY2(e.contains(QStringLiteral("carbonscope-cli time-zones")), qPrintable(e));
        // A name without its region, or in the wrong case, gets a suggestion.
        const QString hint = importError("time,value\n2023-07-01 12:00,1\n", "kolkata");
        QVERIFY2(hint.contains(QStringLiteral("did you mean Asia/Kolkata?")), qPrintable(hint));
    }

    void zoneClassDirectly()
    {
        if (const char *why = missingZones())
            QSKIP(why);
        const LocalTimeZone london = LocalTimeZone::find("Europe/London");
        QCOMPARE(london.name(), std::string("Europe/London"));
        QVERIFY(!london.isFixed());
        // 01:30 on 29 Oct 2023 written as if UTC: 1698543000 (timegm of 00:30 is 1698539400, plus an hour). As BST
        // it is 00:30 UTC (wall - H), as GMT 01:30 UTC (wall).
        const UtcSeconds wall = 1698543000;
        QCOMPARE(*london.toUtc(wall).time, wall - H);                 // no previous row: the earlier
        QCOMPARE(*london.toUtc(wall, wall - H).time, wall - H);       // not before the earlier: the earlier
        QCOMPARE(*london.toUtc(wall, wall - H + 1).time, wall);       // after it: the later
        QCOMPARE(*london.toUtc(wall, wall + 5 * H).time, wall);       // both before: the later
        // 2040 lies past the last clock change Debian's (fat) London file lists, 2037-10-25: refused, not guessed.
        const LocalTimeZone::Instant late = london.toUtc(utc_2040_07_01_0000 + 12 * H);
        QVERIFY(!late.time);
        QVERIFY2(late.error.find("last clock change") != std::string::npos, late.error.c_str());
        // Fixed zones and UTC.
        QCOMPARE(LocalTimeZone::find("+05:30").name(), std::string("+05:30"));
        QCOMPARE(*LocalTimeZone::find("-05:00").toUtc(0).time, UtcSeconds(5 * H));
        QCOMPARE(LocalTimeZone::find("UTC").name(), std::string("UTC"));
        const auto names = LocalTimeZone::names();
        QVERIFY(std::find(names.begin(), names.end(), "America/New_York") != names.end());
        QVERIFY(std::is_sorted(names.begin(), names.end()));
    }

};

QTEST_GUILESS_MAIN(TestTimeZones)
#include "test_time_zones.moc"
