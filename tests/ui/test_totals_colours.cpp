// The totals table draws each policy in its own colour, the one every plot draws it in (issue 15): not the row's,
// so a policy keeps it when rows are added, removed or sorted and when the pool changes. And the Sweep tab says what
// to choose and to press Run sweep until a sweep has a result, then shows the heat map with its axes named.
#include "uitestfixture.h"

#include "model_pool.h"
#include "policystyle.h"
#include "policytable.h"
#include "policytotalsmodel.h"
#include "poolmodel.h"
#include "sweepheatmap.h"
#include "sweeptab.h"
#include "timelinetab.h"
#include "timelineview.h"

#include <QLabel>
#include <QtTest>

#include <memory>

using namespace cs;

class TestTotalsColours : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> mWindow;

    // Every row's colour against its policy's cumulative CO2 line on the timeline; the number of rows checked.
    int checkRowsMatchThePlot()
    {
        PolicyTotalsModel *model = mWindow->timelineTab()->totals()->totalsModel();
        const auto &runs = mWindow->document()->runs();
        int checked = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const std::string &spec = runs[static_cast<std::size_t>(row)].spec;
            const QCPGraph *graph = mWindow->timeline()->cumulativeGraph(spec);
            if (!graph)
                continue; // a policy that cannot run on this pool draws nothing
            const auto colour = model->data(model->index(row, PolicyTotalsModel::Policy), Qt::DecorationRole);
            if (colour.value<QColor>().rgb() != graph->pen().color().rgb()) {
                qWarning("row %d (%s): table %s, plot %s", row, spec.c_str(),
                         qPrintable(colour.value<QColor>().name()), qPrintable(graph->pen().color().name()));
                return -1;
            }
            ++checked;
        }
        return checked;
    }

private Q_SLOTS:
    void initTestCase() { test::useTestEnvironment(); }
    void cleanup() { mWindow.reset(); }

    void totalsColourIsThePlotColour()
    {
        mWindow = std::make_unique<MainWindow>();
        test::loadTinyScenario(mWindow->document());
        mWindow->showTab(QStringLiteral("Timeline"));
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
        ScenarioDocument *doc = mWindow->document();
        const int before = static_cast<int>(doc->runs().size());
        QCOMPARE(checkRowsMatchThePlot(), before);

        doc->addPolicy("threshold:ResNet152@150,ResNet50");
        QCOMPARE(checkRowsMatchThePlot(), before + 1);

        // The first row goes: every row below moves up one and keeps its own colour, not the row's. Row 0 is now
        // the printed heuristic, vermillion (its slot 1), where colouring by row would paint it slot 0's blue.
        doc->removePolicy("heuristic");
        QCOMPARE(checkRowsMatchThePlot(), before);
        PolicyTotalsModel *model = mWindow->timelineTab()->totals()->totalsModel();
        QCOMPARE(doc->runs().front().spec, std::string("heuristic:printed"));
        const QColor first = model->data(model->index(0, PolicyTotalsModel::Policy), Qt::DecorationRole).value<QColor>();
        QCOMPARE(first, paletteColour(1));
        QVERIFY(first != paletteColour(0)); // what colouring by row number gave row 0

        // A pool change: the ResNet preset drops AlexNet and the VGGs; the rows that stay keep their colours.
        const QColor threshold = doc->policyStyle("threshold:ResNet152@150,ResNet50").colour;
        doc->poolModel()->resetPool(resnetPool(), QStringLiteral("ResNet preset"));
        QVERIFY(checkRowsMatchThePlot() > 0);
        const int row = doc->policies().indexOf("threshold:ResNet152@150,ResNet50");
        QVERIFY(row >= 0);
        QCOMPARE(model->data(model->index(row, PolicyTotalsModel::Policy), Qt::DecorationRole).value<QColor>(),
                 threshold);
    }

    void sweepShowsWhatToDoUntilItHasAResult()
    {
        SweepTab tab;
        tab.resize(1100, 600);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        // Before a run: the empty state in the heat map's place, naming what to choose and Run sweep.
        QVERIFY(tab.showsEmptyState());
        QVERIFY(tab.emptyState()->isVisible());
        QCOMPARE(tab.emptyState()->geometry(), tab.heatMap()->rect()); // it covers the empty map
        const QString text = tab.emptyState()->text();
        QVERIFY2(text.contains(QStringLiteral("Folder…")) && text.contains(QStringLiteral("Run sweep")),
                 qPrintable(text));

        // One zone over June and July 2023, hourly: 100 gCO2/kWh by night (00-12 UTC), 300 by day.
        TimeSeries carbon;
        carbon.name = "Zone A";
        carbon.source = "test";
        carbon.unit = "gCO2/kWh";
        carbon.intervalSeconds = 3600;
        for (int h = 0; h < 61 * 24; ++h) {
            carbon.times.push_back(1685577600 + h * 3600); // from 2023-06-01T00:00Z
            carbon.values.push_back(h % 24 < 12 ? 100.0 : 300.0);
        }
        tab.setCarbon({carbon});
        QVERIFY(tab.showsEmptyState());
        QVERIFY2(tab.emptyState()->text().contains(QStringLiteral("1 series chosen")), qPrintable(tab.emptyState()->text()));
        tab.setPool(resnetPool(), QStringLiteral("ResNet50"));
        tab.setPolicies({QStringLiteral("heuristic"), QStringLiteral("model:ResNet101")});
        tab.setPeriod(SweepPeriod::Month);
        tab.setRequestProfile(false);
        QSignalSpy done(&tab, &SweepTab::finished);
        tab.run();
        QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 60000);
        QVERIFY2(tab.result(), qPrintable(tab.statusText()));

        // After: the heat map, one zone down and two months across, with both axes named.
        QVERIFY(!tab.showsEmptyState());
        QVERIFY(!tab.emptyState()->isVisible());
        QVERIFY(tab.heatMap()->isVisible());
        QCOMPARE(tab.heatMap()->colorMap()->data()->keySize(), 2);
        QCOMPARE(tab.heatMap()->xAxis->label(), QStringLiteral("Month (UTC)"));
        QVERIFY2(tab.heatMap()->yAxis->label().startsWith(QStringLiteral("Series")),
                 qPrintable(tab.heatMap()->yAxis->label()));
        // One zone, both months the same regret (every day alike): each cell is drawn in the scale's colour of its
        // value (one series once drew nothing; equal values once drew the blank cells' grey).
        SweepHeatMap *map = tab.heatMap();
        QCOMPARE(map->shownValue(0, 0), map->shownValue(0, 1));
        const QImage picture = map->grab().toImage();
        const QColor expected = QColor::fromRgb(map->colorMap()->gradient().color(map->shownValue(0, 0),
                                                                                   map->colorMap()->dataRange()));
        QVERIFY(expected != QColor(200, 200, 200) && expected != QColor(Qt::white));
        for (double month : {0.0, 1.0}) {
            // Beside the cell's centre, off the grid line drawn at its tick.
            const QPoint cell(int(map->xAxis->coordToPixel(month + 0.25)), int(map->yAxis->coordToPixel(0.25)));
            QCOMPARE(QColor(picture.pixel(cell)), expected);
        }
        const QString shots = qEnvironmentVariable("CARBONSCOPE_TEST_SHOTS"); // a folder, to look at the tab
        if (!shots.isEmpty())
            tab.grab().save(shots + QStringLiteral("/sweep-after-run.png"));
    }
};

QTEST_MAIN(TestTotalsColours)
#include "test_totals_colours.moc"
