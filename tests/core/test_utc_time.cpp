// Times: every accepted spelling of an instant, and what is refused.
#include "utc_time.h"

#include <QTest>

using namespace cs;

class TestUtcTime : public QObject
{
    Q_OBJECT
private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected");
        // 2023-06-01T00:00:00Z = 19509 days after 1970-01-01 (53 years with 13 leap days, then 151 days of 2023).
        const qint64 june1 = 19509LL * 86400;
        QTest::newRow("iso-no-zone") << "2023-06-01T00:00:00" << june1;
        QTest::newRow("iso-z") << "2023-06-01T00:00:00Z" << june1;
        QTest::newRow("iso-minutes-z") << "2023-06-01T00:30Z" << june1 + 1800;
        QTest::newRow("space-seconds") << "2023-06-01 01:00:00" << june1 + 3600;
        QTest::newRow("space-offset") << "2023-06-01 01:00:00+00:00" << june1 + 3600;
        QTest::newRow("bst-offset") << "2023-06-01T01:00:00+01:00" << june1;
        QTest::newRow("negative-offset") << "2023-05-31T19:00:00-05:00" << june1;
        QTest::newRow("compact-offset") << "2023-06-01T02:00:00+0200" << june1;
        QTest::newRow("fraction") << "2023-06-01 00:00:05.9799600" << june1 + 5;
        QTest::newRow("date-only") << "2023-06-01" << june1;
        QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << 0LL;
        QTest::newRow("leap-day") << "2024-02-29T00:00:00Z" << (19782LL * 86400); // 2024-01-01 is day 19723, +59
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto t = parseUtcTime(text.toStdString());
        QVERIFY2(t.has_value(), qPrintable(text));
        QCOMPARE(*t, expected);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("words") << "yesterday";
        QTest::newRow("bad-month") << "2023-13-01T00:00:00";
        QTest::newRow("bad-day") << "2023-02-29T00:00:00";
        QTest::newRow("bad-hour") << "2023-06-01T24:00:00";
        QTest::newRow("trailing") << "2023-06-01T00:00:00Zx";
        QTest::newRow("unix-seconds") << "1685577600";
    }
    void refuses()
    {
        QFETCH(QString, text);
        QVERIFY(!parseUtcTime(text.toStdString()).has_value());
    }

    void formatsAndRoundTrips()
    {
        QCOMPARE(QString::fromStdString(formatUtcTime(19509LL * 86400 + 1800)), QString("2023-06-01T00:30:00Z"));
        QCOMPARE(QString::fromStdString(formatUtcTime(-1)), QString("1969-12-31T23:59:59Z"));
        for (qint64 t : {0LL, 951782400LL, 1685577600LL, 4102444800LL})
            QCOMPARE(*parseUtcTime(formatUtcTime(t)), t);
    }

    void dayStart()
    {
        QCOMPARE(utcDayStart(1685577600 + 86399), 1685577600LL);
        QCOMPARE(utcDayStart(-1), -86400LL);
    }
};

QTEST_GUILESS_MAIN(TestUtcTime)
#include "test_utc_time.moc"
