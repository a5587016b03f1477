#include "timelineview.h"

#include "modelshare.h"
#include "paperexperiment.h"
#include "plottheme.h"
#include "policystyle.h"
#include "scenariodocument.h"
#include "timelineseries.h"
#include "unitformat.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace cs {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// A rectangle over a panel's whole height between two times (set later with topLeft/bottomRight's x): the period
// mark and teaching mode's curtain.
QCPItemRect *newTimeSpan(QCustomPlot *plot, QCPAxisRect *rect)
{
    auto *span = new QCPItemRect(plot);
    span->setClipAxisRect(rect);
    for (QCPItemPosition *pos : {span->topLeft, span->bottomRight}) {
        pos->setAxisRect(rect);
        pos->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        pos->setTypeX(QCPItemPosition::ptPlotCoords);
        pos->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    return span;
}
} // namespace

TimelineView::TimelineView(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), mDocument(document), mPlot(new QCustomPlot(this)), mReadout(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(mPlot, 1);
    layout->addWidget(mReadout);
    mReadout->setObjectName(QStringLiteral("crosshairReadout"));
    mReadout->setTextFormat(Qt::RichText);
    mReadout->setWordWrap(true);
    mReadout->setMinimumHeight(mReadout->fontMetrics().height() * 3);
    mReadout->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    mReadout->setToolTip(tr("Every value at the cursor: move the mouse over the plots"));
    mReadout->setText(tr("<i>Move the mouse over the plots to read every value; drag to pan, wheel to zoom, "
                         "Shift+drag to restrict the totals to a period, click a legend entry to hide a "
                         "policy.</i>"));
    mPlotTip = tr("Drag: pan · Wheel: zoom · Shift+drag: totals for a period · Double-click: whole scenario · "
                  "Click a legend entry: hide/show, right-click: colour");
    mPlot->setToolTip(mPlotTip);
    mPlot->setMinimumHeight(300); // four readable panels; more than a 768 px laptop at 2x can give pushes the readout under it
    setupPanels();

    connect(mPlot, &QCustomPlot::mousePress, this, &TimelineView::onMousePress);
    connect(mPlot, &QCustomPlot::mouseMove, this, &TimelineView::onMouseMove);
    connect(mPlot, &QCustomPlot::mouseRelease, this, &TimelineView::onMouseRelease);
    connect(mPlot, &QCustomPlot::mouseDoubleClick, this, [this] { resetZoom(); });
    connect(mPlot->selectionRect(), &QCPSelectionRect::accepted, this, &TimelineView::onRangeSelected);
    // The model names thin out when the panel is too low for all of them (known only once laid out).
    connect(mPlot, &QCustomPlot::afterLayout, this, &TimelineView::fitModelTicks);
    connect(mDocument, &ScenarioDocument::scenarioChanged, this, &TimelineView::rebuildScenario);
    connect(mDocument, &ScenarioDocument::resultsChanged, this, [this] {
        QElapsedTimer timer;
        timer.start();
        rebuildResults();
        redraw();
        mLastRedrawMs = timer.nsecsElapsed() / 1e6;
    });
    connect(mDocument, &ScenarioDocument::totalsChanged, this, [this] {
        showTotalsRange();
        mPlot->replot(QCustomPlot::rpQueuedReplot);
    });
    rebuildScenario();
    rebuildResults();
    redraw();
}

