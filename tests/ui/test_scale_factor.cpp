// The window under a 2× scale factor (#15): run with QT_SCALE_FACTOR=2 on an offscreen screen of 2732×1536
// physical pixels (tests/ui/CMakeLists.txt; offscreen_2732x1536.json), which is 1366×768 logical. The window takes
// 94 % of that, lies inside it, folds as at 1366 logical px, and its text is not squeezed: every timeline panel
// keeps a readable height, the model names stand apart, the totals table's rows hold their text.
#include "uitestfixture.h"
#include "windowfitchecks.h"

#include "policytable.h"
#include "timelinetab.h"
#include "timelineview.h"

#include <QScreen>
#include <QSettings>
#include <QtTest>

using namespace cs;

class TestScaleFactor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::useTestEnvironment();
        QSettings().clear(); // no window geometry or split saved by an earlier run
    }

    void screenIs1366x768LogicalAt2x()
    {
        // 2732×1536 physical pixels at a scale factor of 2: 1366×768 logical.
        QScreen *screen = QGuiApplication::primaryScreen();
        QCOMPARE(screen->devicePixelRatio(), 2.0);
        QCOMPARE(screen->geometry(), QRect(0, 0, 1366, 768));
    }

    void windowFitsTheAvailableScreen()
    {
        MainWindow window;
        // 94 % of 1366×768: 1284.04 → 1284 and 721.92 → 721 (the roomy 1500×950 does not fit).
        QCOMPARE(window.size(), QSize(1284, 721));
        QVERIFY(test::showDefaultScenarioLaidOut(window));
        QVERIFY(window.screen()->availableGeometry().contains(window.geometry()));
        // 1284 logical px is below the 1400 px fold, whatever the 2568 physical px: the daily bars are a tab.
        QVERIFY(window.timelineTab()->isFolded());
        // 47 px lower than the 1366×768 below: the totals give the timeline its room (they scroll), so the panels
        // keep 40 px and the legend its two rows.
        test::checkPanelHeights(window, 40);
        test::checkLegendNotClipped(window);
        QVERIFY(window.timelineTab()->totals()->isVisible());
        // At least two policies' rows stay in view (the rest scroll).
        QVERIFY(window.timelineTab()->totals()->viewport()->height() >= 2 * window.timelineTab()->totals()->rowHeight(0));
    }

    void foldsAt1366Logical()
    {
        MainWindow window;
        QVERIFY(test::showDefaultScenarioLaidOut(window, QSize(1366, 768)));
        QVERIFY(window.timelineTab()->isFolded());
        // Every widget shown lies inside the window (nothing pushed off its right or bottom edge).
        test::checkEveryWidgetInside(window);
        // Four panels, each with room for three lines of its axis text (13 px a line at 9 pt, 96 dpi).
        test::checkPanelHeights(window, 40);
        test::checkModelNamesApart(window);
        test::checkLegendNotClipped(window);
    }

    void totalsRowsHoldTheirText()
    {
        MainWindow window;
        QVERIFY(test::showDefaultScenarioLaidOut(window, QSize(1366, 768)));
        PolicyTable *totals = window.timelineTab()->totals();
        QVERIFY(totals->isVisible());
        QVERIFY(totals->model()->rowCount() >= 6); // the paper's experiment: six policies
        const QAbstractItemView *view = totals; // where sizeHintForRow is public
        for (int row = 0; row < totals->model()->rowCount(); ++row)
            QVERIFY2(view->sizeHintForRow(row) <= totals->rowHeight(row),
                     qPrintable(QStringLiteral("row %1: its text needs %2 px, the row is %3 px")
                                    .arg(row).arg(view->sizeHintForRow(row)).arg(totals->rowHeight(row))));
    }

    void teachingGivesTheTimelineTheRoom()
    {
        // 768 logical px: as at 1366x768 on a 1x screen (test_window_fit), and the model names stay apart.
        MainWindow window;
        test::checkTeachingAt1366x768GivesTheTimelineTheRoom(window);
        test::checkModelNamesApart(window);
    }
};

QTEST_MAIN(TestScaleFactor)
#include "test_scale_factor.moc"
