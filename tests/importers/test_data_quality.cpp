// The data-quality step of an import (issue 15): zeros, gaps, runs of repeated values and the part of a trace a
// scenario cuts off, on series made by hand; the readable names given to series ("y", long column names).
#include "data_quality.h"
#include "scenario.h"
#include "scenario_checks.h"
#include "series_name.h"

#include <QTest>

using namespace cs;

namespace {

constexpr UtcSeconds hour = 3600;

TimeSeries hourly(const std::string &name, UtcSeconds start, std::vector<std::pair<int, double>> points)
{
    TimeSeries s;
    s.name = name;
    s.intervalSeconds = hour;
    for (const auto &[index, value] : points) {
        s.times.push_back(start + index * hour);
        s.values.push_back(value);
    }
    return s;
}

} // namespace

class TestDataQuality : public QObject
{
    Q_OBJECT

private slots:
    void zerosGapsAndRepeatsByHand()
    {
        // Hours 0..15 of 2024-01-01 with hours 4 and 5 missing: 300, 0, 0, 250, -, -, 200 x 9 (hours 6..14), 180.
        const UtcSeconds t0 = *parseUtcTime("2024-01-01T00:00:00Z");
        std::vector<std::pair<int, double>> p{{0, 300}, {1, 0}, {2, 0}, {3, 250}};
        for (int h = 6; h <= 14; ++h)
            p.push_back({h, 200});
        p.push_back({15, 180});
        const DataQualityReport r = checkDataQuality(hourly("c", t0, p));
        QCOMPARE(r.points, std::size_t(14));
        QCOMPARE(r.zeros, std::size_t(2));
        QCOMPARE(r.zeroRuns.size(), std::size_t(1));
        QCOMPARE(r.zeroRuns[0].from, t0 + 1 * hour);
        QCOMPARE(r.zeroRuns[0].to, t0 + 3 * hour);
        QCOMPARE(r.gaps.size(), std::size_t(1));
        QCOMPARE(r.gaps[0].from, t0 + 4 * hour);
        QCOMPARE(r.gaps[0].to, t0 + 6 * hour);
        QCOMPARE(r.missingIntervals, 2LL);
        QCOMPARE(r.repeatedRuns.size(), std::size_t(1)); // nine 200s; the two zeros are below the run length of 8
        QCOMPARE(r.repeatedRuns[0].points, std::size_t(9));
        QCOMPARE(r.repeatedRuns[0].from, t0 + 6 * hour);
        QCOMPARE(r.repeatedRuns[0].to, t0 + 15 * hour);
        QCOMPARE(r.summary(), std::string("2 zeros, 1 gap (2 missing intervals), 1 run of repeated values"));
        const std::vector<std::string> lines = r.details();
        QCOMPARE(lines.size(), std::size_t(3));
        QCOMPARE(lines[0], std::string("2 zeros from 2024-01-01T01:00:00Z to 2024-01-01T03:00:00Z"));
        QCOMPARE(lines[1], std::string("no data from 2024-01-01T04:00:00Z to 2024-01-01T06:00:00Z"));
        QCOMPARE(lines[2], std::string("9 equal values (200) from 2024-01-01T06:00:00Z to 2024-01-01T15:00:00Z"));
    }

    void aRepeatRunStopsAtAGapAndEightIsTheThreshold()
    {
        // Seven 100s, a missing hour, seven 100s: no run of 8 (a gap breaks it); then exactly eight 90s.
        std::vector<std::pair<int, double>> p;
        for (int h = 0; h < 7; ++h)
            p.push_back({h, 100});
        for (int h = 8; h < 15; ++h)
            p.push_back({h, 100});
        for (int h = 15; h < 23; ++h)
            p.push_back({h, 90});
        const DataQualityReport r = checkDataQuality(hourly("c", 0, p));
        QCOMPARE(r.repeatedRuns.size(), std::size_t(1));
        QCOMPARE(r.repeatedRuns[0].value, 90.0);
        QCOMPARE(r.repeatedRuns[0].points, std::size_t(8));
    }

