#include "paretoplot.h"

#include "labellayout.h"
#include "plottheme.h"
#include "policystyle.h"
#include "scenariodocument.h"
#include "unitformat.h"

#include "pareto_frontier.h"
#include "tradeoff_problem.h"

#include <cmath>

namespace cs {

ParetoPlot::ParetoPlot(ScenarioDocument *document, QWidget *parent)
    : LazyPlot(document, tr("CO₂ against error (Pareto view)"), parent)
{
    mPlot->setToolTip(tr("Each policy's total CO₂ against its request-weighted error; lower-left is better. "
                         "Wheel: zoom, drag: pan"));
    mPlot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    mPlot->yAxis->setLabel(tr("Request-weighted top-5 error (%)"));
    mPlot->legend->setVisible(true);
    // Labels and the legend are placed for the size actually drawn: the screen's, or an export's.
    connect(mPlot, &QCustomPlot::afterLayout, this, &ParetoPlot::layoutOverlays);
    rebuild();
}

void ParetoPlot::rebuild()
{
    mPlot->clearPlottables();
    mPlot->clearItems();
    mPoints.clear();
    mLabelRects.clear();
    const bool dark = darkTheme();
    const auto &runs = mDocument->runs();
    double maxCo2 = 0, minErr = 1e300, maxErr = 0;
    for (const PolicyRun &run : runs) {
        if (!run.ok())
            continue;
        maxCo2 = std::max(maxCo2, run.rangeTotals.co2G);
        minErr = std::min(minErr, run.rangeTotals.errorPct);
        maxErr = std::max(maxErr, run.rangeTotals.errorPct);
    }
    const MassUnit unit = massUnitFor(maxCo2);
    mPlot->xAxis->setLabel(tr("Total CO₂ (%1)%2").arg(unit.symbol, mDocument->totalsRange() ? tr(", selected period")
                                                                                            : QString()));
    mFrontierPoints = 0;
    mLeastError = QPointF();
    // The frontier describes the same intervals as the points: the selected period's when there is one (the
    // slice, problem and frontier live together in this scope; the frontier keeps a reference to the problem).
    const auto &period = mDocument->totalsRange();
    const Scenario sliced = period ? sliceScenario(mDocument->scenario(), period->first, period->second) : Scenario{};
    const Scenario &scenario = period ? sliced : mDocument->scenario();
    if (!scenario.empty()) {
        try {
            const TradeoffProblem problem(scenario, mDocument->pool());
            const ParetoFrontier frontier(problem);
            const std::vector<FrontierPoint> points = frontier.points(200, false);
            QVector<double> x, y;
            for (const FrontierPoint &p : points) {
                x << p.co2G / unit.grams;
                y << p.errorPct;
                maxCo2 = std::max(maxCo2, p.co2G);
                minErr = std::min(minErr, p.errorPct);
                maxErr = std::max(maxErr, p.errorPct);
            }
            auto *curve = new QCPCurve(mPlot->xAxis, mPlot->yAxis);
            curve->setName(period ? tr("Exact frontier of the selected period (hindsight optimum, split allowed)")
                                  : tr("Exact frontier (hindsight optimum, split allowed)"));
            curve->setPen(QPen(dark ? QColor(210, 210, 210) : QColor(40, 40, 40), 1.5, Qt::DashDotLine));
            curve->setData(x, y);
            mFrontierPoints = static_cast<int>(points.size());
            if (!points.empty())
                mLeastError = QPointF(points.front().co2G, points.front().errorPct);
        } catch (const std::exception &) {
            // A pool the optimiser cannot take leaves the plot without a frontier; the points still show.
        }
    }
    for (const PolicyRun &run : runs) {
        if (!run.ok())
            continue;
        const PolicyStyle style = mDocument->policyStyle(run.spec, dark);
        const QColor c = style.colour;
        auto *g = mPlot->addGraph();
        g->setName(QString::fromStdString(run.label));
        g->setLineStyle(QCPGraph::lsNone);
        // Beyond the palette's eight, the policy's own marker tells two of one colour apart.
        const auto shape = style.marker != QCPScatterStyle::ssNone ? style.marker
                           : run.isSingleModel()                   ? QCPScatterStyle::ssCircle
                                                                   : QCPScatterStyle::ssDiamond;
        g->setScatterStyle(QCPScatterStyle(shape, c.darker(140), c, run.isSingleModel() ? 9 : 13));
        g->addData(run.rangeTotals.co2G / unit.grams, run.rangeTotals.errorPct);
        g->removeFromLegend();
        auto *label = new QCPItemText(mPlot);
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setText(QString::fromStdString(run.label) +
                       (run.spec == mDocument->policies().baseline ? tr(" (baseline)") : QString()));
        label->setColor(dark ? c.lighter(130) : c.darker(160));
        label->setClipToAxisRect(true);
        mPoints.push_back({g, label});
    }
    mPlot->legend->setVisible(mFrontierPoints > 0);
    const double spanX = std::max(1e-9, maxCo2 / unit.grams);
    const double spanY = std::max(1e-9, maxErr - minErr);
    mPlot->xAxis->setRange(0, spanX * 1.25); // room on the right for the labels
    mPlot->yAxis->setRange(std::max(0.0, minErr - spanY * 0.12), maxErr + spanY * 0.12);
    finishRebuild();
}

std::vector<QPointF> ParetoPlot::pointPixels() const
{
    std::vector<QPointF> out;
    for (const Point &p : mPoints) {
        const auto it = p.graph->data()->constBegin();
        if (it != p.graph->data()->constEnd())
            out.emplace_back(mPlot->xAxis->coordToPixel(it->key), mPlot->yAxis->coordToPixel(it->value));
    }
    return out;
}

void ParetoPlot::layoutOverlays()
{
    if (mLayingOut || mPoints.empty())
        return;
    mLayingOut = true;
    const QRectF area = mPlot->axisRect()->rect();
    std::vector<QPointF> pixels = pointPixels();
    std::vector<QRectF> obstacles;
    if (mPlot->legend->visible()) {
        // The legend goes to a corner free of points; where none is, the error axis grows at the top to make one.
        const QSizeF size = mPlot->legend->minimumOuterSizeHint();
        int corner = freeCorner(area, size, pixels);
        if (corner < 0 && area.height() > size.height() + 40) {
            QCPRange y = mPlot->yAxis->range();
            const double fraction = (size.height() + 20) / area.height();
            y.upper += (y.upper - y.lower) * fraction / (1 - fraction);
            mPlot->yAxis->setRange(y);
            pixels = pointPixels();
            corner = 0;
        }
        corner = std::max(corner, 0);
        static constexpr Qt::Alignment corners[] = {Qt::AlignTop | Qt::AlignRight, Qt::AlignTop | Qt::AlignLeft,
                                                    Qt::AlignBottom | Qt::AlignRight,
                                                    Qt::AlignBottom | Qt::AlignLeft};
        mPlot->axisRect()->insetLayout()->setInsetAlignment(0, corners[corner]);
        obstacles.push_back(cornerRect(area, size, corner));
    }
    std::vector<LabelRequest> requests;
    for (std::size_t i = 0; i < mPoints.size() && i < pixels.size(); ++i) {
        const QFontMetricsF metrics(mPoints[i].label->font());
        const QSizeF size = metrics.size(0, mPoints[i].label->text()) + QSizeF(2, 2);
        requests.push_back({pixels[i], size});
    }
    mLabelRects = layoutLabels(requests, obstacles, area);
    for (std::size_t i = 0; i < mLabelRects.size(); ++i)
        mPoints[i].label->position->setPixelPosition(mLabelRects[i].topLeft() + QPointF(1, 1));
    mLayingOut = false;
}

} // namespace cs
