#include "sweepheatmap.h"

#include <cmath>

namespace cs {

namespace {

// Metrics with a sign (saved or not, quality gained or lost) get a diverging scale centred on 0.
bool hasSign(SweepMetric m)
{
    return m == SweepMetric::Co2SavedG || m == SweepMetric::Co2SavedPct || m == SweepMetric::Efficiency;
}

QString periodAxisLabel(SweepPeriod period)
{
    switch (period) {
    case SweepPeriod::Month: return SweepHeatMap::tr("Month (UTC)");
    case SweepPeriod::Quarter: return SweepHeatMap::tr("Quarter (UTC)");
    case SweepPeriod::Year: return SweepHeatMap::tr("Year (UTC)");
    }
    return SweepHeatMap::tr("Period (UTC)");
}

} // namespace

SweepHeatMap::SweepHeatMap(QWidget *parent)
    : QCustomPlot(parent)
{
    setMinimumSize(480, 260);
    plotLayout()->insertRow(0);
    mTitle = new QCPTextElement(this, QString(), QFont(font().family(), font().pointSize(), QFont::Bold));
    plotLayout()->addElement(0, 0, mTitle);
    mMap = new QCPColorMap(xAxis, yAxis);
    mMap->setInterpolate(false);
    mScale = new QCPColorScale(this);
    plotLayout()->addElement(1, 1, mScale);
    mScale->setType(QCPAxis::atRight);
    mMap->setColorScale(mScale);
    auto *group = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    mScale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    xAxis->setTickLabelRotation(60);
    yAxis->setRangeReversed(true); // the first series on top, as in the table
    connect(this, &QCustomPlot::mouseMove, this, &SweepHeatMap::onMouseMove);
    show(nullptr, mMetric, 0);
}

void SweepHeatMap::show(const SweepResult *result, SweepMetric metric, std::size_t policy)
{
    mResult = result;
    mMetric = metric;
    mPolicy = policy;
    const std::size_t series = result ? result->series.size() : 0, periods = result ? result->periods.size() : 0;
    const bool empty = !result || series == 0 || periods == 0 || policy >= result->policies.size();
    // Nothing to show yet: a hint instead of an empty map with meaningless axes.
    mMap->setVisible(!empty);
    mScale->setVisible(!empty);
    for (QCPAxis *axis : {xAxis, yAxis, xAxis2, yAxis2})
        axis->setVisible(!empty && (axis == xAxis || axis == yAxis)); // no frame or grid around nothing
    xAxis->setLabel(empty ? QString() : periodAxisLabel(result->period));
    yAxis->setLabel(empty ? QString() : tr("Series (carbon file: zone or region)"));
    if (empty) {
        mMap->data()->clear();
        mTitle->setText(QString()); // the Sweep tab's empty state over the map says what to do
        replot();
        return;
    }
    mMap->data()->setSize(static_cast<int>(periods), static_cast<int>(series));
    // Cell i centred on i. QCustomPlot reads a dimension of one cell's range as that cell's extent: a range of
    // (0, 0) there drew nothing at all (one zone, or one period: a blank map).
    const auto centres = [](std::size_t n) {
        return n > 1 ? QCPRange(0, static_cast<double>(n) - 1) : QCPRange(-0.5, 0.5);
    };
    mMap->data()->setRange(centres(periods), centres(series));
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t s = 0; s < series; ++s)
        for (std::size_t q = 0; q < periods; ++q) {
            const double v = shownValue(s, q);
            mMap->data()->setCell(static_cast<int>(q), static_cast<int>(s), v);
            if (!std::isnan(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    QCPColorGradient gradient(hasSign(metric) ? QCPColorGradient::gpPolar : QCPColorGradient::gpThermal);
    // Blank cells in grey: thermal's top is white, so a transparent blank would read as the largest value.
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(200, 200, 200));
    mMap->setGradient(gradient);
    if (lo > hi)
        lo = hi = 0;
    if (hasSign(metric)) {
        const double m = std::max({std::abs(lo), std::abs(hi), 1e-300});
        mMap->setDataRange(QCPRange(-m, m));
    } else {
        // Values equal but for rounding (every cell the same regret) would make a range QCustomPlot cannot colour:
        // the cells came out in the blank cells' grey. Widen it around the value: they take the scale's middle.
        const double spread = std::max(1.0, std::abs(hi)) * 1e-9;
        if (hi - lo <= spread) {
            const double pad = std::max(1.0, std::abs(hi)) * 0.01;
            lo -= pad;
            hi += pad;
        }
        mMap->setDataRange(QCPRange(lo, hi));
    }
    mScale->axis()->setLabel(QString::fromStdString(sweepMetricLabel(metric)));
    mTitle->setText(tr("%1 — %2 vs %3")
                        .arg(QString::fromStdString(result->policies[policy]),
                             QString::fromStdString(sweepMetricLabel(metric)),
                             QString::fromStdString(result->baseline)));

    auto xTicks = QSharedPointer<QCPAxisTickerText>::create();
    const std::size_t every = std::max<std::size_t>(1, periods / 24); // at most ~24 labels across
    for (std::size_t q = 0; q < periods; q += every)
        xTicks->addTick(static_cast<double>(q), QString::fromStdString(result->periods[q].label));
    xAxis->setTicker(xTicks);
    auto yTicks = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t s = 0; s < series; ++s)
        yTicks->addTick(static_cast<double>(s), QString::fromStdString(result->series[s]));
    yAxis->setTicker(yTicks);
    xAxis->setRange(-0.5, static_cast<double>(periods) - 0.5);
    yAxis->setRange(-0.5, static_cast<double>(series) - 0.5);
    replot();
}

double SweepHeatMap::shownValue(std::size_t s, std::size_t q) const
{
    if (!mResult || s >= mResult->series.size() || q >= mResult->periods.size())
        return NAN;
    if (mResult->cell(s, q).intervals == 0)
        return NAN;
    return mResult->metric(mMetric, s, q, mPolicy);
}

QString SweepHeatMap::cellText(std::size_t s, std::size_t q) const
{
    if (!mResult || s >= mResult->series.size() || q >= mResult->periods.size())
        return QString();
    const double v = shownValue(s, q);
    const QString value = std::isnan(v) ? tr("no value") : QString::number(v, 'g', 6);
    return tr("%1, %2: %3 = %4")
        .arg(QString::fromStdString(mResult->series[s]), QString::fromStdString(mResult->periods[q].label),
             QString::fromStdString(sweepMetricLabel(mMetric)), value);
}

void SweepHeatMap::onMouseMove(QMouseEvent *event)
{
    const double x = xAxis->pixelToCoord(event->position().x()), y = yAxis->pixelToCoord(event->position().y());
    const long q = std::lround(x), s = std::lround(y);
    if (!mResult || q < 0 || s < 0)
        return;
    Q_EMIT hovered(cellText(static_cast<std::size_t>(s), static_cast<std::size_t>(q)));
}

} // namespace cs
