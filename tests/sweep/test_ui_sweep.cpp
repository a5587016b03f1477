// The Sweep tab on the hand-worked sweep (hand_sweep.h, one request per interval here): the heat map shows the
// cells worked out by hand for the metric and policy chosen with the tab's own combo boxes, and exports them.
#include "hand_sweep.h"
#include "sweepheatmap.h"
#include "sweeptab.h"

#include "../cli_run.h"

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace cs;

namespace {

TimeSeries carbonOf(const SweepSeries &s)
{
    TimeSeries t;
    t.name = s.name;
    t.source = s.name;
    t.intervalSeconds = s.scenario.intervalSeconds;
    t.times = s.scenario.times;
    t.values = s.scenario.intensity;
    return t;
}

double drawn(SweepTab &tab, int series, int period)
{
    return tab.heatMap()->colorMap()->data()->cell(period, series);
}

void choose(QComboBox *box, const QString &text)
{
    const int i = box->findText(text);
    QVERIFY2(i >= 0, qPrintable(text));
    box->setCurrentIndex(i);
}

} // namespace

class TestUiSweep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheHandCells()
    {
        SweepTab tab;
        tab.resize(1100, 600);
        tab.show();
        std::vector<TimeSeries> carbon;
        for (const SweepSeries &s : test::handSweepSeries())
            carbon.push_back(carbonOf(s));
        tab.setCarbon(std::move(carbon));
        tab.setPool(test::handPool(), QStringLiteral("Mid"));
        QStringList policies;
        for (const std::string &p : test::handPolicies())
            policies << QString::fromStdString(p);
        tab.setPolicies(policies);
        tab.setPeriod(SweepPeriod::Month);
        tab.setRequestProfile(false);
        QSignalSpy done(&tab, &SweepTab::finished);
        const auto buttons = tab.findChildren<QPushButton *>();
        QPushButton *run = nullptr;
        for (QPushButton *b : buttons)
            if (b->text().contains(QStringLiteral("Run")))
                run = b;
        QVERIFY(run);
        QTest::mouseClick(run, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 60000);
        QVERIFY2(tab.result(), qPrintable(tab.statusText()));

        // Regret of the threshold rule: A January 0.25 g over 3.25, A February 0.7 over 2.7, B optimal (hand_sweep.h;
        // one request per interval scales every gram by 1e-5 and leaves the ratios).
        choose(tab.metricChooser(), QStringLiteral("Regret vs exact optimum (%)"));
        choose(tab.policyChooser(), QStringLiteral("threshold:Big@150,Small"));
        QVERIFY(std::abs(drawn(tab, 0, 0) - 100 * 0.25 / 3.25) < 1e-9);
        QVERIFY(std::abs(drawn(tab, 0, 1) - 100 * 0.7 / 2.7) < 1e-9);
        QVERIFY(std::abs(drawn(tab, 1, 0)) < 1e-9);
        QVERIFY(std::abs(drawn(tab, 1, 1)) < 1e-9);
        QVERIFY(tab.heatMap()->cellText(0, 1).startsWith(QStringLiteral("A, 2024-02: Regret")));

        // CO2 saved (%) of the same rule: (4 - 3.5) / 4, (3.2 - 3.4) / 3.2, (3 - 2.25) / 3, (5 - 4) / 5.
        choose(tab.metricChooser(), QStringLiteral("CO2 saved vs baseline (%)"));
        QVERIFY(std::abs(drawn(tab, 0, 0) - 12.5) < 1e-9);
        QVERIFY(std::abs(drawn(tab, 0, 1) + 6.25) < 1e-9);
        QVERIFY(std::abs(drawn(tab, 1, 0) - 25) < 1e-9);
        QVERIFY(std::abs(drawn(tab, 1, 1) - 20) < 1e-9);

        // Efficiency of Big: 16.67 % gain over 4e-5 g extra in A January; the threshold rule saves CO2 in B, so
        // it has no efficiency there: a blank cell.
        choose(tab.metricChooser(), QStringLiteral("Efficiency (gain % / extra g)"));
        choose(tab.policyChooser(), QStringLiteral("model:Big"));
        QVERIFY(std::abs(drawn(tab, 0, 0) / ((100.0 / 6) / 4e-5) - 1) < 1e-9);
        choose(tab.policyChooser(), QStringLiteral("threshold:Big@150,Small"));
        QVERIFY(std::isnan(drawn(tab, 1, 0)));
        QVERIFY(std::abs(drawn(tab, 0, 1) / ((-50.0 / 6) / 0.2e-5) - 1) < 1e-9);

        // Export: one row per series x period x policy, A January's threshold row with its hand figures.
        QTemporaryDir dir;
        QString error;
        QVERIFY2(tab.exportTo(dir.filePath(QStringLiteral("s.csv")), &error), qPrintable(error));
        QFile f(dir.filePath(QStringLiteral("s.csv")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 2 * 2 * 3);
        QVERIFY2(lines[3].startsWith(QStringLiteral("A,2024-01,2024-01-01T00:00:00Z,threshold:Big@150,Small")) ||
                     lines[3].startsWith(QStringLiteral("A,2024-01,2024-01-01T00:00:00Z,\"threshold:Big@150,Small\"")),
                 qPrintable(lines[3]));
        QVERIFY(!tab.exportTo(dir.path(), &error)); // a folder is refused, with the reason
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestUiSweep)
#include "test_ui_sweep.moc"
