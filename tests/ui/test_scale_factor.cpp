// The window under a 2× scale factor (#15): run with QT_SCALE_FACTOR=2 on an offscreen screen of 2732×1536
// physical pixels (tests/ui/CMakeLists.txt; offscreen_2732x1536.json), which is 1366×768 logical. The window takes
// 94 % of that, lies inside it, folds as at 1366 logical px, and its text is not squeezed: every timeline panel
// keeps a readable height, the model names stand apart, the totals table's rows hold their text.
#include "uitestfixture.h"

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

    // The vertical extents of the tick labels drawn on an axis (each label's font height centred on its tick),
    // top to bottom: the labels the axis painted in its last replot, empty ones (names left out) skipped.
    static QList<std::pair<double, double>> tickLabelSpans(QCPAxis *axis)
    {
        const QFontMetricsF metrics(axis->tickLabelFont());
        const QVector<double> ticks = axis->tickVector();
        const QVector<QString> labels = axis->tickVectorLabels();
        QList<std::pair<double, double>> spans;
        for (int i = 0; i < ticks.size() && i < labels.size(); ++i) {
            if (labels[i].isEmpty() || !axis->range().contains(ticks[i]))
                continue;
            const double centre = axis->coordToPixel(ticks[i]);
            const double half = metrics.boundingRect(labels[i]).height() / 2;
            spans.append({centre - half, centre + half});
        }
        std::sort(spans.begin(), spans.end());
        return spans;
    }

    static void showAt(MainWindow &window, const QSize &size)
    {
        window.openDefaultScenario();
        window.showTab(QStringLiteral("Timeline"));
        if (size.isValid())
            window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        if (size.isValid())
            QTRY_COMPARE_WITH_TIMEOUT(window.size(), size, 60000);
        QCoreApplication::processEvents(); // the queued fold and the replots after it
        window.timeline()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    }

    // Each timeline panel at least `minimum` logical px high.
    static void checkPanelHeights(MainWindow &window, int minimum)
    {
        for (int p = 0; p < TimelineView::PanelCount; ++p) {
            const int h = window.timeline()->panel(TimelineView::Panel(p))->height();
            QVERIFY2(h >= minimum, qPrintable(QStringLiteral("panel %1 is %2 px, less than %3").arg(p).arg(h).arg(minimum)));
        }
    }

    static void checkModelNamesApart(MainWindow &window)
    {
        const auto spans = tickLabelSpans(window.timeline()->panel(TimelineView::ModelPanel)->axis(QCPAxis::atLeft));
        QVERIFY2(spans.size() >= 2, "the model panel names fewer than two models");
        for (int i = 1; i < spans.size(); ++i)
            QVERIFY2(spans[i].first >= spans[i - 1].second,
                     qPrintable(QStringLiteral("model names %1 and %2 overlap: %3-%4 px and %5-%6 px")
                                    .arg(i - 1).arg(i).arg(spans[i - 1].first).arg(spans[i - 1].second)
                                    .arg(spans[i].first).arg(spans[i].second)));
    }

    // The policies' legend above the panels gets at least the height its rows of entries need.
    static void checkLegendNotClipped(MainWindow &window)
    {
        auto *legend = qobject_cast<QCPLegend *>(window.timeline()->plot()->plotLayout()->element(0, 0));
        QVERIFY(legend);
        const int needed = legend->minimumOuterSizeHint().height();
        QVERIFY2(legend->outerRect().height() >= needed,
                 qPrintable(QStringLiteral("legend %1 px high, its entries need %2 px").arg(legend->outerRect().height()).arg(needed)));
    }

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
        showAt(window, QSize());
        QVERIFY(window.screen()->availableGeometry().contains(window.geometry()));
        // 1284 logical px is below the 1400 px fold, whatever the 2568 physical px: the daily bars are a tab.
        QVERIFY(window.timelineTab()->isFolded());
        // 47 px lower than the 1366×768 below: the totals give the timeline its room (they scroll), so the panels
        // keep 40 px and the legend its two rows.
        checkPanelHeights(window, 40);
        checkLegendNotClipped(window);
        QVERIFY(window.timelineTab()->totals()->isVisible());
        // At least two policies' rows stay in view (the rest scroll).
        QVERIFY(window.timelineTab()->totals()->viewport()->height() >= 2 * window.timelineTab()->totals()->rowHeight(0));
    }

    void foldsAt1366Logical()
    {
        MainWindow window;
        showAt(window, QSize(1366, 768));
        QVERIFY(window.timelineTab()->isFolded());
        // Every widget shown lies inside the window (nothing pushed off its right or bottom edge).
        for (QWidget *w : window.findChildren<QWidget *>()) {
            if (!w->isVisible() || w->isWindow())
                continue;
            const QRect r(w->mapTo(&window, QPoint(0, 0)), w->size());
            QVERIFY2(window.rect().contains(r), qPrintable(QStringLiteral("%1 at %2,%3 %4x%5")
                                                               .arg(QString::fromLatin1(w->metaObject()->className()))
                                                               .arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())));
        }
        // Four panels, each with room for three lines of its axis text (13 px a line at 9 pt, 96 dpi).
        checkPanelHeights(window, 40);
        checkModelNamesApart(window);
        checkLegendNotClipped(window);
    }

    void totalsRowsHoldTheirText()
    {
        MainWindow window;
        showAt(window, QSize(1366, 768));
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
        MainWindow window;
        window.setTeachingMode(true);
        showAt(window, QSize(1366, 768));
        // 768 < 900 logical px: the totals give their room to the replayed timeline.
        QVERIFY(!window.timelineTab()->areTotalsShown());
        QVERIFY(!window.timelineTab()->totals()->isVisible());
        // The panels had 35-40 px with the totals below; alone they get 45 px or more each.
        checkPanelHeights(window, 45);
        checkModelNamesApart(window);
        checkLegendNotClipped(window);
    }
};

QTEST_MAIN(TestScaleFactor)
#include "test_scale_factor.moc"
