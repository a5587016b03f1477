#include "dailyco2plot.h"

#include "policystyle.h"
#include "scenariodocument.h"
#include "unitformat.h"

#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace cs {

DailyCo2Plot::DailyCo2Plot(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), mDocument(document), mPlot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mPlot);
    // No zoom or pan of its own: the days shown are the timeline's, so the two never disagree.
    mPlot->setToolTip(tr("CO₂ per UTC day: the adaptive policies and the baseline (hidden ones left out). "
                         "Shows the days in view on the timeline; a period selected there (Shift+drag) "
                         "restricts the bars to it"));
    mPlot->plotLayout()->insertRow(0);
    mTitle = new QCPTextElement(mPlot, tr("Daily CO₂: adaptive policies and baseline"),
                                QFont(font().family(), font().pointSize() + 1, QFont::Bold));
    mPlot->plotLayout()->addElement(0, 0, mTitle);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::UTC);
    ticker->setDateTimeFormat(QStringLiteral("d MMM"));
    ticker->setTickCount(6);
    mPlot->xAxis->setTicker(ticker);
    mPlot->xAxis->setLabel(tr("Day (UTC)"));
    mPlot->yAxis->setNumberFormat(QStringLiteral("gb"));
    mPlot->legend->setVisible(true);
    mPlot->legend->setFont(QFont(font().family(), font().pointSize() - 1));
    mPlot->legend->setBrush(QColor(255, 255, 255, 210));
    mPlot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    // totalsChanged follows every resultsChanged and also a period selected or cleared.
    connect(mDocument, &ScenarioDocument::totalsChanged, this, &DailyCo2Plot::rebuildWhenVisible);
    rebuild();
}

void DailyCo2Plot::setHiddenPolicies(const QSet<QString> &hidden)
{
    mHidden = hidden;
    rebuild();
}

void DailyCo2Plot::setTimeRange(double lower, double upper)
{
    mTimeRange = std::make_pair(lower, upper);
    applyTimeRange();
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

void DailyCo2Plot::applyTimeRange()
{
    const Scenario &s = mDocument->scenario();
    double lower = 0, upper = 0;
    if (mTimeRange) {
        std::tie(lower, upper) = *mTimeRange;
    } else if (!s.empty()) {
        lower = static_cast<double>(s.times.front());
        upper = static_cast<double>(s.times.back() + s.intervalSeconds);
    } else {
        return;
    }
    // Whole UTC days: a day the range only touches at its end (upper exactly at midnight) is not in view.
    const double from = std::floor(lower / 86400.0) * 86400.0;
    const double to = std::max(from + 86400.0, std::ceil(upper / 86400.0) * 86400.0);
    mPlot->xAxis->setRange(from, to);
}

void DailyCo2Plot::rebuildWhenVisible()
{
    if (isVisible())
        rebuild();
    else
        mDirty = true;
}

void DailyCo2Plot::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (mDirty)
        rebuild();
}

void DailyCo2Plot::rebuild()
{
    mDirty = false;
    mPlot->clearPlottables();
    if (mPeriodMark) {
        mPlot->removeItem(mPeriodMark);
        mPeriodMark = nullptr;
    }
    const Scenario &s = mDocument->scenario();
    const auto &runs = mDocument->runs();
    const auto &period = mDocument->totalsRange();
    mTitle->setText(period ? tr("Daily CO₂ in the selected period: adaptive policies and baseline")
                           : tr("Daily CO₂: adaptive policies and baseline"));
    if (s.empty()) {
        mPlot->replot();
        return;
    }
    // Daily sums per policy; the unit follows the largest day.
    std::vector<std::map<UtcSeconds, double>> daily(runs.size());
    double maxDay = 0;
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
            daily[r][utcDayStart(s.times[i])] += co2[i];
        }
        for (const auto &[day, g] : daily[r])
            maxDay = std::max(maxDay, g);
    }
    const MassUnit unit = massUnitFor(maxDay);
    mPlot->yAxis->setLabel(tr("CO₂ per day (%1)").arg(unit.symbol));

    auto *group = new QCPBarsGroup(mPlot);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(0);
    const double width = 86400.0 * 0.8 / std::max(1, visible);
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (daily[r].empty())
            continue;
        auto *bars = new QCPBars(mPlot->xAxis, mPlot->yAxis);
        bars->setName(QString::fromStdString(runs[r].label));
        bars->setWidth(width);
        const QColor c = policyColor(static_cast<int>(r));
        bars->setPen(QPen(c.darker(130), 0.5));
        bars->setBrush(c);
        bars->setBarsGroup(group);
        QVector<double> keys, values;
        for (const auto &[day, g] : daily[r]) {
            keys << static_cast<double>(day) + 43200.0; // centred on the day
            values << g / unit.grams;
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
    mPlot->yAxis->setRange(0, std::max(1e-9, maxDay / unit.grams * 1.35)); // headroom for the legend
    applyTimeRange();
    mPlot->replot();
}

} // namespace cs
