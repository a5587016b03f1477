// The window on any screen (#15): its size follows the available screen, the Timeline folds the daily bars into a
// tab below 1400 px, and at 1366×768, 1920×1080 and under a 2× scale factor every widget of the window lies inside
// it (nothing off-screen), the default scenario shown.
#include "uitestfixture.h"
#include "windowfitchecks.h"

#include "dailyco2plot.h"
#include "paperreadout.h"
#include "policytable.h"
#include "timelinetab.h"
#include "timelineview.h"

#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QLabel>
#include <QtTest>

#include <memory>

using namespace cs;

class TestWindowFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::useTestEnvironment(); }

    void preferredSizeFollowsTheScreen()
    {
        // Room for 1500×950 plus 40 px: kept. Less: 94 % of the screen, never more than 1500×950.
        QCOMPARE(MainWindow::preferredSize(QSize(1920, 1040)), QSize(1500, 950));
        QCOMPARE(MainWindow::preferredSize(QSize(1366, 728)), QSize(1284, 684));
        QCOMPARE(MainWindow::preferredSize(QSize(1600, 900)), QSize(1500, 846));
        // 3840×2160 at 2× is 1920×1080 logical: the roomy size; 2732×1536 at 2× is 1366×768: 94 %.
        QCOMPARE(MainWindow::preferredSize(QSize(1366, 768)), QSize(1284, 721));
    }

    void fitsAtEachSize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("folded");
        QTest::newRow("1366x768 laptop") << QSize(1366, 768) << true;
        QTest::newRow("1920x1080") << QSize(1920, 1080) << false;
        // A 2× scale factor on a 2732×1536 screen leaves 1366×768 logical pixels: test_scale_factor.cpp runs the
        // window there under QT_SCALE_FACTOR=2 (tests/ui/CMakeLists.txt).
        QTest::newRow("1500x950 default") << QSize(1500, 950) << false;
    }

    void fitsAtEachSize()
    {
        QFETCH(QSize, size);
        QFETCH(bool, folded);
        MainWindow window;
        QVERIFY(test::showDefaultScenarioLaidOut(window, size));
        QCOMPARE(window.timelineTab()->isFolded(), folded);
        test::checkEveryWidgetInside(window);
        // The timeline's four panels have room to be read: each at least 40 px high.
        test::checkPanelHeights(window, 40);
        // The app's start-up timing and screenshot wait for the first plot of the current tab: the timeline's.
        QCOMPARE(window.tabs()->currentWidget()->findChild<QCustomPlot *>(), window.timeline()->plot());
        // Folded, the daily bars are one click away in the tab beside the totals; wide, beside the timeline.
        QCOMPARE(window.dailyPlot()->isVisible(), !folded);
    }

    void aMessageShownBeforeTheWindowIsNotDrawnOverTheProjectName()
    {
        MainWindow window;
        window.statusBar()->showMessage(QStringLiteral("Opened something"), 60000); // as opening the last project does
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *project = window.statusBar()->findChild<QLabel *>(QStringLiteral("projectLabel"));
        QVERIFY(project);
        QVERIFY(!project->isVisible());
        window.statusBar()->clearMessage();
        QVERIFY(project->isVisible());
    }

    void aLongScenarioDescriptionGoesToTheTooltip()
    {
        MainWindow window;
        QVERIFY(test::showDefaultScenario(window, QSize(1366, 768)));
        QLabel *label = window.timelineTab()->scenarioLabel();
        // The default scenario's two clauses are shown whole.
        QCOMPARE(label->toolTip(), window.document()->description());
        QVERIFY(!label->text().contains(QStringLiteral("more in the tooltip")));
        // Five clauses: the first three on the tab, all five in the tooltip.
        const Scenario kept = window.document()->scenario();
        window.document()->setScenario(kept, QStringLiteral("name; traces; 3 intervals; carbon spans A; cut B"));
        QCOMPARE(label->toolTip(), QStringLiteral("name; traces; 3 intervals; carbon spans A; cut B"));
        QVERIFY(label->text().contains(QStringLiteral("name; traces; 3 intervals")));
        QVERIFY(!label->text().contains(QStringLiteral("carbon spans A")));
        QVERIFY(label->text().contains(QStringLiteral("more in the tooltip")));
    }

    void aSplitSavedFoldedLeavesTheDailyBarsTheirShare()
    {
        // Closed on a laptop, the timeline/daily split was saved holding the timeline alone (one size, 950 px).
        QSplitter folded;
        folded.addWidget(new QWidget);
        folded.setSizes({950});
        QSettings().setValue(QStringLiteral("mainwindow/timelinePlotSplit"), folded.saveState());
        MainWindow window;
        QVERIFY(test::showDefaultScenarioLaidOut(window, QSize(1500, 950)));
        QSettings().remove(QStringLiteral("mainwindow/timelinePlotSplit"));
        // At 1500 px the daily bars stand beside the timeline with the default share, 520 of 950 + 520 px (35 %),
        // not squeezed to nothing or to their minimum; 30 % leaves room for the handle and margins.
        QVERIFY(!window.timelineTab()->isFolded());
        QVERIFY(window.dailyPlot()->isVisible());
        const QList<int> sizes = window.timelineTab()->plotSplit()->sizes();
        QCOMPARE(sizes.size(), 2);
        QVERIFY2(sizes[1] >= 0.30 * (sizes[0] + sizes[1]), qPrintable(QStringLiteral("daily bars %1 px of %2 px")
                                                                          .arg(sizes[1]).arg(sizes[0] + sizes[1])));
    }

    void teachingAt1366x768GivesTheTimelineTheRoom()
    {
        // The totals and "paper vs here" give their room to the replay (test_scale_factor checks the same at 2x).
        MainWindow window;
        test::checkTeachingAt1366x768GivesTheTimelineTheRoom(window);
        QVERIFY(!window.timelineTab()->paperReadout()->isVisible());
        // Out of teaching mode the totals and the readout come back.
        window.setTeachingMode(false);
        QVERIFY(window.timelineTab()->totals()->isVisible());
        QVERIFY(window.timelineTab()->paperReadout()->isVisible());
    }
};

QTEST_MAIN(TestWindowFit)
#include "test_window_fit.moc"
