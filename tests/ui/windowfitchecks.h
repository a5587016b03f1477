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
#include <QtTest>

namespace cs::test {

// The default scenario on the Timeline, the window at `size` (where valid; else the size it chose), shown and laid
// out: true once exposed at that size, with the queued fold and the replots after it done.
[[nodiscard]] inline bool showDefaultScenarioLaidOut(MainWindow &window, QSize size = {})
{
    if (!window.openDefaultScenario())
        return false;
    window.showTab(QStringLiteral("Timeline"));
    if (size.isValid())
        window.resize(size);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    if (size.isValid() && !QTest::qWaitFor([&] { return window.size() == size; }, 60000))
        return false;
    QCoreApplication::processEvents();
    window.timeline()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    return true;
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
