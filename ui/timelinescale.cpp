#include "timelineview.h"

#include "timelineseries.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <limits>

// What the Timeline draws for the span in view: the envelope level of each series, markers every ~30 px, value
// axes fitted to the visible data, and as many model names as the "Model chosen" panel has room for.

namespace cs {

double roundUp(double value)
{
    // The least of 1, 1.1, 1.2, ... 9, 10 times a power of ten that is at least `value` (> 0).
    static constexpr double Mantissas[] = {1, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2, 2.2, 2.5, 2.8, 3,
                                           3.5, 4, 4.5, 5, 6, 7, 8, 9, 10};
    const double power = std::pow(10.0, std::floor(std::log10(value)));
    for (double m : Mantissas)
        if (m * power >= value * (1 - 1e-12))
            return m * power;
    return 10 * power;
}

void TimelineView::setSampling(Sampling sampling)
{
    mSampling = sampling;
    for (Series &series : mSeries) {
        series.graph->setAdaptiveSampling(sampling != Sampling::None);
        if (sampling != Sampling::Envelope)
            series.graph->setData(series.data.full());
    }
    updateLevels();
}

void TimelineView::updateLevels()
{
    if (mSampling != Sampling::Envelope)
        return;
    for (Series &series : mSeries) {
        const QCPRange range = series.graph->keyAxis()->range();
        const int pixels = series.graph->keyAxis()->axisRect()->width();
        const auto level = series.data.levelFor(range.lower, range.upper, pixels);
        if (series.graph->data() != level)
            series.graph->setData(level);
        if (series.marked) {
            // A marker about every 30 px, whatever the level: skip the points between.
            const auto begin = level->findBegin(range.lower), end = level->findEnd(range.upper);
            const auto inView = static_cast<double>(end - begin);
            series.graph->setScatterSkip(static_cast<int>(inView * 30 / std::max(1, pixels)));
        }
    }
}

void TimelineView::fitValueAxes()
{
    const QCPRange range = timeRange();
    std::array<double, PanelCount> top{}, bottom{};
    std::array<bool, PanelCount> found{};
    bottom.fill(std::numeric_limits<double>::infinity());
    for (const Series &series : mSeries) {
        if (!series.graph->visible())
            continue;
        double lo = 0, hi = 0;
        // Teaching mode fits the CO2 axis to what has been revealed, so the race stays readable.
        double upper = range.upper;
        if (mTeaching && series.graph->valueAxis() == mRects[CumulativePanel]->axis(QCPAxis::atLeft))
            upper = std::min(upper, mCurtains[1]->topLeft->coords().x());
        if (!visibleValueRange(*series.graph->data(), range.lower, upper, series.step, &lo, &hi))
            continue;
        for (int p = 0; p < PanelCount; ++p) {
            if (series.graph->valueAxis() == mRects[p]->axis(QCPAxis::atLeft)) {
                top[p] = std::max(found[p] ? top[p] : hi, hi);
                bottom[p] = std::min(bottom[p], lo);
                found[p] = true;
            }
        }
    }
    // About a tick per 28 px of panel (a tick label is ~14 px high), so a low panel's labels do not touch.
    for (Panel p : {IntensityPanel, RequestsPanel, CumulativePanel})
        mRects[p]->axis(QCPAxis::atLeft)->ticker()->setTickCount(std::max(2, mRects[p]->height() / 28));
    // Intensity and requests from zero (a bar-like reading), CO2 so far over the span it covers in view. The
    // bounds are rounded to round numbers, so a pan changes them (and their tick labels) only now and then.
    for (Panel p : {IntensityPanel, RequestsPanel})
        if (found[p])
            mRects[p]->axis(QCPAxis::atLeft)->setRange(0, roundUp(std::max(1e-9, top[p] * 1.08)));
    if (found[CumulativePanel]) {
        const double pad = std::max(1e-9, (top[CumulativePanel] - bottom[CumulativePanel]) * 0.05);
        const double step = roundUp(std::max(1e-9, top[CumulativePanel] - bottom[CumulativePanel]) / 20);
        mRects[CumulativePanel]->axis(QCPAxis::atLeft)->setRange(
            std::max(0.0, std::floor((bottom[CumulativePanel] - pad) / step) * step),
            std::ceil((top[CumulativePanel] + pad) / step) * step);
    }
}

void TimelineView::fitModelTicks()
{
    updateModelMode(); // the panel's width decides too, known only once laid out
    QCPAxis *axis = mRects[ModelPanel]->axis(QCPAxis::atLeft);
    if (mShares->isShown()) {
        bool relayout = false;
        const double upper = mShares->fitHeadroom(axis->tickLabelFont(), &relayout);
        if (std::abs(axis->range().upper - upper) > 1e-6 * upper)
            axis->setRange(0, upper); // drawn in this same replot: the layout comes before the drawing
        if (relayout)
            mPlot->replot(QCustomPlot::rpQueuedReplot);
    }
    if (!mModelTicker || mModelNames.empty())
        return;
    // The names a size smaller than the other axes' text where that lets every model be named (a 4-model pool
    // on a 768 px screen), never under 7 pt; then every k-th name, k as small as lets them stand a line apart.
    const double perModel = mRects[ModelPanel]->height() / static_cast<double>(mModelNames.size());
    const QFont base = mRects[IntensityPanel]->axis(QCPAxis::atLeft)->tickLabelFont();
    QFont font = base;
    if (QFontMetricsF(base).height() * 1.05 > perModel && base.pointSizeF() > 0)
        font.setPointSizeF(std::max(7.0, base.pointSizeF() - 1.5));
    if (axis->tickLabelFont() != font) {
        axis->setTickLabelFont(font);
        mModelTickStep = 0;
        mPlot->replot(QCustomPlot::rpQueuedReplot); // the axis's width follows its font
    }
    const double line = QFontMetricsF(font).height();
    const int step = std::max(1, static_cast<int>(std::ceil(line * 1.05 / std::max(1.0, perModel))));
    if (step == mModelTickStep)
        return;
    mModelTickStep = step;
    mModelTicker->clear();
    for (std::size_t r = 0; r < mModelNames.size(); r += static_cast<std::size_t>(step))
        mModelTicker->addTick(static_cast<double>(r), mModelNames[r]);
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace cs
