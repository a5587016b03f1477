// A suite for checking tests/run_suite.sh: one test passes, one skips (as a test does where its data is missing),
// and with PROBE_FAIL set one fails as well.
#include <QtTest>

class TestSkipProbe : public QObject
{
    Q_OBJECT

private slots:
    void passes() { QCOMPARE(1 + 1, 2); }
    void skips() { QSKIP("the probe's data is absent"); }
    void failsWhenAsked() { QVERIFY(!qEnvironmentVariableIsSet("PROBE_FAIL")); }
};

QTEST_GUILESS_MAIN(TestSkipProbe)
#include "skip_probe.moc"
