// The timeline driven with the mouse: the crosshair reads the values under the cursor, Shift+drag restricts the
// totals to a period (checked against the hand-worked CO2 of that period), a legend click hides a policy.
#include "uitestfixture.h"

#include "policytotalsmodel.h"
#include "timelineview.h"

#include <QtTest>

#include <memory>

using namespace cs;

class TestTimeline : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> mWindow;
    static constexpr double T0 = 1685577600; // 2023-06-01T00:00:00Z, the tiny scenario's first interval

    QPoint pixelAt(double t, TimelineView::Panel panel)
    {
        QCPAxisRect *rect = mWindow->timeline()->panel(panel);
        return QPoint(static_cast<int>(rect->axis(QCPAxis::atBottom)->coordToPixel(t)), rect->rect().center().y());
    }
    const PolicyRun *run(const std::string &spec)
    {
        for (const PolicyRun &r : mWindow->document()->runs())
            if (r.spec == spec)
                return &r;
        return nullptr;
    }

private Q_SLOTS:
    void init()
    {
        mWindow = std::make_unique<MainWindow>();
        test::loadTinyScenario(mWindow->document());
        mWindow->showTab(QStringLiteral("Timeline"));
        mWindow->resize(1400, 900);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
        mWindow->timeline()->plot()->replot();
    }
    void cleanup() { mWindow.reset(); }

    void crosshairReadsTheIntervalUnderTheCursor()
    {
        QCustomPlot *plot = mWindow->timeline()->plot();
        // 01:30 lies in the second interval: intensity 200 gCO2/kWh, 2000 requests.
        QTest::mouseMove(plot, pixelAt(T0 + 5400, TimelineView::IntensityPanel));
        const QString text = mWindow->timeline()->readoutAt(T0 + 5400);
        QVERIFY2(text.contains(QStringLiteral("200.0 gCO₂/kWh")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("2023-06-01 01:00")));
        QVERIFY(text.contains(QStringLiteral("<b>2000</b>")));
    }

    void shiftDragRestrictsTotalsToThePeriod()
    {
        QCustomPlot *plot = mWindow->timeline()->plot();
        // Drag from 01:10 to 02:50: snapped to whole intervals, [01:00, 03:00).
        const QPoint from = pixelAt(T0 + 4200, TimelineView::IntensityPanel);
        const QPoint to = pixelAt(T0 + 10200, TimelineView::IntensityPanel);
        QTest::mousePress(plot, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(plot, from + QPoint(10, 0));
        QTest::mouseMove(plot, to);
        QTest::mouseRelease(plot, Qt::LeftButton, Qt::ShiftModifier, to);
        const auto &range = mWindow->document()->totalsRange();
        QVERIFY(range.has_value());
        QCOMPARE(range->first, UtcSeconds(T0 + 3600));
        QCOMPARE(range->second, UtcSeconds(T0 + 10800));
        // ResNet50 over the last two intervals: 420.62 mJ x (2000 x 200 + 3000 x 300) / 3.6e9 = 420.62 x 1.3e6/3.6e9 g.
        const PolicyRun *r = run("model:ResNet50");
        QVERIFY(r);
        QVERIFY(qAbs(r->rangeTotals.co2G - 420.62 * 1.3e6 / 3.6e9) < 1e-12);
        QCOMPARE(r->rangeTotals.requests, 5000.0);
        // The whole-scenario result is unchanged.
        QVERIFY(qAbs(r->result.totals.co2G - test::tinyCo2(420.62)) < 1e-12);
        QTest::keyClick(mWindow.get(), Qt::Key_Escape);
        QVERIFY(!mWindow->document()->totalsRange().has_value());
    }

    void legendClickHidesAndShowsAPolicy()
    {
        QCustomPlot *plot = mWindow->timeline()->plot();
        QCPGraph *graph = mWindow->timeline()->cumulativeGraph("model:VGG16");
        QVERIFY(graph && graph->visible());
        QCPLegend *legend = nullptr;
        for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
            if (auto *l = qobject_cast<QCPLegend *>(plot->plotLayout()->elementAt(i)))
                legend = l;
        QVERIFY(legend);
        QCPAbstractLegendItem *item = legend->itemWithPlottable(graph);
        QVERIFY(item);
        const QPoint centre = item->outerRect().center();
        QTest::mouseClick(plot, Qt::LeftButton, {}, centre);
        QVERIFY(!graph->visible());
        QVERIFY(!mWindow->timeline()->isPolicyVisible("model:VGG16"));
        QTest::mouseClick(plot, Qt::LeftButton, {}, centre);
        QVERIFY(graph->visible());
    }
};

QTEST_MAIN(TestTimeline)
#include "test_timeline.moc"
