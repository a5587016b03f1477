// Putting a carbon trace and a request trace on one grid: sums, time-weighted means, gaps, and refusals.
#include "error_text.h"
#include "parse_error.h"
#include "scenario.h"

#include <QTest>

using namespace cs;

static const UtcSeconds T0 = 1685577600; // 2023-06-01T00:00:00Z

static TimeSeries series(UtcSeconds interval, std::vector<UtcSeconds> offsets, std::vector<double> values)
{
    TimeSeries s;
    s.intervalSeconds = interval;
    s.source = "test";
    for (auto o : offsets)
        s.times.push_back(T0 + o);
    s.values = std::move(values);
    return s;
}

class TestAlignment : public QObject
{
    Q_OBJECT
private slots:
    void halfHourCarbonOnHourlyRequests()
    {
        // Carbon 100, 200 in hour 0 and 300, 500 in hour 1: hourly means 150 and 400; requests 10 and 20 as given.
        const auto carbon = series(1800, {0, 1800, 3600, 5400}, {100, 200, 300, 500});
        const auto requests = series(3600, {0, 3600}, {10, 20});
        const Scenario s = alignTraces(carbon, requests);
        QCOMPARE(s.intervalSeconds, 3600LL);
        QCOMPARE(s.size(), std::size_t(2));
        QCOMPARE(s.intensity, (std::vector<double>{150, 400}));
        QCOMPARE(s.requests, (std::vector<double>{10, 20}));
        QVERIFY(s.gaps.empty());
    }

    void aSpanBeyondAMillionIntervalsIsRefused()
    {
        // Points at 0 and 1 s fix a 1 s grid; a third point at 999,999 s makes the grid [T0, T0 + 1,000,000): exactly
        // the 1,000,000 intervals a scenario may hold (three with data, the rest one gap). One second more is refused
        // before anything that size is allocated (a century apart would be 3.2e9 intervals).
        const Scenario held = alignTraces(series(1, {0, 1, 999999}, {100, 200, 300}), std::nullopt);
        QCOMPARE(held.size(), std::size_t(3));
        QCOMPARE(held.gaps.size(), std::size_t(1));
        QCOMPARE(held.gaps.front().from, T0 + 2);
        QCOMPARE(held.gaps.front().to, T0 + 999999);
        const QString message =
            errorText<InputError>([] { alignTraces(series(1, {0, 1, 1000000}, {100, 200, 300}), std::nullopt); });
        QVERIFY2(message.startsWith("the traces span 1000001 intervals of 1 s (2023-06-01T00:00:00Z to "
                                    "2023-06-12T13:46:41Z), more than the 1000000 a scenario may hold"),
                 qPrintable(message));
    }

    void fineRequestsAreSummed()
    {
        const auto carbon = series(3600, {0, 3600}, {100, 200});
        const auto requests = series(900, {0, 900, 1800, 2700, 3600, 4500, 5400, 6300}, {1, 2, 3, 4, 5, 6, 7, 8});
        const Scenario s = alignTraces(carbon, requests);
        QCOMPARE(s.requests, (std::vector<double>{10, 26})); // 1+2+3+4, 5+6+7+8
        QCOMPARE(s.intensity, (std::vector<double>{100, 200}));
    }

    void halfMissingHourIsAGap()
    {
        // Carbon lacks 00:30: hour 0 is incomplete, left out and reported; hour 1 is simulated.
        const auto carbon = series(1800, {0, 3600, 5400}, {100, 300, 500});
        const auto requests = series(3600, {0, 3600}, {10, 20});
        const Scenario s = alignTraces(carbon, requests);
        QCOMPARE(s.size(), std::size_t(1));
        QCOMPARE(s.times.front(), T0 + 3600);
        QCOMPARE(s.intensity.front(), 400.0);
        QCOMPARE(s.gaps.size(), std::size_t(1));
        QCOMPARE(s.gaps[0].from, T0);
        QCOMPARE(s.gaps[0].to, T0 + 3600);
    }

    void commonPeriodOnly()
    {
        // Requests start an hour later and end an hour earlier than carbon: only the overlap is simulated.
        const auto carbon = series(3600, {0, 3600, 7200, 10800}, {1, 2, 3, 4});
        const auto requests = series(3600, {3600, 7200}, {5, 6});
        const Scenario s = alignTraces(carbon, requests);
        QCOMPARE(s.intensity, (std::vector<double>{2, 3}));
        QVERIFY(s.gaps.empty());
    }

    void withoutRequestsOneEach()
    {
        const auto carbon = series(1800, {0, 1800, 5400}, {7, 8, 9});
        const Scenario s = alignTraces(carbon, std::nullopt);
        QCOMPARE(s.requests, (std::vector<double>{1, 1, 1}));
        QCOMPARE(s.gaps.size(), std::size_t(1)); // 01:00 is missing
        QCOMPARE(s.gaps[0].from, T0 + 3600);
    }

