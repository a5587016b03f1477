// Issue 15's views, each against values worked out by hand: every policy keeps a distinct (colour, dash, marker)
// through 12 policies, a pool change and a save; the timeline's value axes fit what is in view; the CO2 bars
// aggregate to weeks and months by the span in view; the Pareto labels never overlap; the default scenario is the
// paper's experiment; teaching mode steps with ← / → and says why in one sentence.
#include "uitestfixture.h"

#include "comparetab.h"
#include "dailyco2plot.h"
#include "paperexperiment.h"
#include "paretoplot.h"
#include "policyset.h"
#include "poolmodel.h"
#include "projectsession.h"
#include "teachingpanel.h"
#include "timebuckets.h"
#include "timelineseries.h"
#include "timelineview.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>
#include <set>
#include <tuple>

using namespace cs;

class TestViews : public QObject
{
    Q_OBJECT

    static constexpr double T0 = 1685577600; // 2023-06-01T00:00:00Z, the tiny scenario's first interval
    std::unique_ptr<MainWindow> mWindow;

    void openTiny(QSize size = QSize(1500, 950))
    {
        mWindow = std::make_unique<MainWindow>();
        test::loadTinyScenario(mWindow->document());
        mWindow->showTab(QStringLiteral("Timeline"));
        mWindow->resize(size);
        mWindow->show();
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    }
    std::map<std::string, PolicyStyle> styles() const
    {
        std::map<std::string, PolicyStyle> out;
        for (const PolicyEntry &e : mWindow->document()->policies().entries)
            out[e.spec] = mWindow->document()->policyStyle(e.spec);
        return out;
    }

private Q_SLOTS:
    void initTestCase() { test::useTestEnvironment(); }
    void cleanup() { mWindow.reset(); }

    void twelvePoliciesAllDistinct()
    {
        openTiny();
        // The tiny document compares 10 (the heuristic's three variants and the seven models); two more make 12.
        mWindow->document()->addPolicy("threshold:VGG19@150,ResNet50@250,AlexNet");
        mWindow->document()->addPolicy("heuristic:printed:daily");
        QCOMPARE(mWindow->document()->policies().entries.size(), std::size_t(12));
        std::set<std::tuple<QRgb, int, int>> seen;
        for (const auto &[spec, style] : styles()) {
            seen.insert({style.colour.rgb(), int(style.dash), int(style.marker)});
            // The plot draws what the style says.
            const QCPGraph *graph = mWindow->timeline()->cumulativeGraph(spec);
            QVERIFY(graph);
            QCOMPARE(graph->pen().color().rgb(), style.colour.rgb());
            QCOMPARE(graph->pen().style(), style.dash);
            QCOMPARE(graph->scatterStyle().shape(), style.marker);
        }
        QCOMPARE(seen.size(), std::size_t(12));
        // Slots 0-7 take the eight Okabe-Ito colours plain; slots 8 and 9 repeat the first two colours, dashed
        // and with circles.
        QCOMPARE(styleForSlot(0).colour, QColor(0x0072b2));
        QCOMPARE(styleForSlot(8).colour, QColor(0x0072b2));
        QCOMPARE(styleForSlot(8).dash, Qt::DashLine);
        QCOMPARE(styleForSlot(8).marker, QCPScatterStyle::ssCircle);
        QCOMPARE(styleForSlot(0).marker, QCPScatterStyle::ssNone);
        // Up to 48 slots, no two alike.
        std::set<std::tuple<QRgb, int, int>> all;
        for (int slot = 0; slot < PaletteSize * StyleVariants; ++slot) {
            const PolicyStyle s = styleForSlot(slot);
            all.insert({s.colour.rgb(), int(s.dash), int(s.marker)});
        }
        QCOMPARE(all.size(), std::size_t(PaletteSize * StyleVariants));
    }

