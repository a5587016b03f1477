// Intensity feeds: replaying a scenario in order, and reading lines from a stream with located errors.
#include "intensity_feed.h"
#include "parse_error.h"

#include <QtTest>

#include <sstream>

using namespace cs;

class TestIntensityFeed : public QObject
{
    Q_OBJECT

private slots:
    void replayGivesEachIntervalAndTheMeanRequests()
    {
        Scenario s;
        s.intervalSeconds = 1800;
        s.times = {0, 1800, 3600};
        s.intensity = {100, 200, 300};
        s.requests = {10, 20, 60};
        ReplayFeed f(s);
        QCOMPARE(f.meanRequests(), 30.0); // (10 + 20 + 60) / 3
        QCOMPARE(f.intervalSeconds(), UtcSeconds(1800));
        const auto a = f.next();
        QCOMPARE(a->intensity, 100.0);
        QCOMPARE(a->requests, 10.0);
        f.next();
        QCOMPARE(f.next()->time, UtcSeconds(3600));
        QVERIFY(!f.next());
    }

    void streamLines()
    {
        std::istringstream in("# a comment\n350\n\n2023-06-01T00:00:00Z, 200, 5\n2023-06-01T00:30:00Z,x\n");
        StreamFeed f(in, "stdin", 1800);
        const auto a = f.next();
        QCOMPARE(a->intensity, 350.0);
        QCOMPARE(a->requests, 1.0);
        const auto b = f.next();
        QCOMPARE(b->time, *parseUtcTime("2023-06-01T00:00:00Z"));
        QCOMPARE(b->intensity, 200.0);
        QCOMPARE(b->requests, 5.0);
        try {
            f.next();
            QFAIL("a bad intensity was accepted");
        } catch (const ParseError &e) {
            QCOMPARE(e.line(), 5);
            QCOMPARE(QString::fromStdString(e.file()), QStringLiteral("stdin"));
        }
    }

    void negativeIntensityIsRefused()
    {
        std::istringstream in("-3\n");
        StreamFeed f(in, "stdin", 60);
        QVERIFY_EXCEPTION_THROWN(f.next(), ParseError);
    }
};

QTEST_GUILESS_MAIN(TestIntensityFeed)
#include "test_intensity_feed.moc"
