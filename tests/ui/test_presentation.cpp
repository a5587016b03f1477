// Teaching mode's full-screen presentation (#15) on a 1920×1080 screen (offscreen, offscreen_1920x1080.json): the
// window fills the screen with the teaching panel and the timeline alone, in large type, the timeline's panels tall,
// its legend and model names readable; leaving it brings the menus, the totals and "paper vs here" back.
#include "uitestfixture.h"

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
        QTRY_COMPARE_WITH_TIMEOUT(window.size(), QSize(1920, 1080), 60000);
        QCoreApplication::processEvents();
        window.timeline()->plot()->replot(QCustomPlot::rpImmediateRefresh);
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
        for (int p = 0; p < TimelineView::PanelCount; ++p) {
            QCPAxisRect *panel = window.timeline()->panel(TimelineView::Panel(p));
            QVERIFY(panel->axis(QCPAxis::atLeft)->tickLabelFont().pointSizeF() >= 14);
            // 1080 px less the panel above the plot leaves each of the four panels over 100 px.
            QVERIFY2(panel->height() >= 100, qPrintable(QStringLiteral("panel %1 is %2 px").arg(p).arg(panel->height())));
        }
        auto *legend = qobject_cast<QCPLegend *>(window.timeline()->plot()->plotLayout()->element(0, 0));
        QVERIFY(legend);
        QVERIFY2(legend->outerRect().height() >= legend->minimumOuterSizeHint().height(),
                 qPrintable(QStringLiteral("legend %1 px, needs %2").arg(legend->outerRect().height())
                                .arg(legend->minimumOuterSizeHint().height())));
        // The model names, in 14 pt, stand apart.
        QCPAxis *models = window.timeline()->panel(TimelineView::ModelPanel)->axis(QCPAxis::atLeft);
        const QFontMetricsF metrics(models->tickLabelFont());
        QList<std::pair<double, double>> spans;
        for (int i = 0; i < models->tickVector().size() && i < models->tickVectorLabels().size(); ++i) {
            const QString label = models->tickVectorLabels()[i];
            if (label.isEmpty() || !models->range().contains(models->tickVector()[i]))
                continue;
            const double centre = models->coordToPixel(models->tickVector()[i]);
            const double half = metrics.boundingRect(label).height() / 2;
            spans.append({centre - half, centre + half});
        }
        std::sort(spans.begin(), spans.end());
        QVERIFY(spans.size() >= 2);
        for (int i = 1; i < spans.size(); ++i)
            QVERIFY(spans[i].first >= spans[i - 1].second);

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