void TimelineView::setupPanels()
{
    mPlot->plotLayout()->clear();
    mPlot->setAutoAddPlottableToLegend(false);
    mPlot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    mPlot->setAntialiasedElements(QCP::aePlottables);
    // Segment-by-segment polylines: Qt strokes a long zig-zag path (a model step line) as one polygon, which cost
    // ~200 ms per graph on a one-year scenario; segments draw in a few ms (bench/gui).
    mPlot->setPlottingHint(QCP::phFastPolylines, true);

    mLegend = new QCPLegend;
    mPlot->plotLayout()->addElement(0, 0, mLegend);
    mLegend->setLayer(QStringLiteral("legend"));
    mLegend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    mLegend->setWrap(5);
    mLegend->setBorderPen(Qt::NoPen);
    mLegend->setBrush(Qt::NoBrush);
    mLegend->setIconSize(24, 10);
    mLegend->setSelectableParts(QCPLegend::spNone);
    mPlot->plotLayout()->setRowStretchFactor(0, 0.001);
    mPlot->plotLayout()->setRowSpacing(0);

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("d MMM\nhh:mm"));
    ticker->setTickCount(8);

    auto *margins = new QCPMarginGroup(mPlot);
    const std::array<QString, PanelCount> labels{tr("Intensity\n(gCO₂/kWh)"), tr("Requests\n(per interval)"),
                                                 tr("Model chosen\n(energy ↑)"),
                                                 tr("Cumulative\nCO₂ (g)")};
    // Every panel readable (40 px; QCP's 50 px each would not fit a 721 px window at 2x), the rest by the stretch
    // (of the outer height: the CO2 panel carries the time axis's labels; the model names want room).
    const std::array<double, PanelCount> stretch{1.0, 0.8, 1.2, 1.6};
    for (int p = 0; p < PanelCount; ++p) {
        auto *rect = new QCPAxisRect(mPlot);
        mRects[p] = rect;
        mPlot->plotLayout()->addElement(p + 1, 0, rect);
        mPlot->plotLayout()->setRowStretchFactor(p + 1, stretch[p]);
        rect->setMinimumSize(50, 40);
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->setRangeDrag(Qt::Horizontal);
        rect->setRangeZoom(Qt::Horizontal);
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        QCPAxis *y = rect->axis(QCPAxis::atLeft);
        x->setTicker(ticker);
        x->setTickLabels(p == CumulativePanel);
        if (p == CumulativePanel)
            x->setLabel(tr("Time (UTC)"));
        y->setLabel(labels[p]);
        y->setNumberFormat(QStringLiteral("gb"));
        connect(x, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, &TimelineView::onXRangeChanged);

        auto *cursor = new QCPItemStraightLine(mPlot);
        cursor->setClipAxisRect(rect);
        cursor->point1->setAxes(x, y);
        cursor->point2->setAxes(x, y);
        cursor->point1->setCoords(0, 0);
        cursor->point2->setCoords(0, 1);
        cursor->setPen(QPen(QColor(60, 60, 60), 1, Qt::DashLine));
        cursor->setVisible(false);
        mCursor[p] = cursor;

        QCPItemRect *mark = newTimeSpan(mPlot, rect);
        mark->topLeft->setCoords(0, 0);
        mark->bottomRight->setCoords(0, 1);
        mark->setPen(QPen(QColor(255, 160, 0, 200)));
        mark->setBrush(QColor(255, 200, 0, 50));
        mark->setVisible(false);
        mRangeMarks[p] = mark;

        if (p == ModelPanel || p == CumulativePanel) {
            // Teaching mode's curtain: what the replay has not reached yet stays hidden.
            QCPItemRect *curtain = newTimeSpan(mPlot, rect);
            curtain->setPen(Qt::NoPen);
            curtain->setLayer(QStringLiteral("axes")); // above the graphs, which are re-added on every edit
            curtain->setVisible(false);
            mCurtains[p == ModelPanel ? 0 : 1] = curtain;
        }
    }
    for (std::size_t i = 0; i < mThresholds.size(); ++i) {
        // C_low and C_high, the heuristic's two reference intensities (teaching mode).
        auto *line = new QCPItemStraightLine(mPlot);
        line->setClipAxisRect(mRects[IntensityPanel]);
        line->point1->setAxes(mRects[IntensityPanel]->axis(QCPAxis::atBottom), mRects[IntensityPanel]->axis(QCPAxis::atLeft));
        line->point2->setAxes(mRects[IntensityPanel]->axis(QCPAxis::atBottom), mRects[IntensityPanel]->axis(QCPAxis::atLeft));
        line->setPen(QPen(i == 0 ? QColor(0x009e73) : QColor(0xd55e00), 1.5, Qt::DashLine));
        line->setVisible(false);
        mThresholds[i] = line;
        auto *text = new QCPItemText(mPlot);
        text->setClipToAxisRect(false);
        text->position->setAxes(mRects[IntensityPanel]->axis(QCPAxis::atBottom), mRects[IntensityPanel]->axis(QCPAxis::atLeft));
        text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        text->position->setAxisRect(mRects[IntensityPanel]);
        text->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        text->setColor(line->pen().color());
        text->setVisible(false);
        mThresholdLabels[i] = text;
    }
    mPlot->plotLayout()->setRowSpacing(4);
    mShares = std::make_unique<ModelShareView>(mPlot, mRects[ModelPanel]);
    applyTheme();
}

