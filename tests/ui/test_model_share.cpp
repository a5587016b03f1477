// The Timeline's "Model chosen" panel zoomed out (issue 15): one adaptive policy's share of the requests each model
// served, per day, ISO week or month, as stacked bars; zoomed in, the step lines again. Every share is worked out by
// hand from a scenario built here.
#include "mainwindow.h"
#include "model_pool.h"
#include "modelshare.h"
#include "modelshareview.h"
#include "policytable.h"
#include "poolmodel.h"
#include "scenariodocument.h"
#include "timebuckets.h"
#include "timelinetab.h"
#include "timelineview.h"
#include "uitestfixture.h"

#include <QtTest>

#include <cmath>

using namespace cs;

namespace {

constexpr UtcSeconds Day = 86400;
constexpr UtcSeconds Monday = 1685923200; // 2023-06-05T00:00:00Z, a Monday
constexpr const char *Threshold = "threshold:ResNet152@100,ResNet50"; // ResNet152 below 100 gCO2/kWh

// 12 days of 48 half-hours from Monday 5 June 2023, 1000 requests each; the intensity is 50 gCO2/kWh on the 12
// half-hours 10..21 of day 1 (05:00-11:00) and 300 elsewhere, so the threshold policy picks ResNet152 there only.
void loadTwelveDays(ScenarioDocument *doc)
{
    TimeSeries carbon, requests;
    carbon.name = "carbon";
    carbon.unit = "gCO2/kWh";
    requests.name = "requests";
    requests.unit = "requests";
    carbon.intervalSeconds = requests.intervalSeconds = 1800;
    for (int i = 0; i < 12 * 48; ++i) {
        const UtcSeconds t = Monday + i * 1800;
        carbon.times.push_back(t);
        requests.times.push_back(t);
        carbon.values.push_back(i >= 10 && i < 22 ? 50.0 : 300.0);
        requests.values.push_back(1000.0);
    }
    doc->setTraces(carbon, requests, QStringLiteral("twelve days"));
}

// The twelve days on the ResNet pool, the threshold policy compared beside the paper's.
void twelveDaysWithTheThreshold(ScenarioDocument *doc)
{
    doc->poolModel()->resetPool(resnetPool(), QStringLiteral("ResNet preset"));
    loadTwelveDays(doc);
    doc->addPolicy(Threshold);
}

// The view shown at 1200 x 800; false where it was not exposed.
bool showAt1200x800(TimelineView &view)
{
    view.resize(1200, 800);
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

// The value the bars named `model` draw at the bucket starting at `start`, NaN where there is no bar.
double barAt(const TimelineView &view, const QString &model, UtcSeconds start, UtcSeconds end)
{
    const double mid = (static_cast<double>(start) + static_cast<double>(end)) / 2;
    for (QCPBars *bars : view.modelShares().bars())
        if (bars->name() == model)
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
                if (it->key == mid)
                    return it->value;
    return NAN;
}

Scenario hourly(UtcSeconds from, int hours)
{
    Scenario s;
    s.intervalSeconds = 3600;
    for (int h = 0; h < hours; ++h) {
        s.times.push_back(from + h * 3600);
        s.intensity.push_back(100);
        s.requests.push_back(1);
    }
    return s;
}

} // namespace

class TestModelShare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Settings in a test location for every test: a main window restores its layout from them.
    void initTestCase() { test::useTestEnvironment(); }

    void sharesAreOfRequestsServed()
    {
        // Two days of 48 half-hours. Day 1: model 1 on 12 half-hours of 3 requests, model 0 on 36 of 1: model 1
        // served 36 of 72 requests (50 %) though it ran on a quarter of the intervals. Day 2: model 0 throughout,
        // but one half-hour has no model and one no requests: they count for nothing, model 0 has 100 %.
        Scenario s;
        s.intervalSeconds = 1800;
        std::vector<int> choices;
        for (int i = 0; i < 96; ++i) {
            s.times.push_back(Monday + i * 1800);
            s.intensity.push_back(100);
            s.requests.push_back(i < 12 ? 3.0 : i == 60 ? 0.0 : 1.0);
            choices.push_back(i < 12 ? 1 : i == 70 ? -1 : 0);
        }
        // Pool index 0 is ranked 1 (more energy), index 1 ranked 0.
        const ModelShares shares = modelShares(s, choices, {1, 0}, TimeBucket::Day);
        QCOMPARE(shares.starts, (std::vector<UtcSeconds>{Monday, Monday + Day}));
        QCOMPARE(shares.percent[0], (std::vector<double>{50.0, 0.0}));
        QCOMPARE(shares.percent[1], (std::vector<double>{50.0, 100.0}));
    }

