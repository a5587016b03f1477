// Calendar periods (UTC) across month boundaries and leap years, the hour-of-week request profile, and the loader
// that joins zone-year files into one series.
#include "fixture_files.h"
#include "parse_error.h"
#include "request_profile.h"
#include "sweep_loader.h"
#include "sweep_period.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cs;
using cs::test::writeFixture;

namespace {

std::vector<UtcSeconds> hourly(int y0, unsigned m0, unsigned d0, int y1, unsigned m1, unsigned d1)
{
    std::vector<UtcSeconds> t;
    for (UtcSeconds s = daysFromCivil(y0, m0, d0) * 86400; s < daysFromCivil(y1, m1, d1) * 86400; s += 3600)
        t.push_back(s);
    return t;
}

std::size_t count(const std::vector<UtcSeconds> &times, const PeriodSpan &span)
{
    const auto [a, b] = indexRange(times, span);
    return b - a;
}

} // namespace

class TestSweepPeriods : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void monthsOfALeapYear()
    {
        const auto times = hourly(2023, 12, 15, 2025, 1, 10);
        const std::vector<PeriodSpan> months = periodsCovering(times, SweepPeriod::Month);
        QCOMPARE(months.size(), std::size_t{14}); // 2023-12, the twelve of 2024, 2025-01
        QCOMPARE(months[0].label, std::string("2023-12"));
        QCOMPARE(count(times, months[0]), std::size_t{17 * 24}); // from the 15th
        QCOMPARE(months[2].label, std::string("2024-02"));
        QCOMPARE(count(times, months[2]), std::size_t{696}); // 29 days
        QCOMPARE(months[2].from, daysFromCivil(2024, 2, 1) * 86400);
        QCOMPARE(months[2].to, daysFromCivil(2024, 3, 1) * 86400);
        QCOMPARE(count(times, months[1]), std::size_t{744});
        QCOMPARE(count(times, months[4]), std::size_t{720}); // April
        QCOMPARE(months[13].label, std::string("2025-01"));
        QCOMPARE(count(times, months[13]), std::size_t{9 * 24});
        // A month boundary: 2024-01-31 23:00 is January, 2024-02-01 00:00 February.
        QCOMPARE(periodOf(daysFromCivil(2024, 2, 1) * 86400 - 3600, SweepPeriod::Month).label, std::string("2024-01"));
        QCOMPARE(periodOf(daysFromCivil(2024, 2, 1) * 86400, SweepPeriod::Month).label, std::string("2024-02"));
        QCOMPARE(count(hourly(2023, 2, 1, 2023, 3, 1), periodOf(daysFromCivil(2023, 2, 5) * 86400,
                                                              SweepPeriod::Month)), std::size_t{672});
    }

    void quartersAndYears()
    {
        const auto times = hourly(2024, 1, 1, 2025, 1, 1);
        const auto quarters = periodsCovering(times, SweepPeriod::Quarter);
        QCOMPARE(quarters.size(), std::size_t{4});
        QCOMPARE(quarters[0].label, std::string("2024-Q1"));
        QCOMPARE(count(times, quarters[0]), std::size_t{(31 + 29 + 31) * 24});
        QCOMPARE(quarters[3].label, std::string("2024-Q4"));
        QCOMPARE(count(times, quarters[3]), std::size_t{(31 + 30 + 31) * 24});
        const auto years = periodsCovering(times, SweepPeriod::Year);
        QCOMPARE(years.size(), std::size_t{1});
        QCOMPARE(years[0].label, std::string("2024"));
        QCOMPARE(count(times, years[0]), std::size_t{366 * 24});
        QCOMPARE(parseSweepPeriod("quarter"), std::optional<SweepPeriod>(SweepPeriod::Quarter));
        QVERIFY(!parseSweepPeriod("week"));
    }

    void hourOfWeekProfile()
    {
        // 2024-01-01 was a Monday: hour 0 of the week. 1970-01-01 (t = 0) was a Thursday: hour 72.
        QCOMPARE(hourOfWeek(daysFromCivil(2024, 1, 1) * 86400), 0);
        QCOMPARE(hourOfWeek(0), 72);
        QCOMPARE(hourOfWeek(daysFromCivil(2024, 1, 7) * 86400 + 23 * 3600), 167);
        QCOMPARE(hourOfWeek(-3600), 71);
        // Two weeks of half-hourly counts: the first week 10 and 20 per half hour, the second 30 and 40. The rate
        // of each hour of the week is (10 + 20 + 30 + 40) / (4 x 1800 s).
        TimeSeries r;
        r.source = "two weeks";
        r.intervalSeconds = 1800;
        const UtcSeconds monday = daysFromCivil(2024, 1, 1) * 86400;
        for (int k = 0; k < 2 * 336; ++k) {
            r.times.push_back(monday + k * 1800);
            r.values.push_back((k < 336 ? 10 : 30) + (k % 2 ? 10 : 0));
        }
        const HourOfWeekProfile p = foldByHourOfWeek(r);
        QCOMPARE(p.perSecond[0], 100.0 / 7200);
        QCOMPARE(p.perSecond[167], 100.0 / 7200);
        // Applied to an hourly carbon trace: requests = rate x 3600 s.
        TimeSeries c;
        c.intervalSeconds = 3600;
        c.times = {monday + 5 * 3600, monday + 6 * 3600};
        c.values = {100, 200};
        const Scenario s = scenarioWithProfile(c, p);
        QCOMPARE(s.requests, (std::vector<double>{50, 50}));
        // Less than a week: refused, naming the trace and the hour.
        r.times.resize(100);
        r.values.resize(100);
        try {
            foldByHourOfWeek(r);
            QFAIL("a profile of two days was accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).startsWith("two weeks: no requests in hour 2 of weekday 3"), e.what());
        }
    }

    void seriesNames()
    {
        QCOMPARE(sweepSeriesName("/x/GB_2021_hourly.csv"), std::string("GB"));
        QCOMPARE(sweepSeriesName("US-CAL-CISO_2024_hourly.csv"), std::string("US-CAL-CISO"));
        QCOMPARE(sweepSeriesName("d/ZA_2023.csv"), std::string("ZA"));
        QCOMPARE(sweepSeriesName("south_west.csv"), std::string("south_west"));
        QCOMPARE(sweepSeriesName("GB_20211_x.csv"), std::string("GB_20211_x"));
    }

    void zoneYearsJoinInTimeOrder()
    {
        QTemporaryDir dir;
        const QByteArray header = "time,intensity\n";
        writeFixture(dir, "Z_2025.csv", header + "2025-01-01T00:00Z,30\n2025-01-01T01:00Z,40\n");
        writeFixture(dir, "Z_2024.csv", header + "2024-12-31T22:00Z,10\n2024-12-31T23:00Z,20\n");
        writeFixture(dir, "Y_2024.csv", header + "2024-12-31T22:00Z,5\n2024-12-31T23:00Z,6\n");
        const auto files = carbonFilesIn(dir.path().toStdString());
        QCOMPARE(files.size(), std::size_t{3});
        for (unsigned threads : {1u, 2u}) {
            const auto series = loadSweepCarbon(files, threads);
            QCOMPARE(series.size(), std::size_t{2});
            QCOMPARE(series[0].name, std::string("Y"));
            QCOMPARE(series[1].name, std::string("Z"));
            QCOMPARE(series[1].values, (std::vector<double>{10, 20, 30, 40}));
            QCOMPARE(series[1].times.front(), (daysFromCivil(2024, 12, 31) * 86400 + 22 * 3600));
        }
        // Overlapping years of one zone: refused, naming both files.
        writeFixture(dir, "Z_2026.csv", header + "2025-01-01T01:00Z,50\n2025-01-01T02:00Z,60\n");
        try {
            loadSweepCarbon(carbonFilesIn(dir.path().toStdString()));
            QFAIL("overlapping files were joined");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("Z_2026.csv: starts at 2025-01-01T01:00:00Z, before"), e.what());
            QVERIFY2(QString(e.what()).contains("Z_2025.csv"), e.what());
        }
        // A bad row: the file's own line and column.
        QTemporaryDir bad;
        writeFixture(bad, "B_2024.csv", header + "2024-01-01T00:00Z,x\n");
        try {
            loadSweepCarbon(carbonFilesIn(bad.path().toStdString()));
            QFAIL("a bad row was accepted");
        } catch (const std::exception &e) {
            QVERIFY2(QString(e.what()).contains("B_2024.csv:2:"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(InputError, carbonFilesIn((dir.path() + "/none").toStdString()));
        // More files than the limit: refused before any is read (these do not exist).
        try {
            loadSweepCarbon(std::vector<std::string>(257, "absent.csv"));
            QFAIL("257 files were accepted");
        } catch (const InputError &e) {
            QCOMPARE(QString(e.what()), QString("a sweep reads at most 256 files (257 given)"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSweepPeriods)
#include "test_sweep_periods.moc"