    void requestZerosAreNormalAndACleanSeriesSaysSo()
    {
        const TimeSeries idle = hourly("r", 0, {{0, 5}, {1, 0}, {2, 7}});
        DataQualityOptions requests;
        requests.zerosAreDoubtful = false;
        const DataQualityReport r = checkDataQuality(idle, requests);
        QCOMPARE(r.zeros, std::size_t(0));
        QVERIFY(r.clean());
        QCOMPARE(r.summary(), std::string("no zeros, gaps or repeated runs"));
        QCOMPARE(checkDataQuality(idle).zeros, std::size_t(1)); // in a carbon trace a 0 is doubtful
    }

    void zeroActualTakesTheForecastOrBecomesAGap()
    {
        // Actual 0, 0, 165, 0 beside a forecast at hours 0..2 only: 150, 160, 170.
        TimeSeries actual = hourly("gb", 0, {{0, 0}, {1, 0}, {2, 165}, {3, 0}});
        const std::optional<TimeSeries> forecast = hourly("gb (forecast)", 0, {{0, 150}, {1, 160}, {2, 170}});
        QCOMPARE(treatZeroActualAsMissing(actual, forecast), std::size_t(3));
        QCOMPARE(actual.values, (std::vector<double>{150, 160, 165}));
        QCOMPARE(actual.times, (std::vector<UtcSeconds>{0, hour, 2 * hour})); // hour 3 has no forecast: a gap
    }

    void aYearOfCarbonCutToAMonthIsReported()
    {
        // A leap year of hourly carbon (8,784 h) and 720 h of requests in June: the scenario keeps June only.
        const UtcSeconds year = *parseUtcTime("2024-01-01T00:00:00Z");
        const UtcSeconds june = *parseUtcTime("2024-06-01T00:00:00Z");
        TimeSeries carbon, requests;
        carbon.name = "gb_2024";
        requests.name = "wiki";
        carbon.intervalSeconds = requests.intervalSeconds = hour;
        for (int h = 0; h < 8784; ++h) {
            carbon.times.push_back(year + h * hour);
            carbon.values.push_back(100);
        }
        for (int h = 0; h < 720; ++h) {
            requests.times.push_back(june + h * hour);
            requests.values.push_back(1);
        }
        const Scenario s = alignTraces(carbon, requests);
        QCOMPARE(s.size(), std::size_t(720));
        QCOMPARE(describeCutOff(carbon, s, "carbon"),
                 std::string("carbon trace \"gb_2024\" spans 2024-01-01T00:00:00Z to 2025-01-01T00:00:00Z (8784 h); "
                             "the scenario keeps 2024-06-01T00:00:00Z to 2024-07-01T00:00:00Z (720 h) where both "
                             "traces have data, 8064 h left out"));
        QCOMPARE(describeCutOff(requests, s, "request"), std::string()); // nothing of the requests is cut
    }

    void readableNames()
    {
        QCOMPARE(readableSeriesName("data/requests_wikipedia_en_2023-06.csv", "y"),
                 std::string("requests_wikipedia_en_2023-06"));
        QCOMPARE(readableSeriesName("/x/trace.csv.gz", "Value"), std::string("trace"));
        QCOMPARE(readableSeriesName("gb.csv", "South West England"), std::string("gb: South West England"));
        // "a: " + a 57-character column: 39 characters are kept at most, here up to the space after "268MB" (the
        // 38th character), then "…".
        QCOMPARE(readableSeriesName("a.csv", "analysis + synthetic_twitter_268MB + synthetic_azure_code"),
                 std::string("a: analysis + synthetic_twitter_268MB …"));
        // No space in the last quarter: cut mid-word at 39 characters.
        QCOMPARE(readableSeriesName("", "synthetic_twitter_268MB_and_synthetic_azure_code"),
                 std::string("synthetic_twitter_268MB_and_synthetic_a…"));
        QCOMPARE(readableSeriesName("", "y"), std::string("y"));
    }
};

QTEST_GUILESS_MAIN(TestDataQuality)
#include "test_data_quality.moc"
