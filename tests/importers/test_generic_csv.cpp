// Reading carbon and request CSVs through the generic CSV importer (readTraceFile, --format csv): column
// detection on the real files, and every bad-input case named by file, line and column. (Moved from tests/core
// when core's second CSV reader, which these cases were first written for, went.)
#include "../core/error_text.h"
#include "input_csv.h"
#include "parse_error.h"

#include <QFile>
#include <QTest>


using namespace cs;
using cs::test::csvFile;

static TimeSeries carbonFrom(const std::string &text, const std::string &column = {})
{
    return test::csvText(text, "bad.csv", SeriesKind::Carbon, column);
}

static QString errorOf(const std::string &text)
{
    return errorText<ParseError>([&] { carbonFrom(text); });
}

class TestGenericCsv : public QObject
{
    Q_OBJECT
private slots:
    void defaultScenarioCarbon()
    {
        // data/SOURCES.md (from shared/data/SOURCES.md): 1440 rows, 2023-06-01T00:00 to 06-30T23:30,
        // min 29, max 389, mean 240.0; first row 357.0.
        const auto s = csvFile(CARBONSCOPE_SOURCE_DIR "/data/carbon_south_west_england_2023-06.csv");
        QCOMPARE(s.size(), std::size_t(1440));
        QCOMPARE(s.intervalSeconds, 1800LL);
        QCOMPARE(s.times.front(), 19509LL * 86400);
        QCOMPARE(s.values.front(), 357.0);
        QCOMPARE(s.name, std::string("South West England"));
        double lo = 1e9, hi = 0, sum = 0;
        for (double v : s.values)
            lo = std::min(lo, v), hi = std::max(hi, v), sum += v;
        QCOMPARE(lo, 29.0);
        QCOMPARE(hi, 389.0);
        QVERIFY(std::abs(sum / 1440 - 240.0) < 0.05);
        QVERIFY(s.gaps().empty());
    }

    void defaultScenarioRequests()
    {
        const auto s = csvFile(CARBONSCOPE_SOURCE_DIR "/data/requests_wikipedia_en_2023-06.csv", SeriesKind::Requests);
        QCOMPARE(s.size(), std::size_t(720)); // 30 days x 24 hours
        QCOMPARE(s.intervalSeconds, 3600LL);
        QCOMPARE(s.values.front(), 3012844.0); // "2023-06-01 00:00:00,3012844"
        QCOMPARE(s.values.back(), 3147357.0);  // "2023-06-30 23:00:00,3147357"
    }

    void gbNationalActualByDefaultAndForecastOnRequest()
    {
        const std::string path = CARBONSCOPE_SHARED_DATA "/gb_national_carbon_intensity_2023.csv";
        if (!QFile::exists(QString::fromStdString(path)))
            QSKIP("../shared/data is absent: the GB national trace is read from there");
        const auto actual = csvFile(path);
        const auto forecast = csvFile(path, SeriesKind::Carbon, "forecast");
        QCOMPARE(actual.name, std::string("actual"));
        QCOMPARE(forecast.size(), std::size_t(17430));   // every row has a forecast
        QCOMPARE(actual.size(), std::size_t(17430 - 5)); // 5 rows have an empty actual: missing points
        QCOMPARE(actual.values.front(), 65.0);           // "2022-12-31 23:30:00+00:00,...,75,65.0,low"
        QCOMPARE(forecast.values.front(), 75.0);
        // The API's gap: the row of 2023-10-20 21:30 (to 22:00) is followed by 2023-10-22 19:30, so the points
        // from 22:00 on the 20th up to 19:30 on the 22nd are missing; shown as a gap, not filled.
        bool found = false;
        for (const Gap &g : forecast.gaps())
            found |= formatUtcTime(g.from) == "2023-10-20T22:00:00Z" && formatUtcTime(g.to) == "2023-10-22T19:30:00Z";
        QVERIFY(found);
    }

