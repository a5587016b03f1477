#include "liveplot.h"

#include "qcp.h"

#include <QVBoxLayout>

namespace cs {

LivePlot::LivePlot(QWidget *parent)
    : QWidget(parent)
    , mPlot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mPlot);
    setMinimumHeight(240);

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("dd MMM\nHH:mm"));
    ticker->setDateTimeSpec(Qt::UTC);
    mPlot->xAxis->setTicker(ticker);
    mPlot->yAxis->setLabel(tr("cumulative CO₂ (g)"));
    mPlot->yAxis2->setLabel(tr("intensity (gCO₂/kWh)"));
    mPlot->yAxis2->setVisible(true);

    mMeasuredGraph = mPlot->addGraph();
    mMeasuredGraph->setName(tr("measured"));
    mMeasuredGraph->setPen(QPen(QColor(0xd6, 0x27, 0x28), 2));
    mPredictedGraph = mPlot->addGraph();
    mPredictedGraph->setName(tr("predicted by the simulation"));
    mPredictedGraph->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2, Qt::DashLine));
    mIntensityGraph = mPlot->addGraph(mPlot->xAxis, mPlot->yAxis2);
    mIntensityGraph->setName(tr("carbon intensity"));
    mIntensityGraph->setPen(QPen(QColor(0x7f, 0x7f, 0x7f)));
    mIntensityGraph->setLineStyle(QCPGraph::lsStepLeft);
    mPlot->legend->setVisible(true);
    mPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    mPlaceholder = new QCPItemText(mPlot);
    mPlaceholder->setClipToAxisRect(false);
    mPlaceholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    mPlaceholder->position->setCoords(0.5, 0.5);
    mPlaceholder->setPositionAlignment(Qt::AlignCenter);
    mPlaceholder->setText(tr("Start a session or open a recorded one"));
    mPlaceholder->setColor(palette().color(QPalette::PlaceholderText));
    QFont font = mPlaceholder->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    mPlaceholder->setFont(font);
    setEmpty(true);
}

void LivePlot::setEmpty(bool empty)
{
    for (QCPAxis *axis : {mPlot->xAxis, mPlot->yAxis, mPlot->yAxis2}) {
        axis->setTickLabels(!empty);
        axis->setTicks(!empty);
        axis->grid()->setVisible(!empty);
    }
    mPlot->legend->setVisible(!empty);
    mPlaceholder->setVisible(empty);
}

void LivePlot::clear()
{
    for (QCPGraph *g : {mMeasuredGraph, mPredictedGraph, mIntensityGraph})
        g->data()->clear();
    mTotals = {};
    setEmpty(true);
    mPlot->replot();
}

void LivePlot::append(const LiveInterval &row)
{
    const double t = static_cast<double>(row.time);
    mTotals.add(row);
    if (row.co2G)
        mMeasuredGraph->addData(t, mTotals.measuredCo2G);
    if (row.predictedCo2G)
        mPredictedGraph->addData(t, mTotals.predictedCo2G);
    mIntensityGraph->addData(t, row.intensity);
    if (mTotals.intervals == 1)
        setEmpty(false);
    mPlot->rescaleAxes();
    mPlot->yAxis->setRangeLower(0);
    mPlot->yAxis2->setRangeLower(0);
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace cs