    void weeksStartOnMonday()
    {
        // Sunday 4 June 00:00 for 9 days of hours: ISO weeks of 29 May (the Sunday: 24 h), 5 June (168 h) and
        // 12 June (the Monday: 24 h). Model 1 runs the Sunday and the first 48 h of 5 June: 48/168 = 28.571 %.
        const Scenario s = hourly(Monday - Day, 9 * 24);
        std::vector<int> choices(s.size(), 0);
        for (std::size_t h = 0; h < 24 + 48; ++h)
            choices[h] = 1;
        const ModelShares shares = modelShares(s, choices, {0, 1}, TimeBucket::Week);
        QCOMPARE(shares.starts, (std::vector<UtcSeconds>{Monday - 7 * Day, Monday, Monday + 7 * Day}));
        QCOMPARE(shares.percent[1][0], 100.0);
        QVERIFY(std::abs(shares.percent[1][1] - 100.0 * 48 / 168) < 1e-9);
        QVERIFY(std::abs(shares.percent[0][1] - 100.0 * 120 / 168) < 1e-9);
        QCOMPARE(shares.percent[0][2], 100.0);
        // Months: the 9 days lie in June but for nothing; one bucket from 1 June.
        const ModelShares months = modelShares(s, choices, {0, 1}, TimeBucket::Month);
        QCOMPARE(months.starts, (std::vector<UtcSeconds>{1685577600}));
    }

    void whenSharesAreShown()
    {
        // More than 10 days: shares, whatever the width.
        QVERIFY(showsModelShares(11.0 * Day, 3600, 5000));
        // 10 days of hours (240) on 800 px: 3.3 px each, step lines; on 700 px, 2.9 px: shares.
        QVERIFY(!showsModelShares(10.0 * Day, 3600, 800));
        QVERIFY(showsModelShares(10.0 * Day, 3600, 700));
        // Under 3 days stays step lines however dense (one or two bars say nothing).
        QVERIFY(!showsModelShares(2.9 * Day, 60, 100));
        // Buckets: days to 92 days in view, weeks to 731, months beyond.
        QCOMPARE(shareBucketForSpan(92.0 * Day), TimeBucket::Day);
        QCOMPARE(shareBucketForSpan(93.0 * Day), TimeBucket::Week);
        QCOMPARE(shareBucketForSpan(732.0 * Day), TimeBucket::Month);
    }

    void zoomedOutBarsZoomedInStepLines()
    {
        ScenarioDocument doc;
        twelveDaysWithTheThreshold(&doc);
        TimelineView view(&doc);
        QVERIFY(showAt1200x800(view));
        view.setSharePolicy(Threshold);
        view.plot()->replot();
        QCOMPARE(view.sharePolicy(), std::string(Threshold));

        // The whole 12 days: bars per day. Day 1: ResNet152 on 12 of 48 equal half-hours, 25 %; ResNet50 75 %.
        const ModelShareView &shares = view.modelShares();
        QVERIFY(shares.isShown());
        QCOMPARE(shares.bucket(), TimeBucket::Day);
        QCOMPARE(shares.bars().size(), std::size_t(4));
        QCOMPARE(barAt(view, QStringLiteral("ResNet152"), Monday, Monday + Day), 25.0);
        QCOMPARE(barAt(view, QStringLiteral("ResNet50"), Monday, Monday + Day), 75.0);
        QCOMPARE(barAt(view, QStringLiteral("ResNet101"), Monday, Monday + Day), 0.0);
        QCOMPARE(barAt(view, QStringLiteral("ResNet152"), Monday + 11 * Day, Monday + 12 * Day), 0.0);
        QCOMPARE(barAt(view, QStringLiteral("ResNet50"), Monday + 11 * Day, Monday + 12 * Day), 100.0);
        for (QCPBars *bars : shares.bars()) {
            QVERIFY(bars->visible());
            QCOMPARE(bars->data()->size(), 12);
        }
        // Stacked: ResNet34 at the bottom, ResNet152 on top.
        QCOMPARE(shares.bars().front()->name(), QStringLiteral("ResNet34"));
        QCOMPARE(shares.bars().back()->barBelow(), shares.bars()[2]);
        // The panel says whose shares and of what; the step lines are hidden; the legend names the four models.
        const QString label = QString::fromStdString(doc.runs()[static_cast<std::size_t>(doc.policies().indexOf(Threshold))].label);
        QVERIFY2(shares.title().startsWith(label) && shares.title().endsWith(QStringLiteral("per day")),
                 qPrintable(shares.title()));
        QVERIFY(!view.modelGraph(Threshold)->visible());
        QCOMPARE(shares.legend()->itemCount(), 4);
        QVERIFY(shares.legend()->visible());
        // The crosshair reads the day's shares the bars draw.
        const QString readout = view.readoutAt(static_cast<double>(Monday + 3600));
        QVERIFY2(readout.contains(label.toHtmlEscaped() + QStringLiteral(", day from 2023-06-05: ResNet50 75.0 %, ResNet152 25.0 %")),
                 qPrintable(readout));
        QCPAxis *shareAxis = view.panel(TimelineView::ModelPanel)->axis(QCPAxis::atLeft);
        QCOMPARE(shareAxis->range().lower, 0.0);
        QVERIFY(shareAxis->range().upper > 100.0); // room above 100 % for the title and legend

        // One day in view: step lines again, on the same time axis as the other panels.
        view.setTimeRange(static_cast<double>(Monday), static_cast<double>(Monday + Day));
        view.plot()->replot();
        QVERIFY(!shares.isShown());
        for (QCPBars *bars : shares.bars())
            QVERIFY(!bars->visible());
        QVERIFY(!shares.legend()->visible());
        QVERIFY(view.modelGraph(Threshold)->visible());
        QCOMPARE(view.panel(TimelineView::ModelPanel)->axis(QCPAxis::atBottom)->range(),
                 QCPRange(static_cast<double>(Monday), static_cast<double>(Monday + Day)));
        QCOMPARE(shareAxis->range(), QCPRange(-0.6, 3.6));
        QVERIFY(view.modelTickLabels().contains(QStringLiteral("ResNet34")));
        QVERIFY(!view.readoutAt(static_cast<double>(Monday + 3600)).contains(QStringLiteral("day from")));

        // 100 days in view: ISO weeks. Week of 5 June: 12 of 336 half-hours, 3.571 %; the next (5 days) 0 %.
        view.setTimeRange(static_cast<double>(Monday), static_cast<double>(Monday + 100 * Day));
        view.plot()->replot();
        QVERIFY(shares.isShown());
        QCOMPARE(shares.bucket(), TimeBucket::Week);
        QVERIFY(std::abs(barAt(view, QStringLiteral("ResNet152"), Monday, Monday + 7 * Day) - 1200.0 / 336) < 1e-9);
        QCOMPARE(barAt(view, QStringLiteral("ResNet152"), Monday + 7 * Day, Monday + 14 * Day), 0.0);
        QVERIFY(shares.title().endsWith(QStringLiteral("per ISO week")));
    }