    void forecastAlignedBeside()
    {
        const auto carbon = series(1800, {0, 1800}, {10, 20});
        const auto forecast = series(1800, {0, 1800}, {12, 18});
        const Scenario s = alignTraces(carbon, std::nullopt, forecast);
        QCOMPARE(s.forecast, (std::vector<double>{12, 18}));
    }

    void refusals_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no-overlap") << 0 << "do not overlap";
        QTest::newRow("intervals-do-not-fit") << 1 << "do not fit";
        QTest::newRow("phase") << 2 << "do not line up";
    }
    void refusals()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        const auto carbon = series(1800, {0, 1800, 3600, 5400}, {1, 2, 3, 4});
        TimeSeries requests;
        if (which == 0)
            requests = series(3600, {86400, 90000}, {1, 1});
        else if (which == 1)
            requests = series(2700, {0, 2700}, {1, 1}); // 45 min is no multiple of 30 min
        else
            requests = series(3600, {900, 4500}, {1, 1}); // hours starting at :15 split the half-hours
        try {
            alignTraces(carbon, requests);
            QFAIL("no error");
        } catch (const InputError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
        }
    }

    void hourMissingFromTheRequestsIsAGap()
    {
        // Grid: the hourly requests (the coarser trace), anchored at T0. Carbon is complete over three hours:
        // hour means (100+200)/2 = 150, (300+400)/2 = 350, (500+600)/2 = 550. Requests lack hour 1 (01:00), so it
        // is a gap and left out; hours 0 and 2 keep their carbon mean and count.
        const auto carbon = series(1800, {0, 1800, 3600, 5400, 7200, 9000}, {100, 200, 300, 400, 500, 600});
        const auto requests = series(3600, {0, 7200}, {10, 30});
        const Scenario s = alignTraces(carbon, requests);
        QCOMPARE(s.times, (std::vector<UtcSeconds>{T0, T0 + 7200}));
        QCOMPARE(s.intensity, (std::vector<double>{150, 550}));
        QCOMPARE(s.requests, (std::vector<double>{10, 30}));
        QCOMPARE(s.gaps.size(), std::size_t(1));
        QCOMPARE(s.gaps[0].from, T0 + 3600);
        QCOMPARE(s.gaps[0].to, T0 + 7200);
    }

    void quarterHourMissingFromTheRequestsIsAGapNotFewerRequests()
    {
        // Hourly carbon, quarter-hour requests without 01:30: hour 1 has 2,700 of its 3,600 s of requests, so it is
        // a gap rather than an hour of 5+6+8 = 19 requests. Hour 0 sums 1+2+3+4 = 10.
        const auto carbon = series(3600, {0, 3600}, {100, 200});
        const auto requests = series(900, {0, 900, 1800, 2700, 3600, 4500, 6300}, {1, 2, 3, 4, 5, 6, 8});
        const Scenario s = alignTraces(carbon, requests);
        QCOMPARE(s.times, (std::vector<UtcSeconds>{T0}));
        QCOMPARE(s.requests, (std::vector<double>{10}));
        QCOMPARE(s.intensity, (std::vector<double>{100}));
        QCOMPARE(s.gaps.size(), std::size_t(1));
        QCOMPARE(s.gaps[0].from, T0 + 3600);
        QCOMPARE(s.gaps[0].to, T0 + 7200);
    }

    // Gaps of either trace, worked out by hand per row: where they touch or overlap they are one gap.
    void gapsOfTheTwoTraces_data()
    {
        using Times = std::vector<UtcSeconds>;
        using Values = std::vector<double>;
        QTest::addColumn<Times>("carbonAt");
        QTest::addColumn<Values>("carbon");
        QTest::addColumn<Times>("requestsAt");
        QTest::addColumn<Values>("requests");
        QTest::addColumn<Times>("keptAt");          // offsets from T0 of the aligned intervals
        QTest::addColumn<Values>("keptIntensity");
        QTest::addColumn<Values>("keptRequests");
        QTest::addColumn<Times>("gaps");            // from, to of each gap, offsets from T0
        // Hours 0-4. Carbon lacks hour 1, the requests lack hour 2: one gap [01:00, 03:00), not two.
        QTest::newRow("adjacent-gaps-merge")
            << Times{0, 7200, 10800, 14400} << Values{100, 300, 400, 500} << Times{0, 3600, 10800, 14400}
            << Values{10, 20, 40, 50} << Times{0, 10800, 14400} << Values{100, 400, 500} << Values{10, 40, 50}
            << Times{3600, 10800};
        // Hours 0-5. Carbon lacks hours 1 and 2, the requests hours 2 and 3 (hour 2 missing from both):
        // one gap [01:00, 04:00); hours 0, 4, 5 remain.
        QTest::newRow("overlapping-gaps-merge")
            << Times{0, 10800, 14400, 18000} << Values{100, 400, 500, 600} << Times{0, 3600, 14400, 18000}
            << Values{10, 20, 50, 60} << Times{0, 14400, 18000} << Values{100, 500, 600} << Values{10, 50, 60}
            << Times{3600, 14400};
        // Hours 0-4. Carbon lacks hour 1, the requests hour 3; hour 2 between them is complete: two gaps. The
        // hours kept have carbon 100, 300 and 500 as given.
        QTest::newRow("separate-gaps-stay-separate")
            << Times{0, 7200, 10800, 14400} << Values{100, 300, 400, 500} << Times{0, 3600, 7200, 14400}
            << Values{10, 20, 30, 50} << Times{0, 7200, 14400} << Values{100, 300, 500} << Values{10, 30, 50}
            << Times{3600, 7200, 10800, 14400};
    }

    void gapsOfTheTwoTraces()
    {
        QFETCH(std::vector<UtcSeconds>, carbonAt);
        QFETCH(std::vector<double>, carbon);
        QFETCH(std::vector<UtcSeconds>, requestsAt);
        QFETCH(std::vector<double>, requests);
        QFETCH(std::vector<UtcSeconds>, keptAt);
        QFETCH(std::vector<double>, keptIntensity);
        QFETCH(std::vector<double>, keptRequests);
        QFETCH(std::vector<UtcSeconds>, gaps);
        const Scenario s = alignTraces(series(3600, carbonAt, carbon), series(3600, requestsAt, requests));
        std::vector<UtcSeconds> times;
        for (UtcSeconds at : keptAt)
            times.push_back(T0 + at);
        QCOMPARE(s.times, times);
        QCOMPARE(s.intensity, keptIntensity);
        QCOMPARE(s.requests, keptRequests);
        QCOMPARE(s.gaps.size(), gaps.size() / 2);
        for (std::size_t g = 0; g < s.gaps.size(); ++g) {
            QCOMPARE(s.gaps[g].from, T0 + gaps[2 * g]);
            QCOMPARE(s.gaps[g].to, T0 + gaps[2 * g + 1]);
        }
    }

    void sliceAcrossAGapClipsIt()
    {
        // The overlapping-gaps scenario: intervals at hours 0, 4, 5 and the gap [01:00, 04:00).
        const auto carbon = series(3600, {0, 10800, 14400, 18000}, {100, 400, 500, 600});
        const auto requests = series(3600, {0, 3600, 14400, 18000}, {10, 20, 50, 60});
        const Scenario all = alignTraces(carbon, requests);

        // [02:00, 05:00) starts inside the gap: hour 4 only, and the gap's part from 02:00 to 04:00.
        const Scenario across = sliceScenario(all, T0 + 7200, T0 + 18000);
        QCOMPARE(across.times, (std::vector<UtcSeconds>{T0 + 14400}));
        QCOMPARE(across.intensity, (std::vector<double>{500}));
        QCOMPARE(across.requests, (std::vector<double>{50}));
        QCOMPARE(across.intervalSeconds, 3600LL);
        QCOMPARE(across.gaps.size(), std::size_t(1));
        QCOMPARE(across.gaps[0].from, T0 + 7200);
        QCOMPARE(across.gaps[0].to, T0 + 14400);

        // [02:00, 03:00) lies inside the gap: no interval, the gap clipped to the slice.
        const Scenario inside = sliceScenario(all, T0 + 7200, T0 + 10800);
        QVERIFY(inside.empty());
        QVERIFY(inside.intensity.empty() && inside.requests.empty());
        QCOMPARE(inside.gaps.size(), std::size_t(1));
        QCOMPARE(inside.gaps[0].from, T0 + 7200);
        QCOMPARE(inside.gaps[0].to, T0 + 10800);

        // [00:00, 01:00) ends where the gap starts: hour 0 and no gap.
        const Scenario before = sliceScenario(all, T0, T0 + 3600);
        QCOMPARE(before.times, (std::vector<UtcSeconds>{T0}));
        QCOMPARE(before.requests, (std::vector<double>{10}));
        QVERIFY(before.gaps.empty());
    }

    void slice()
    {
        const auto carbon = series(3600, {0, 3600, 7200}, {1, 2, 3});
        const Scenario s = sliceScenario(alignTraces(carbon, std::nullopt), T0 + 3600, T0 + 7200);
        QCOMPARE(s.intensity, (std::vector<double>{2}));
    }
};

QTEST_GUILESS_MAIN(TestAlignment)
#include "test_alignment.moc"
