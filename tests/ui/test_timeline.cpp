// The timeline driven with the mouse: the crosshair reads the values under the cursor, Shift+drag restricts the
// totals to a period (checked against the hand-worked CO2 of that period), a legend click hides a policy; the daily
// CO2 bars follow the timeline's zoom (whole days) and count only the selected period.
#include "uitestfixture.h"

#include "dailyco2plot.h"
#include "policytotalsmodel.h"
#include "timelineview.h"

#include <QLabel>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace cs;

class TestTimeline : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> mWindow;
    static constexpr double T0 = 1685577600; // 2023-06-01T00:00:00Z, the tiny scenario's first interval

    static constexpr double Day = 86400;

    QCPBars *dailyBars(const std::string &spec)
    {
        const PolicyRun *r = run(spec);
        QCustomPlot *plot = mWindow->dailyPlot()->plot();
        for (int i = 0; r && i < plot->plottableCount(); ++i)
            if (auto *bars = qobject_cast<QCPBars *>(plot->plottable(i)))
                if (bars->name() == QString::fromStdString(r->label))
                    return bars;
        return nullptr;
    }

    QPoint pixelAt(double t, TimelineView::Panel panel)
    {
        QCPAxisRect *rect = mWindow->timeline()->panel(panel);
        return QPoint(static_cast<int>(rect->axis(QCPAxis::atBottom)->coordToPixel(t)), rect->rect().center().y());
    }
    const PolicyRun *run(const std::string &spec) { return test::runOf(*mWindow->document(), spec); }

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

    void crosshairReadoutUnderTheLabelFollowsTheMouse()
    {
        QCustomPlot *plot = mWindow->timeline()->plot();
        auto *readout = mWindow->timeline()->findChild<QLabel *>(QStringLiteral("crosshairReadout"));
        QVERIFY(readout);
        // 02:45 lies in the third interval: 300 gCO2/kWh and 3000 requests, and ResNet50 has emitted all of the
        // scenario by its end: 0.42062 J x (1000 x 100 + 2000 x 200 + 3000 x 300) / 3.6e6 = 0.16357 g.
        QTest::mouseMove(plot, pixelAt(T0 + 9900, TimelineView::IntensityPanel));
        QString text = readout->text();
        QVERIFY2(text.contains(QStringLiteral("<b>2023-06-01 02:00 UTC</b>")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("intensity <b>300.0 gCO₂/kWh</b>")));
        QVERIFY(text.contains(QStringLiteral("requests <b>3000</b>")));
        QVERIFY(text.contains(QStringLiteral(": ResNet50, 0.1636 g")));
        // Back to 00:20: the first interval, 100 gCO2/kWh, 1000 requests, 0.42062 x 100,000 / 3.6e6 = 0.011684 g.
        QTest::mouseMove(plot, pixelAt(T0 + 1200, TimelineView::IntensityPanel));
        text = readout->text();
        QVERIFY2(text.contains(QStringLiteral("<b>2023-06-01 00:00 UTC</b>")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("intensity <b>100.0 gCO₂/kWh</b>")));
        QVERIFY(text.contains(QStringLiteral("requests <b>1000</b>")));
        QVERIFY(text.contains(QStringLiteral(": ResNet50, 0.01168 g")));
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

    void dailyBarsFollowTheTimelineZoom_data()
    {
        QTest::addColumn<double>("lower");
        QTest::addColumn<double>("upper");
        QTest::addColumn<double>("dayFrom");
        QTest::addColumn<double>("dayTo");
        // 31 May 23:30 to 2 Jun 01:00: 31 May and 2 Jun are partly visible, so 31 May 00:00 to 3 Jun 00:00.
        QTest::newRow("partial days at both ends") << T0 - 1800 << T0 + Day + 3600 << T0 - Day << T0 + 2 * Day;
        // 01:00 to 02:30 of 1 Jun: that one day.
        QTest::newRow("inside one day") << T0 + 3600 << T0 + 9000 << T0 << T0 + Day;
        // 1 Jun 12:00 to 2 Jun 00:00 exactly: 2 Jun is only touched at its start, so 1 Jun alone.
        QTest::newRow("ends at midnight") << T0 + Day / 2 << T0 + Day << T0 << T0 + Day;
        // 29 May 06:00 to 30 May 18:00, before the data: 29 and 30 May.
        QTest::newRow("before the data") << T0 - 3 * Day + 21600 << T0 - Day - 21600 << T0 - 3 * Day << T0 - Day;
    }
    void dailyBarsFollowTheTimelineZoom()
    {
        QFETCH(double, lower);
        QFETCH(double, upper);
        QFETCH(double, dayFrom);
        QFETCH(double, dayTo);
        mWindow->timeline()->setTimeRange(lower, upper);
        // Every stacked panel shares the range...
        QCOMPARE(mWindow->timeline()->panel(TimelineView::CumulativePanel)->axis(QCPAxis::atBottom)->range().lower,
                 lower);
        // ...and the bars show exactly the days in view.
        const QCPRange bars = mWindow->dailyPlot()->plot()->xAxis->range();
        QCOMPARE(bars.lower, dayFrom);
        QCOMPARE(bars.upper, dayTo);
    }

    void dailyBarsFollowAWheelZoom()
    {
        // Zoom out with the wheel at the middle of the intensity panel: the range is QCustomPlot's to pick, but
        // the bars must then start at the UTC midnight at or before it and end at the one at or after it.
        QCustomPlot *plot = mWindow->timeline()->plot();
        const QPoint at = pixelAt(T0 + 5400, TimelineView::IntensityPanel);
        for (int i = 0; i < 30; ++i) {
            QWheelEvent wheel(at, plot->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(plot, &wheel);
        }
        const QCPRange timeline = mWindow->timeline()->timeRange();
        QVERIFY2(timeline.size() > Day, "30 wheel steps out (x 1/0.85 each) should show days of the 3-hour scenario");
        const QCPRange bars = mWindow->dailyPlot()->plot()->xAxis->range();
        QVERIFY(bars.lower <= timeline.lower && bars.lower > timeline.lower - Day);
        QVERIFY(bars.upper >= timeline.upper && bars.upper < timeline.upper + Day);
        QCOMPARE(std::fmod(bars.lower, Day), 0.0);
        QCOMPARE(std::fmod(bars.upper, Day), 0.0);
    }

    void dailyBarsCountOnlyTheSelectedPeriod()
    {
        QCPBars *bars = dailyBars("model:ResNet50"); // the baseline, always among the bars
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 1);
        // Whole scenario: 420.62 mJ x 1.4e6 / 3.6e9 g on 1 Jun (centred at noon); the tiny scenario's days are in g.
        QVERIFY(mWindow->dailyPlot()->plot()->yAxis->label().contains(QStringLiteral("(g)")));
        QCOMPARE(bars->data()->begin()->key, T0 + Day / 2);
        QVERIFY(qAbs(bars->data()->begin()->value - 420.62 * 1.4e6 / 3.6e9) < 1e-12);
        // The period [01:00, 03:00), as the totals count it: 420.62 x (2000 x 200 + 3000 x 300) / 3.6e9 g.
        mWindow->document()->setTotalsRange(UtcSeconds(T0 + 3600), UtcSeconds(T0 + 10800));
        bars = dailyBars("model:ResNet50");
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 1);
        QVERIFY(qAbs(bars->data()->begin()->value - 420.62 * 1.3e6 / 3.6e9) < 1e-12);
        // A period before the data leaves no bars; Esc brings the whole day back.
        mWindow->document()->setTotalsRange(UtcSeconds(T0 - Day), UtcSeconds(T0 - 3600));
        QVERIFY(!dailyBars("model:ResNet50"));
        QTest::keyClick(mWindow.get(), Qt::Key_Escape);
        bars = dailyBars("model:ResNet50");
        QVERIFY(bars);
        QVERIFY(qAbs(bars->data()->begin()->value - 420.62 * 1.4e6 / 3.6e9) < 1e-12);
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
