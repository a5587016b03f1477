#include "paretoplot.h"

#include "policystyle.h"
#include "scenariodocument.h"
#include "unitformat.h"

#include "pareto_frontier.h"
#include "tradeoff_problem.h"

#include <QVBoxLayout>

#include <cmath>

namespace cs {

ParetoPlot::ParetoPlot(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), mDocument(document), mPlot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mPlot);
    mPlot->setToolTip(tr("Each policy's total CO₂ against its request-weighted error; lower-left is better. "
                         "Wheel: zoom, drag: pan"));
    mPlot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    mPlot->plotLayout()->insertRow(0);
    mPlot->plotLayout()->addElement(0, 0, new QCPTextElement(mPlot, tr("CO₂ against error (Pareto view)"),
                                                             QFont(font().family(), font().pointSize() + 1, QFont::Bold)));
    mPlot->yAxis->setLabel(tr("Request-weighted top-5 error (%)"));
    mPlot->legend->setVisible(true);
    mPlot->legend->setBrush(QColor(255, 255, 255, 220));
    mPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    connect(document, &ScenarioDocument::totalsChanged, this, &ParetoPlot::rebuildWhenVisible);
    rebuild();
}

void ParetoPlot::rebuildWhenVisible()
{
    if (isVisible())
        rebuild();
    else
        mDirty = true;
}

void ParetoPlot::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (mDirty)
        rebuild();
}

void ParetoPlot::rebuild()
{
    mDirty = false;
    mPlot->clearPlottables();
    mPlot->clearItems();
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
            curve->setPen(QPen(QColor(40, 40, 40), 1.5, Qt::DashDotLine));
            curve->setData(x, y);
            mFrontierPoints = static_cast<int>(points.size());
            if (!points.empty())
                mLeastError = QPointF(points.front().co2G, points.front().errorPct);
        } catch (const std::exception &) {
            // A pool the optimiser cannot take leaves the plot without a frontier; the points still show.
        }
    }
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const PolicyRun &run = runs[r];
        if (!run.ok())
            continue;
        auto *g = mPlot->addGraph();
        g->setName(QString::fromStdString(run.label));
        g->setLineStyle(QCPGraph::lsNone);
        const QColor c = policyColor(static_cast<int>(r));
        g->setScatterStyle(QCPScatterStyle(run.isSingleModel() ? QCPScatterStyle::ssCircle : QCPScatterStyle::ssDiamond,
                                           c.darker(140), c, run.isSingleModel() ? 9 : 13));
        const double x = run.rangeTotals.co2G / unit.grams;
        g->addData(x, run.rangeTotals.errorPct);
        g->removeFromLegend();
        auto *label = new QCPItemText(mPlot);
        label->position->setCoords(x, run.rangeTotals.errorPct);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setPadding(QMargins(9, 0, 0, 0));
        label->setText(QString::fromStdString(run.label) +
                       (run.spec == mDocument->policies().baseline ? tr(" (baseline)") : QString()));
        label->setColor(c.darker(160));
        label->setClipToAxisRect(false);
    }
    mPlot->legend->setVisible(mFrontierPoints > 0);
    const double spanX = std::max(1e-9, maxCo2 / unit.grams);
    const double spanY = std::max(1e-9, maxErr - minErr);
    mPlot->xAxis->setRange(0, spanX * 1.25); // room on the right for the labels
    mPlot->yAxis->setRange(std::max(0.0, minErr - spanY * 0.08), maxErr + spanY * 0.08);
    mPlot->replot();
}

} // namespace cs