void TimelineView::rebuildScenario()
{
    for (PolicyGraphs &pg : mPolicies) {
        if (pg.cumulative)
            pg.cumulative->removeFromLegend(mLegend);
    }
    mShares->clear(); // its legend entries point at the bars
    mPlot->clearPlottables();
    mPolicies.clear();
    mSeries.clear();

    const Scenario &s = mDocument->scenario();
    std::vector<double> keys, values;
    stepSeries(s, s.intensity, 0, &keys, &values);
    addSeries(IntensityPanel, QPen(QColor(0x2a9d8f), 1.5), tr("Carbon intensity"), true, keys, values);
    // Requests in millions or thousands where they are large, so the axis reads "3" rather than "3·10⁶".
    double maxRequests = 0;
    for (double r : s.requests)
        maxRequests = std::max(maxRequests, r);
    const double requestUnit = maxRequests >= 1e6 ? 1e6 : maxRequests >= 1e4 ? 1e3 : 1.0;
    std::vector<double> scaled(s.requests.size());
    for (std::size_t i = 0; i < scaled.size(); ++i)
        scaled[i] = s.requests[i] / requestUnit;
    mRects[RequestsPanel]->axis(QCPAxis::atLeft)->setLabel(
        requestUnit == 1e6 ? tr("Requests\n(M/interval)")
                           : requestUnit == 1e3 ? tr("Requests\n(k/interval)") : tr("Requests\n(per interval)"));
    stepSeries(s, scaled, 0, &keys, &values);
    addSeries(RequestsPanel, QPen(QColor(0x6c757d), 1.2), tr("Requests"), true, keys, values);

    const auto maxOf = [](const std::vector<double> &v) {
        double m = 0;
        for (double x : v)
            if (std::isfinite(x))
                m = std::max(m, x);
        return m;
    };
    mRects[IntensityPanel]->axis(QCPAxis::atLeft)->setRange(0, std::max(1.0, maxOf(s.intensity) * 1.08));
    mRects[RequestsPanel]->axis(QCPAxis::atLeft)->setRange(0, std::max(1.0, maxOf(scaled) * 1.08));
    resetZoom();
    fitValueAxes();
}

TimelineView::Series &TimelineView::addSeries(int panel, const QPen &pen, const QString &name, bool step,
                                              const std::vector<double> &keys, const std::vector<double> &values)
{
    Series &series = mSeries.emplace_back();
    series.graph = mPlot->addGraph(mRects[panel]->axis(QCPAxis::atBottom), mRects[panel]->axis(QCPAxis::atLeft));
    series.graph->setLineStyle(step ? QCPGraph::lsStepLeft : QCPGraph::lsLine);
    series.graph->setPen(pen);
    series.graph->setName(name);
    series.step = step;
    series.data.setData(keys, values);
    series.graph->setData(series.data.full());
    return series;
}

