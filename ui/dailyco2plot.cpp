#include "dailyco2plot.h"

#include "policystyle.h"
#include "scenariodocument.h"
#include "unitformat.h"

#include <algorithm>
#include <cmath>

namespace cs {

namespace {

QString bucketWord(TimeBucket b)
{
    return b == TimeBucket::Day ? DailyCo2Plot::tr("day") : b == TimeBucket::Week ? DailyCo2Plot::tr("week")
                                                                                   : DailyCo2Plot::tr("month");
}

QString capitalised(QString word)
{
    if (!word.isEmpty())
        word[0] = word[0].toUpper();
    return word;
}

} // namespace

DailyCo2Plot::DailyCo2Plot(ScenarioDocument *document, QWidget *parent)
    : LazyPlot(document, tr("Daily CO₂: adaptive policies and baseline"), parent)
{
    // No zoom or pan of its own: the days shown are the timeline's, so the two never disagree.
    mPlot->setToolTip(tr("CO₂ per UTC day (per week or month when a long span is in view): the adaptive policies "
                         "and the baseline (hidden ones left out). Shows the days in view on the timeline; a period "
                         "selected there (Shift+drag) restricts the bars to it"));
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("d MMM"));
    ticker->setTickCount(6);
    mPlot->xAxis->setTicker(ticker);
    mPlot->yAxis->setNumberFormat(QStringLiteral("gb"));
    mPlot->legend->setVisible(true);
    mPlot->legend->setFont(QFont(font().family(), font().pointSize() - 1));
    mPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    rebuild();
}

void DailyCo2Plot::setHiddenPolicies(const QSet<QString> &hidden)
{
    mHidden = hidden;
    rebuildWhenVisible();
}

void DailyCo2Plot::setTimeRange(double lower, double upper)
{
    mTimeRange = std::make_pair(lower, upper);
    // A span that needs other buckets (days ↔ weeks ↔ months) rebuilds the bars; otherwise only the axes move.
    if (bucketForSpan(upper - lower) != mBucket) {
        rebuildWhenVisible();
        return;
    }
    applyTimeRange();
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

std::pair<double, double> DailyCo2Plot::visibleSpan() const
{
    if (mTimeRange)
        return *mTimeRange;
    const Scenario &s = mDocument->scenario();
    if (s.empty())
        return {0, 0};
    return {static_cast<double>(s.times.front()), static_cast<double>(s.times.back() + s.intervalSeconds)};
}

void DailyCo2Plot::applyTimeRange()
{
    const auto [lower, upper] = visibleSpan();
    if (upper <= lower)
        return;
    // Whole buckets: one the range only touches at its end (upper exactly at midnight) is not in view.
    const UtcSeconds from = bucketStart(mBucket, static_cast<UtcSeconds>(std::floor(lower)));
    UtcSeconds to = bucketEnd(mBucket, from);
    while (static_cast<double>(to) < upper)
        to = bucketEnd(mBucket, to);
    mPlot->xAxis->setRange(static_cast<double>(from), static_cast<double>(to));
    // The CO2 axis fits the buckets in view, with headroom for the legend.
    double top = 0;
    for (auto it = mBucketMax.lower_bound(from); it != mBucketMax.end() && it->first < to; ++it)
        top = std::max(top, it->second);
    mPlot->yAxis->setRange(0, std::max(1e-9, top * 1.35));
}

void DailyCo2Plot::rebuild()
{
    mPlot->clearPlottables();
    if (mPeriodMark) {
        mPlot->removeItem(mPeriodMark);
        mPeriodMark = nullptr;
    }
    mBucketMax.clear();
    const Scenario &s = mDocument->scenario();
    const auto &runs = mDocument->runs();
    const auto &period = mDocument->totalsRange();
    const auto [lower, upper] = visibleSpan();
    mBucket = bucketForSpan(upper - lower);
    const QString what = mBucket == TimeBucket::Day    ? tr("Daily CO₂")
                         : mBucket == TimeBucket::Week ? tr("Weekly CO₂")
                                                       : tr("Monthly CO₂");
    setTitle(period ? tr("%1 in the selected period: adaptive policies and baseline").arg(what)
                    : tr("%1: adaptive policies and baseline").arg(what));
    mPlot->xAxis->setLabel(mBucket == TimeBucket::Week ? tr("Week from Monday (UTC)")
                                                        : tr("%1 (UTC)").arg(capitalised(bucketWord(mBucket))));
    if (s.empty()) {
        finishRebuild();
        return;
    }
    // Sums per bucket and policy; the unit follows the largest bucket.
    std::vector<std::map<UtcSeconds, double>> sums(runs.size());
    double maxBucket = 0;
    int visible = 0;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        // Figure 3 compares the adaptive policies with the baseline; other single models would crowd the bars.
        const bool shown = !runs[r].isSingleModel() || runs[r].spec == mDocument->policies().baseline;
        if (!runs[r].ok() || !shown || mHidden.contains(QString::fromStdString(runs[r].spec)))
            continue;
        ++visible;
        const auto &co2 = runs[r].result.intervals.co2G;
        for (std::size_t i = 0; i < s.size() && i < co2.size(); ++i) {
            // As the totals: only intervals starting in the selected period count.
            if (period && (s.times[i] < period->first || s.times[i] >= period->second))
                continue;
            sums[r][bucketStart(mBucket, s.times[i])] += co2[i];
        }
        for (const auto &[start, g] : sums[r])
            maxBucket = std::max(maxBucket, g);
    }
    const MassUnit unit = massUnitFor(maxBucket);
    mPlot->yAxis->setLabel(tr("CO₂ per %1 (%2)").arg(bucketWord(mBucket), unit.symbol));

    auto *group = new QCPBarsGroup(mPlot);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(0);
    const double length = mBucket == TimeBucket::Day ? 86400.0 : mBucket == TimeBucket::Week ? 7 * 86400.0 : 30 * 86400.0;
    const double width = length * 0.8 / std::max(1, visible);
    const bool dark = darkTheme();
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (sums[r].empty())
            continue;
        auto *bars = new QCPBars(mPlot->xAxis, mPlot->yAxis);
        bars->setName(QString::fromStdString(runs[r].label));
        bars->setWidth(width);
        const QColor c = mDocument->policyStyle(runs[r].spec, dark).colour;
        bars->setPen(QPen(c.darker(130), 0.5));
        bars->setBrush(c);
        bars->setBarsGroup(group);
        QVector<double> keys, values;
        for (const auto &[start, g] : sums[r]) {
            keys << bucketMid(mBucket, start);
            values << g / unit.grams;
            mBucketMax[start] = std::max(mBucketMax[start], g / unit.grams);
        }
        bars->setData(keys, values, true);
    }
    if (period) {
        // The period shaded behind the bars, as on the timeline.
        mPeriodMark = new QCPItemRect(mPlot);
        mPeriodMark->setLayer(QStringLiteral("background"));
        mPeriodMark->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        mPeriodMark->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        mPeriodMark->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        mPeriodMark->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        mPeriodMark->topLeft->setCoords(static_cast<double>(period->first), 0);
        mPeriodMark->bottomRight->setCoords(static_cast<double>(period->second), 1);
        mPeriodMark->setPen(QPen(QColor(255, 160, 0, 200)));
        mPeriodMark->setBrush(QColor(255, 200, 0, 50));
    }
    applyTimeRange();
    finishRebuild();
}

} // namespace cs
