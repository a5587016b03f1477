// Teaching mode's full-screen presentation (#15) on a 1920×1080 screen (offscreen, offscreen_1920x1080.json): the
// window fills the screen with the teaching panel and the timeline alone, in large type, the timeline's panels tall,
// its legend and model names readable; leaving it brings the menus, the totals and "paper vs here" back.
#include "windowfitchecks.h"

#include "paperreadout.h"
#include "policytable.h"
#include "teachingpanel.h"
#include "timelinetab.h"
#include "timelineview.h"

#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QTabBar>
#include <QtTest>

using namespace cs;

class TestPresentation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::useTestEnvironment(); }

    void fillsTheScreenInLargeType()
    {
        QCOMPARE(QGuiApplication::primaryScreen()->geometry(), QRect(0, 0, 1920, 1080));
        MainWindow window;
        QVERIFY(test::showDefaultScenario(window, QSize(1366, 768)));
        // Six policies: the legend wraps into a second row with empty cells, which the large fonts must pass over.
        QCOMPARE(window.document()->runs().size(), std::size_t(6));

        window.setPresentationMode(true);
        QVERIFY(window.isPresenting());
        QVERIFY(window.teachingPanel()->isActive());
        QVERIFY(test::waitLaidOut(window, QSize(1920, 1080)));
        TimelineTab *tab = window.timelineTab();
        QVERIFY(!window.menuBar()->isVisible());
        QVERIFY(!window.statusBar()->isVisible());
        QVERIFY(!window.tabs()->tabBar()->isVisible());
        QVERIFY(!tab->scenarioLabel()->isVisible());
        QVERIFY(!tab->paperReadout()->isVisible());
        QVERIFY(!tab->totals()->isVisible());
        QVERIFY(tab->teaching()->isVisible());

        // Large type: the panel's text at least 16 pt (its readout 1.8 times that), the plots' at least 14 pt.
        auto *sentence = tab->teaching()->findChild<QLabel *>(QStringLiteral("teachingSentence"));
        QVERIFY(sentence);
        QVERIFY(sentence->font().pointSizeF() >= 16);
        double largest = 0;
        for (QLabel *label : tab->teaching()->findChildren<QLabel *>())
            largest = std::max(largest, label->font().pointSizeF());
        QVERIFY(largest >= 16 * 1.8 - 0.01);
        for (int p = 0; p < TimelineView::PanelCount; ++p)
            QVERIFY(window.timeline()->panel(TimelineView::Panel(p))->axis(QCPAxis::atLeft)->tickLabelFont().pointSizeF()
                    >= 14);
        // 1080 px less the panel above the plot leaves each of the four panels over 100 px; the legend whole; the
        // model names, in 14 pt, apart.
        test::checkPanelHeights(window, 100);
        test::checkLegendNotClipped(window);
        test::checkModelNamesApart(window);

        window.setPresentationMode(false);
        QVERIFY(!window.isPresenting());
        QVERIFY(window.menuBar()->isVisible());
        QVERIFY(window.statusBar()->isVisible());
        QVERIFY(tab->scenarioLabel()->isVisible());
        // Back to its own size: 1.3 times the ordinary text, at least 12 pt.
        QCOMPARE(sentence->font().pointSizeF(), std::max(12.0, QWidget().font().pointSizeF() * 1.3));
    }
};

QTEST_MAIN(TestPresentation)
#include "test_presentation.moc"