    void coloursStayThroughAPoolChangeAndASave()
    {
        openTiny();
        ScenarioDocument *doc = mWindow->document();
        doc->setPolicyColour("heuristic", QColor(0x123456));
        const auto before = styles();
        QCOMPARE(before.at("heuristic").colour, QColor(0x123456));
        // The ResNet preset drops AlexNet and the VGGs; every policy that stays keeps its look.
        doc->poolModel()->resetPool(resnetPool(), QStringLiteral("ResNet preset"));
        QCOMPARE(doc->policies().indexOf("model:AlexNet"), -1);
        const auto after = styles();
        for (const auto &[spec, style] : after)
            QVERIFY2(before.at(spec) == style, spec.c_str());
        // A model added back takes a free slot, not one held by a policy still shown.
        doc->poolModel()->resetPool(paperPool(), QStringLiteral("Table 1"));
        std::set<int> slots;
        for (const PolicyEntry &e : doc->policies().entries)
            QVERIFY2(slots.insert(e.styleSlot).second, e.spec.c_str());
        QCOMPARE(doc->policyStyle("heuristic").colour, QColor(0x123456));
        // Undo takes the chosen colour back, as any edit.
        while (doc->undoStack()->canUndo() && doc->policyStyle("heuristic").colour == QColor(0x123456))
            doc->undoStack()->undo();
        QCOMPARE(doc->policyStyle("heuristic").colour, paletteColour(0));
        doc->undoStack()->redo();

        // Saved and opened again: slots and the chosen colour come back.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("styles.csdb"));
        const auto saved = styles();
        QVERIFY(mWindow->project()->saveAs(path));
        MainWindow reopened;
        QVERIFY(reopened.project()->openProject(path));
        for (const auto &[spec, style] : saved)
            QVERIFY2(reopened.document()->policyStyle(spec) == style, spec.c_str());
    }

    void valueAxesFitTheVisibleData()
    {
        openTiny();
        TimelineView *view = mWindow->timeline();
        // Only ResNet50: its CO2 per interval is 420.62 mJ x requests x intensity / 3.6e9 (uitestfixture.h).
        for (const PolicyEntry &e : mWindow->document()->policies().entries)
            view->setPolicyVisible(e.spec, e.spec == "model:ResNet50");
        const double unit = view->cumulativeUnitGrams();
        QCOMPARE(unit, 1.0); // every total of the tiny scenario is below 1 kg
        // Hour 2 (intensity 200): the intensity axis runs 0..200 x 1.08 = 216, rounded up to 220.
        view->setTimeRange(T0 + 3600, T0 + 7200);
        QCoreApplication::processEvents();
        const QCPRange intensity = view->panel(TimelineView::IntensityPanel)->axis(QCPAxis::atLeft)->range();
        QCOMPARE(intensity.lower, 0.0);
        QVERIFY(qFuzzyCompare(intensity.upper, 220.0));
        // CO2 so far runs from g1 = 420.62 x 1e5 / 3.6e9 = 0.0116839 g to g1 + g2, g2 = 420.62 x 4e5 / 3.6e9
        // = 0.0467356 g; padded by 5 % of g2 (0.0023368) and rounded out to steps of g2 / 20 = 0.0023368 rounded
        // up to 0.0025: floor(0.0093471 / 0.0025) = 3 and ceil(0.0607563 / 0.0025) = 25 steps.
        const QCPRange co2 = view->panel(TimelineView::CumulativePanel)->axis(QCPAxis::atLeft)->range();
        QVERIFY2(qFuzzyCompare(co2.lower, 0.0075) && qFuzzyCompare(co2.upper, 0.0625),
                 qPrintable(QStringLiteral("%1..%2").arg(co2.lower).arg(co2.upper)));
        // Requests: 2000 in hour 2 -> 2160, rounded up to 2200 (below 10^4, so no k/M unit).
        QVERIFY(qFuzzyCompare(view->panel(TimelineView::RequestsPanel)->axis(QCPAxis::atLeft)->range().upper, 2200.0));
        // The whole scenario again: intensity up to 300 x 1.08 = 324, rounded up to 350.
        view->resetZoom();
        QCoreApplication::processEvents();
        QVERIFY(qFuzzyCompare(view->panel(TimelineView::IntensityPanel)->axis(QCPAxis::atLeft)->range().upper, 350.0));
        QCOMPARE(roundUp(216), 220.0);
        QCOMPARE(roundUp(0.00233678), 0.0025);
        QCOMPARE(roundUp(1000), 1000.0);
    }