    void sharesFollowTheChosenOrFirstShownPolicy()
    {
        ScenarioDocument doc;
        twelveDaysWithTheThreshold(&doc);
        TimelineView view(&doc);
        QVERIFY(showAt1200x800(view));
        // Nothing chosen: the first adaptive policy compared, the heuristic.
        QCOMPARE(view.sharePolicy(), std::string("heuristic"));
        QCOMPARE(view.modelShares().policySpec(), std::string("heuristic"));
        // A single model is no choice to show: still the heuristic.
        view.setSharePolicy("model:ResNet50");
        QCOMPARE(view.sharePolicy(), std::string("heuristic"));
        // The heuristic hidden: the next shown adaptive policy, the printed reading.
        view.setPolicyVisible("heuristic", false);
        QCOMPARE(view.modelShares().policySpec(), std::string("heuristic:printed"));
        view.setSharePolicy(Threshold);
        QCOMPARE(view.modelShares().policySpec(), std::string(Threshold));
        QCOMPARE(barAt(view, QStringLiteral("ResNet152"), Monday, Monday + Day), 25.0);
        // Teaching mode replays interval by interval: step lines, whatever the span.
        view.setTeachingOverlays(true, 100, 300);
        QVERIFY(!view.modelShares().isShown());
        QVERIFY(view.modelGraph(Threshold)->visible());
        view.setTeachingOverlays(false);
        QVERIFY(view.modelShares().isShown());
    }

    void theRowSelectedInTheTotalsChoosesThePolicy()
    {
        MainWindow window;
        QVERIFY(test::showDefaultScenario(window, QSize(1366, 768)));
        PolicyTable *totals = window.timelineTab()->totals();
        // The paper's experiment opens on the heuristic; choosing its printed reading's row moves the shares there,
        // and a single model's row (no choice to show) leaves them where they were.
        QCOMPARE(window.timeline()->sharePolicy(), std::string("heuristic"));
        bool sawPrinted = false;
        for (int r = 0; r < totals->model()->rowCount(); ++r) {
            totals->setCurrentIndex(totals->model()->index(r, 0));
            if (totals->currentSpec() == "heuristic:printed") {
                sawPrinted = true;
                QCOMPARE(window.timeline()->sharePolicy(), std::string("heuristic:printed"));
            }
            if (totals->currentSpec() == "model:ResNet152")
                QCOMPARE(window.timeline()->sharePolicy(), std::string(sawPrinted ? "heuristic:printed" : "heuristic"));
        }
        QVERIFY(sawPrinted);
    }

