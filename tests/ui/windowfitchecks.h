#pragma once

// The window on a given screen, shown and checked the same way by test_window_fit (1366x768, 1920x1080, 1500x950)
// and test_scale_factor (under QT_SCALE_FACTOR=2): the default scenario laid out at a size, every widget inside
// the window, each timeline panel high enough to read, the legend not clipped. The checks fail the running test
// (QVERIFY2 with what is wrong) and return.
#include "uitestfixture.h"

#include "policytable.h"
#include "timelinetab.h"
#include "timelineview.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <QtTest>

namespace cs::test {

// Waits for the window to reach `size` (where valid), then lets the queued fold and layout run and replots the
// timeline: false where the size is not reached within a minute.
[[nodiscard]] inline bool waitLaidOut(MainWindow &window, QSize size)
{
    if (size.isValid() && !QTest::qWaitFor([&] { return window.size() == size; }, 60000))
        return false;
    QCoreApplication::processEvents();
    window.timeline()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    return true;
}

// The default scenario on the Timeline, the window at `size` (where valid; else the size it chose), shown and laid
// out: true once exposed at that size, with the queued fold and the replots after it done.
[[nodiscard]] inline bool showDefaultScenarioLaidOut(MainWindow &window, QSize size = {})
{
    return showDefaultScenario(window, size) && waitLaidOut(window, size);
}

// Every visible widget of the window, its rectangle in window coordinates, lies inside the window's rectangle.
inline void checkEveryWidgetInside(QWidget &window)
{
    QStringList outside;
    for (QWidget *w : window.findChildren<QWidget *>()) {
        if (!w->isVisible() || w->isWindow())
            continue;
        const QRect r(w->mapTo(&window, QPoint(0, 0)), w->size());
        if (!window.rect().contains(r))
            outside << QStringLiteral("%1 (%2) at %3,%4 %5x%6")
                           .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName())
                           .arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    }
    QVERIFY2(outside.isEmpty(), qPrintable(outside.join(QStringLiteral("; "))));
}

// Each timeline panel at least `minimum` logical px high.
inline void checkPanelHeights(MainWindow &window, int minimum)
{
    for (int p = 0; p < TimelineView::PanelCount; ++p) {
        const int h = window.timeline()->panel(TimelineView::Panel(p))->height();
        QVERIFY2(h >= minimum, qPrintable(QStringLiteral("panel %1 is %2 px, less than %3").arg(p).arg(h).arg(minimum)));
    }
}

// The policies' legend above the panels gets at least the height its rows of entries need.
inline void checkLegendNotClipped(MainWindow &window)
{
    auto *legend = qobject_cast<QCPLegend *>(window.timeline()->plot()->plotLayout()->element(0, 0));
    QVERIFY(legend);
    const int needed = legend->minimumOuterSizeHint().height();
    QVERIFY2(legend->outerRect().height() >= needed,
             qPrintable(QStringLiteral("legend %1 px high, its entries need %2 px").arg(legend->outerRect().height()).arg(needed)));
}

// The vertical extents of the tick labels drawn on an axis (each label's font height centred on its tick), top
// to bottom: the labels the axis painted in its last replot, empty ones (names left out) skipped.
inline QList<std::pair<double, double>> tickLabelSpans(QCPAxis *axis)
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

// At least two model names on the "Model chosen" axis, none overlapping the next.
inline void checkModelNamesApart(MainWindow &window)
{
    const auto spans = tickLabelSpans(window.timeline()->panel(TimelineView::ModelPanel)->axis(QCPAxis::atLeft));
    QVERIFY2(spans.size() >= 2, "the model panel names fewer than two models");
    for (int i = 1; i < spans.size(); ++i)
        QVERIFY2(spans[i].first >= spans[i - 1].second,
                 qPrintable(QStringLiteral("model names %1 and %2 overlap: %3-%4 px and %5-%6 px")
                                .arg(i - 1).arg(i).arg(spans[i - 1].first).arg(spans[i - 1].second)
                                .arg(spans[i].first).arg(spans[i].second)));
}

// Teaching mode with the default scenario at 1366x768, below the 900 px at which teaching keeps the totals: they
// give their room to the replay, so each panel gets 45 px or more (35-40 with the totals below) and the legend
// the height its rows need.
inline void checkTeachingAt1366x768GivesTheTimelineTheRoom(MainWindow &window)
{
    window.setTeachingMode(true);
    QVERIFY(showDefaultScenarioLaidOut(window, QSize(1366, 768)));
    QVERIFY(!window.timelineTab()->areTotalsShown());
    QVERIFY(!window.timelineTab()->totals()->isVisible());
    checkPanelHeights(window, 45);
    checkLegendNotClipped(window);
}

} // namespace cs::test
