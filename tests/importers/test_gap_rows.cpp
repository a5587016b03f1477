// A row with a time and no value: the same series whichever sink the import writes into.
#include "import_test_util.h"
#include "trace_file.h"

#include <QtTest>

using namespace cs;
using namespace testutil;

namespace {

// Half-hourly, the middle value missing: 00:00 = 10, 00:30 = (none), 01:00 = 30.
const char *const kGapCsv = "time,intensity\n2023-06-01T00:00:00Z,10\n2023-06-01T00:30:00Z,\n2023-06-01T01:00:00Z,30\n";
constexpr UtcSeconds kJune1 = 19509LL * 86400; // 2023-06-01T00:00Z

} // namespace

class TestGapRows : public QObject
{
    Q_OBJECT
private slots:
    void inMemoryTheEmptyRowSetsTheInterval()
    {
        const TraceFile t = readTraceText(kGapCsv, "gap.csv", {});
        QCOMPARE(t.series.intervalSeconds, 1800LL); // not 3600: the empty row is half an hour after the first
        QCOMPARE(t.series.values, (std::vector<double>{10, 30}));
        QCOMPARE(t.series.times, (std::vector<UtcSeconds>{kJune1, kJune1 + 3600}));
    }

    void inAProjectTheEmptyRowSetsTheIntervalToo()
    {
        ScratchImport scratch(QStringLiteral("gap.csv"), kGapCsv);
        scratch.import(options(SeriesKind::Carbon, "csv", "gap"));
        const TimeSeries s = scratch.store.loadCarbonSeries("gap");
        QCOMPARE(s.intervalSeconds, 1800LL);
        QCOMPARE(s.values, (std::vector<double>{10, 30}));
        QCOMPARE(s.times, (std::vector<UtcSeconds>{kJune1, kJune1 + 3600}));
        QCOMPARE(s.gaps().size(), std::size_t(1)); // 00:30 missing
    }

    void oneValueAndAnEmptyRowTellTheInterval()
    {
        ScratchImport scratch(QStringLiteral("one.csv"), "time,intensity\n2023-06-01T00:00:00Z,10\n2023-06-01T00:05:00Z,\n");
        scratch.import(options(SeriesKind::Carbon, "csv", "one"));
        QCOMPARE(scratch.store.loadCarbonSeries("one").intervalSeconds, 300LL);
    }
};

QTEST_GUILESS_MAIN(TestGapRows)
#include "test_gap_rows.moc"