    void barsAggregateByTheSpanInView()
    {
        constexpr double Day = 86400;
        QCOMPARE(bucketForSpan(7 * Day), TimeBucket::Day);
        QCOMPARE(bucketForSpan(62 * Day), TimeBucket::Day);
        QCOMPARE(bucketForSpan(90 * Day), TimeBucket::Week);
        QCOMPARE(bucketForSpan(365 * Day), TimeBucket::Month);
        // 2023-06-01 (a Thursday) 13:00: its week starts Monday 2023-05-29, its month 2023-06-01; June ends
        // 2023-07-01 and December 2023 ends 2024-01-01 (epoch seconds by hand: days since 1970 x 86400).
        const UtcSeconds t = 1685577600 + 13 * 3600;
        QCOMPARE(bucketStart(TimeBucket::Day, t), UtcSeconds(1685577600));
        QCOMPARE(bucketStart(TimeBucket::Week, t), UtcSeconds(1685318400));
        QCOMPARE(bucketStart(TimeBucket::Month, t), UtcSeconds(1685577600));
        QCOMPARE(bucketEnd(TimeBucket::Month, 1685577600), UtcSeconds(1688169600));
        QCOMPARE(bucketEnd(TimeBucket::Month, 1701388800), UtcSeconds(1704067200)); // 2023-12-01 -> 2024-01-01
        QCOMPARE(bucketEnd(TimeBucket::Week, 1685318400), UtcSeconds(1685923200));

        openTiny();
        DailyCo2Plot *daily = mWindow->dailyPlot();
        daily->setTimeRange(T0, T0 + 365 * Day);
        daily->ensureCurrent();
        QCOMPARE(daily->bucket(), TimeBucket::Month);
        daily->setTimeRange(T0, T0 + 100 * Day);
        daily->ensureCurrent();
        QCOMPARE(daily->bucket(), TimeBucket::Week);
        // The week of 2023-05-29 holds all three hours: the baseline's bar is its whole CO2.
        for (int i = 0; i < daily->plot()->plottableCount(); ++i) {
            auto *bars = qobject_cast<QCPBars *>(daily->plot()->plottable(i));
            if (bars && bars->name() == QStringLiteral("ResNet50")) {
                QCOMPARE(bars->data()->size(), 1);
                QCOMPARE(bars->data()->constBegin()->key, 1685318400 + 3.5 * Day);
            }
        }
    }

    void paretoLabelsNeverOverlap()
    {
        mWindow = std::make_unique<MainWindow>();
        QVERIFY(mWindow->openDefaultScenario());
        mWindow->resize(1366, 768);
        mWindow->show();
        mWindow->showTab(QStringLiteral("Compare"));
        QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
        ParetoPlot *pareto = mWindow->compareTab()->pareto();
        pareto->ensureCurrent();
        const auto check = [pareto](const char *where) {
            pareto->plot()->replot();
            const std::vector<QRectF> labels = pareto->labelRects();
            const std::vector<QPointF> points = pareto->pointPixels();
            QVERIFY2(labels.size() == points.size() && labels.size() >= 6, where);
            for (std::size_t a = 0; a < labels.size(); ++a) {
                for (std::size_t b = a + 1; b < labels.size(); ++b)
                    QVERIFY2(!labels[a].intersects(labels[b]), where);
                for (const QPointF &p : points)
                    QVERIFY2(!labels[a].contains(p), where);
            }
            // The legend covers no point.
            const QRect legend = pareto->plot()->legend->outerRect();
            for (const QPointF &p : points)
                QVERIFY2(!pareto->plot()->legend->visible() || !legend.contains(p.toPoint()), where);
        };
        check("on screen");
        // An export redraws at its own size, and lays the labels out again for it.
        const QPixmap image = pareto->plot()->toPixmap(900, 600);
        QVERIFY(!image.isNull());
        check("after a 900x600 export");
    }

    void defaultScenarioIsThePapersExperiment()
    {
        mWindow = std::make_unique<MainWindow>();
        QVERIFY(mWindow->openDefaultScenario());
        const ScenarioDocument *doc = mWindow->document();
        QCOMPARE(doc->pool().size(), 4);
        QCOMPARE(doc->policies().baseline, std::string("model:ResNet50"));
        std::vector<std::string> specs;
        for (const PolicyEntry &e : doc->policies().entries)
            specs.push_back(e.spec);
        // The heuristic's error on this data is 6.807 % (docs/reproduction.md), so the optimum may use 6.807 %.
        QCOMPARE(specs, (std::vector<std::string>{"heuristic", "heuristic:printed", "model:ResNet50", "model:ResNet101",
                                                  "model:ResNet152", "optimal:max-error=6.807"}));
        for (const PolicyRun &run : doc->runs())
            QVERIFY2(run.ok(), run.error.c_str());
        // The readout states both sides: the paper's figures and ours (6.807 %, 4.64 % as in reproduction.md).
        const QString readout = mWindow->findChild<QLabel *>(QStringLiteral("paperReadout"))->text();
        QVERIFY2(readout.contains(QStringLiteral("6.57")) && readout.contains(QStringLiteral("8.00"))
                     && readout.contains(QStringLiteral("1532")) && readout.contains(QStringLiteral("6.807"))
                     && readout.contains(QStringLiteral("4.64")),
                 qPrintable(readout));
        QVERIFY(readout.contains(QStringLiteral("opposite of the paper's text")));
    }