    void otherRealFormats()
    {
        const std::string em = CARBONSCOPE_SHARED_DATA "/electricitymaps_GB_2023_hourly.csv";
        const std::string wt = CARBONSCOPE_SHARED_DATA "/watttime_caiso_north_moer_2023-06-08_to_07-08_5min_gkwh.csv";
        if (!QFile::exists(QString::fromStdString(em)))
            QSKIP("../shared/data is absent");
        const auto e = csvFile(em); // life-cycle column first: "...,62.4,91.22,..."
        QCOMPARE(e.values.front(), 91.22);
        QCOMPARE(e.intervalSeconds, 3600LL);
        QCOMPARE(csvFile(em, SeriesKind::Carbon, "Carbon intensity gCO₂eq/kWh (direct)").values.front(), 62.4);
        const auto w = csvFile(wt); // "time,Caiso_North": the one value column
        QCOMPARE(w.intervalSeconds, 300LL);
        QCOMPARE(w.values.front(), 425.01605069);
        QCOMPARE(w.size(), std::size_t(8928));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const std::string head = "datetime,intensity\n";
        QTest::newRow("empty-file") << "" << "bad.csv:1:1: empty file";
        QTest::newRow("header-only") << QString::fromStdString(head) << "bad.csv:1: no data rows";
        QTest::newRow("no-intensity-column") << "datetime,wind,solar\n2023-06-01T00:00:00,1,2\n"
                                             << "bad.csv:1: no intensity column";
        QTest::newRow("no-time-column") << "a,intensity\n1,2\n" << "bad.csv:1: no time column";
        QTest::newRow("non-number")
            << QString::fromStdString(head + "2023-06-01T00:00:00,100\n2023-06-01T00:30:00,1O0\n")
            << "bad.csv:3:21: expected a number, got \"1O0\" for the carbon intensity in column 'intensity'";
        QTest::newRow("negative") << QString::fromStdString(head + "2023-06-01T00:00:00,-5\n")
                                  << "bad.csv:2:21: negative carbon intensity -5";
        QTest::newRow("bad-time") << QString::fromStdString(head + "2023-06-31T00:00:00,5\n")
                                  << "bad.csv:2:1: expected a time";
        QTest::newRow("duplicate")
            << QString::fromStdString(head + "2023-06-01T00:00:00,1\n2023-06-01T00:30:00,2\n2023-06-01T00:30:00,3\n")
            << "bad.csv:4:1: duplicate time 2023-06-01T00:30:00Z (first on line 3)";
        QTest::newRow("backwards")
            << QString::fromStdString(head + "2023-06-01T01:00:00,1\n2023-06-01T01:30:00,2\n2023-06-01T00:30:00,3\n")
            << "bad.csv:4:1: time goes backwards: 2023-06-01T00:30:00Z comes after 2023-06-01T01:30:00Z";
        QTest::newRow("truncated") << QString::fromStdString(head + "2023-06-01T00:00:00\n")
                                   << "bad.csv:2:20: truncated line";
        QTest::newRow("off-interval")
            << QString::fromStdString(head + "2023-06-01T00:00:00,1\n2023-06-01T00:30:00,2\n2023-06-01T00:50:00,3\n")
            << "bad.csv: times do not fall on one fixed interval";
        QTest::newRow("unterminated-quote") << QString::fromStdString(head + "\"2023-06-01T00:00:00,1\n")
                                            << "bad.csv:2:1: unterminated quoted field";
    }
    void badInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString error = errorOf(text.toStdString());
        QVERIFY2(error.startsWith(expected), qPrintable("got: " + error));
    }

    void nonNumberAtRow812()
    {
        // 811 good lines (header + 810 rows), then a non-number on line 812 in the second field (column 21).
        std::string text = "datetime,intensity\n";
        for (int i = 0; i < 810; ++i)
            text += formatUtcTime(1685577600LL + i * 1800).substr(0, 19) + ",200\n";
        text += formatUtcTime(1685577600LL + 810 * 1800).substr(0, 19) + ",n/a\n";
        QVERIFY(errorOf(text).startsWith("bad.csv:812:21: expected a number"));
    }

    void missingFile()
    {
        try {
            csvFile("/nonexistent/carbon.csv");
            QFAIL("no error for a missing file");
        } catch (const ParseError &e) {
            QCOMPARE(QString::fromUtf8(e.what()), QString("/nonexistent/carbon.csv: cannot open the file (No such file "
                                                          "or directory)"));
        }
    }

    void emptyValueIsAGapNotAZero()
    {
        const auto s = carbonFrom("from,actual\n2023-06-01T00:00Z,10\n2023-06-01T00:30Z,\n2023-06-01T01:00Z,30\n");
        QCOMPARE(s.size(), std::size_t(2));
        QCOMPARE(s.intervalSeconds, 1800LL);
        QCOMPARE(s.gaps().size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(formatUtcTime(s.gaps()[0].from)), QString("2023-06-01T00:30:00Z"));
    }

    void forecastBesideAnyIntensityColumn()
    {
        // "datetime,intensity,forecast": the intensity in use, its forecast beside it, each named by its column.
        const TraceFile t = readTraceText("datetime,intensity,forecast\n2023-06-01T00:00:00Z,100,300\n"
                                          "2023-06-01T01:00:00Z,300,\n2023-06-01T02:00:00Z,,100\n",
                                          "fc.csv", {});
        QCOMPARE(t.series.name, std::string("intensity"));
        QCOMPARE(t.series.values, (std::vector<double>{100, 300})); // 02:00 has no intensity: a gap
        QCOMPARE(t.series.intervalSeconds, 3600LL);
        QVERIFY(t.forecast);
        QCOMPARE(t.forecast->name, std::string("forecast"));
        QCOMPARE(t.forecast->values, (std::vector<double>{300, 100})); // 01:00 has no forecast
        QCOMPARE(t.forecast->times.back(), 19509LL * 86400 + 2 * 3600); // 2023-06-01T02:00Z
    }

    void quotedFieldsSemicolonsAndCrlf()
    {
        const auto s = carbonFrom("\xEF\xBB\xBF\"time\";\"value\"\r\n\"2023-06-01 00:00:00\";\"15\"\r\n");
        QCOMPARE(s.name, std::string("value")); // BOM dropped, quotes removed, ';' detected
        QCOMPARE(s.values.front(), 15.0);
        // With ';' as delimiter "1,5" is one field, and decimal commas are not guessed: an error, not 1.5 or 15.
        QVERIFY(errorOf("time;value\n2023-06-01 00:00:00;1,5\n").startsWith("bad.csv:2:21: expected a number"));
    }
};

QTEST_GUILESS_MAIN(TestGenericCsv)
#include "test_generic_csv.moc"