void TimelineView::rebuildResults()
{
    for (PolicyGraphs &pg : mPolicies) {
        pg.cumulative->removeFromLegend(mLegend);
        mPlot->removeGraph(pg.cumulative);
        if (pg.model)
            mPlot->removeGraph(pg.model);
    }
    mPolicies.clear();
    mSeries.resize(std::min<std::size_t>(mSeries.size(), 2));

    const Scenario &s = mDocument->scenario();
    const ModelPool &pool = mDocument->pool();
    const auto &runs = mDocument->runs();

    double maxTotal = 0;
    int adaptive = 0;
    for (const PolicyRun &run : runs) {
        if (run.ok()) {
            maxTotal = std::max(maxTotal, run.result.totals.co2G);
            adaptive += run.isSingleModel() ? 0 : 1;
        }
    }
    const MassUnit unit = massUnitFor(maxTotal);
    mCumulativeUnit = unit.grams;
    mRects[CumulativePanel]->axis(QCPAxis::atLeft)->setLabel(tr("Cumulative\nCO₂ (%1)").arg(unit.symbol));
    mRects[CumulativePanel]->axis(QCPAxis::atLeft)->setRange(0, std::max(1e-9, maxTotal / unit.grams * 1.05));

    // Models stacked by energy per inference, lowest at the bottom, so a step up means a costlier model.
    std::vector<int> byEnergy(static_cast<std::size_t>(pool.size()));
    std::iota(byEnergy.begin(), byEnergy.end(), 0);
    std::stable_sort(byEnergy.begin(), byEnergy.end(),
                     [&pool](int a, int b) { return pool.at(a).energyMj < pool.at(b).energyMj; });
    mRankOf.assign(byEnergy.size(), 0);
    mModelNames.clear();
    for (std::size_t r = 0; r < byEnergy.size(); ++r) {
        mRankOf[static_cast<std::size_t>(byEnergy[r])] = static_cast<int>(r);
        mModelNames.push_back(QString::fromStdString(pool.at(byEnergy[r]).name));
    }
    mModelTicker = QSharedPointer<QCPAxisTickerText>::create();
    mModelTickStep = 0; // fitModelTicks fills the ticker for the panel's height
    QCPAxis *modelAxis = mRects[ModelPanel]->axis(QCPAxis::atLeft);
    modelAxis->setTicker(mModelTicker);
    modelAxis->setRange(-0.6, pool.size() - 0.4);
    fitModelTicks();
    const bool dark = isDarkPalette(palette());

    std::vector<double> keys, values, modelValues;
    int k = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const PolicyRun &run = runs[r];
        if (!run.ok())
            continue;
        PolicyGraphs pg;
        pg.spec = run.spec;
        const QString name = QString::fromStdString(run.label);
        const PolicyStyle style = mDocument->policyStyle(run.spec, dark);
        const QPen pen = policyPen(style, run.isSingleModel());
        const bool marked = style.marker != QCPScatterStyle::ssNone;
        const bool visible = !mHidden.contains(QString::fromStdString(run.spec));

        cumulativeSeries(s, run.result.intervals.cumulativeCo2G, unit.grams, &keys, &values);
        Series &cumulative = addSeries(CumulativePanel, pen, name, false, keys, values);
        cumulative.graph->setVisible(visible);
        if (marked) {
            cumulative.graph->setScatterStyle(policyMarker(style));
            cumulative.marked = true;
        }
        cumulative.graph->addToLegend(mLegend);
        styleLegendItem(cumulative.graph, visible);
        pg.cumulative = cumulative.graph;

        if (!run.isSingleModel()) {
            // Adaptive policies share the model axis; a small offset each keeps overlapping choices visible.
            const double offset = adaptive > 1 ? (k - (adaptive - 1) / 2.0) * 0.5 / adaptive : 0.0;
            ++k;
            modelValues.clear();
            for (int m : run.result.intervals.model)
                modelValues.push_back(m >= 0 && m < pool.size() ? mRankOf[static_cast<std::size_t>(m)] : NaN);
            QPen modelPen = pen;
            modelPen.setWidthF(1.0);
            stepSeries(s, modelValues, offset, &keys, &values);
            Series &model = addSeries(ModelPanel, modelPen, name, true, keys, values);
            model.graph->setVisible(visible);
            if (marked) {
                model.graph->setScatterStyle(policyMarker(style, 6));
                model.marked = true;
            }
            pg.model = model.graph;
        }
        mPolicies.push_back(pg);
    }
    showTotalsRange();
    fitValueAxes();
    rebuildShares();
}

void TimelineView::redraw()
{
    if (mSampling != Sampling::Envelope)
        setSampling(mSampling);
    updateLevels();
    mPlot->replot();
}

void TimelineView::onXRangeChanged(const QCPRange &range)
{
    if (mSyncing)
        return;
    mSyncing = true;
    for (QCPAxisRect *rect : mRects)
        rect->axis(QCPAxis::atBottom)->setRange(range);
    mSyncing = false;
    updateLevels();
    updateModelMode();
    fitValueAxes();
    Q_EMIT timeRangeChanged(range.lower, range.upper);
}

void TimelineView::resetZoom()
{
    const Scenario &s = mDocument->scenario();
    if (s.empty())
        return;
    setTimeRange(static_cast<double>(s.times.front()), static_cast<double>(s.times.back() + s.intervalSeconds));
}

void TimelineView::setTimeRange(double lower, double upper)
{
    mRects[IntensityPanel]->axis(QCPAxis::atBottom)->setRange(lower, upper);
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}


} // namespace cs