    void aNarrowPanelWrapsTheModelNames()
    {
        // The paper's 7 models on a 760 px wide view: the names do not fit one row beside the title; they wrap into
        // rows, each name still there once, and large presentation fonts re-wrap them (a wrapped legend's empty
        // cells once crashed the font change).
        ScenarioDocument doc;
        loadTwelveDays(&doc);
        TimelineView view(&doc);
        view.resize(760, 560);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.plot()->replot();
        view.plot()->replot();
        const ModelShareView &shares = view.modelShares();
        QVERIFY(shares.isShown());
        QCOMPARE(shares.bars().size(), std::size_t(7));
        QVERIFY2(shares.legend()->wrap() < 7, qPrintable(QString::number(shares.legend()->wrap())));
        for (QCPBars *bars : shares.bars())
            QVERIFY(shares.legend()->itemWithPlottable(bars));
        const int rows = (7 + shares.legend()->wrap() - 1) / shares.legend()->wrap();
        view.setPresentationFonts(true);
        view.plot()->replot();
        view.plot()->replot();
        const QFont font = view.panel(TimelineView::ModelPanel)->axis(QCPAxis::atLeft)->tickLabelFont();
        for (QCPBars *bars : shares.bars())
            QCOMPARE(shares.legend()->itemWithPlottable(bars)->font(), font);
        QVERIFY((7 + shares.legend()->wrap() - 1) / shares.legend()->wrap() >= rows); // larger names, no fewer rows
    }

    void barsFollowADarkPalette()
    {
        ScenarioDocument doc;
        doc.poolModel()->resetPool(resnetPool(), QStringLiteral("ResNet preset"));
        loadTwelveDays(&doc);
        TimelineView view(&doc);
        QVERIFY(showAt1200x800(view));
        // Light: viridis from its darkest purple (0x440154) for the cheapest model to 90 % of the way for the costliest.
        QCOMPARE(view.modelShares().bars().front()->brush().color(), QColor(0x440154));
        QCOMPARE(ModelShareView::modelColour(0, 4, false), QColor(0x440154));
        QCOMPARE(ModelShareView::modelColour(3, 4, true), QColor(0xfde725)); // dark: up to viridis's yellow
        QPalette dark = view.palette();
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        view.setPalette(dark);
        view.plot()->replot();
        const auto &bars = view.modelShares().bars();
        for (std::size_t r = 0; r < bars.size(); ++r)
            QCOMPARE(bars[r]->brush().color(), ModelShareView::modelColour(static_cast<int>(r), 4, true));
        QVERIFY(bars.front()->brush().color() != QColor(0x440154)); // the darkest purple left out on a dark plot
        QCOMPARE(view.modelShares().legend()->textColor(), QColor(230, 230, 230));
        const QString shots = qEnvironmentVariable("CARBONSCOPE_TEST_SHOTS");
        if (!shots.isEmpty())
            view.grab().save(shots + QStringLiteral("/model-share-dark.png"));
    }

    void allFourResNetNamesOnA1366x768Screen()
    {
        // The paper's ResNet pool on a laptop screen: each of the 4 names on the "Model chosen" axis, a line apart.
        MainWindow window;
        QVERIFY(test::showDefaultScenario(window, QSize(1366, 768)));
        TimelineView *view = window.timeline();
        view->setTimeRange(view->timeRange().lower, view->timeRange().lower + 2 * Day); // step lines
        view->plot()->replot();
        QCoreApplication::processEvents();
        view->plot()->replot();
        QCPAxisRect *rect = view->panel(TimelineView::ModelPanel);
        const QFont font = rect->axis(QCPAxis::atLeft)->tickLabelFont();
        const QString heights = QStringLiteral("panels %1/%2/%3/%4 px, names %5 pt")
                                    .arg(view->panel(TimelineView::IntensityPanel)->height())
                                    .arg(view->panel(TimelineView::RequestsPanel)->height())
                                    .arg(rect->height())
                                    .arg(view->panel(TimelineView::CumulativePanel)->height())
                                    .arg(font.pointSizeF());
        QCOMPARE(view->modelTickLabels(), (QStringList{QStringLiteral("ResNet34"), QStringLiteral("ResNet50"),
                                                        QStringLiteral("ResNet101"), QStringLiteral("ResNet152")}));
        QVERIFY2(rect->height() / 4.0 >= QFontMetricsF(font).height(), qPrintable(heights));
        QVERIFY2(font.pointSizeF() >= 7.0, qPrintable(heights));
        qInfo("%s", qPrintable(heights));
        const QString shots = qEnvironmentVariable("CARBONSCOPE_TEST_SHOTS"); // a folder, to look at the panel
        if (!shots.isEmpty())
            window.grab().save(shots + QStringLiteral("/model-names-1366x768.png"));
    }
};

QTEST_MAIN(TestModelShare)
#include "test_model_share.moc"