    void teachingStepsAndSaysWhy()
    {
        openTiny();
        TeachingPanel *teaching = mWindow->teachingPanel();
        mWindow->setTeachingMode(true);
        teaching->selectPolicy(QStringLiteral("heuristic"));
        teaching->setPosition(0);
        QTest::keyClick(mWindow.get(), Qt::Key_Right);
        QCOMPARE(teaching->position(), 1);
        // Hour 2: 200 g/kWh, halfway from C_low 100 to C_high 300; E_sel = 1238.15 - 0.5 x (1238.15 - 125)
        // = 681.575 mJ; the nearest is VGG16 (668.97 mJ; ResNet101 803.09 and VGG19 803.85 are farther).
        QCOMPARE(teaching->sentence(),
                 QStringLiteral("Intensity 200 g/kWh is 50 % of the way from C_low 100 to C_high 300 g/kWh → "
                                "E_sel = 681.6 mJ (the paper's text: the dirtier, the smaller) → nearest: VGG16 "
                                "(669.0 mJ)."));
        QTest::keyClick(mWindow.get(), Qt::Key_Right);
        QCOMPARE(teaching->position(), 2);
        // Hour 3 (300, C_high): x = 100 %, E_sel = 125 mJ: AlexNet.
        QVERIFY2(teaching->sentence().contains(QStringLiteral("100 % of the way")) &&
                     teaching->sentence().endsWith(QStringLiteral("nearest: AlexNet (125.0 mJ).")),
                 qPrintable(teaching->sentence()));
        QTest::keyClick(mWindow.get(), Qt::Key_Right); // past the end: stays
        QCOMPARE(teaching->position(), 2);
        QTest::keyClick(mWindow.get(), Qt::Key_Left);
        QTest::keyClick(mWindow.get(), Qt::Key_Left);
        QCOMPARE(teaching->position(), 0);
        // The printed reading at hour 1 (x = 0): E_sel = 125 mJ, AlexNet: the opposite end.
        teaching->selectPolicy(QStringLiteral("heuristic:printed"));
        QVERIFY2(teaching->sentence().contains(QStringLiteral("E_sel = 125.0 mJ (printed equation")),
                 qPrintable(teaching->sentence()));
        // 8 intervals per second of 1 h each.
        QCOMPARE(teaching->speedText(), QStringLiteral("8 intervals/s (8 h of data per second)"));
        // Arrows do nothing outside teaching mode.
        mWindow->setTeachingMode(false);
        QTest::keyClick(mWindow.get(), Qt::Key_Right);
        QCOMPARE(teaching->position(), 0);
    }

    void modelNamesThinOutWhenThePanelIsLow()
    {
        openTiny(QSize(1000, 560));
        TimelineView *view = mWindow->timeline();
        view->plot()->replot();
        QCoreApplication::processEvents();
        view->plot()->replot();
        const QStringList names = view->modelTickLabels();
        QCPAxisRect *rect = view->panel(TimelineView::ModelPanel);
        const double line = QFontMetricsF(rect->axis(QCPAxis::atLeft)->tickLabelFont()).height();
        // Every k-th of the 7 models is named, k = ceil(7 / names shown); named ones stand k model rows apart.
        QVERIFY2(names.size() < 7, qPrintable(names.join(QLatin1Char(','))));
        const double perName = rect->height() / 7.0 * std::ceil(7.0 / names.size());
        QVERIFY2(perName >= line, qPrintable(QStringLiteral("%1 names, %2 px each, line %3")
                                                 .arg(names.size()).arg(perName).arg(line)));
    }
};

QTEST_MAIN(TestViews)
#include "test_views.moc"
