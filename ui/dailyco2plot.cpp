#include "dailyco2plot.h"

#include "policystyle.h"
#include "scenariodocument.h"
#include "unitformat.h"

#include <QVBoxLayout>

#include <map>

namespace cs {

DailyCo2Plot::DailyCo2Plot(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), mDocument(document), mPlot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mPlot);
    mPlot->setToolTip(tr("CO₂ per UTC day: the adaptive policies and the baseline (hidden ones left out). Wheel: zoom, drag: pan"));
    mPlot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    mPlot->axisRect()->setRangeDrag(Qt::Horizontal);
    mPlot->axisRect()->setRangeZoom(Qt::Horizontal);
    mPlot->plotLayout()->insertRow(0);
    mPlot->plotLayout()->addElement(0, 0, new QCPTextElement(mPlot, tr("Daily CO₂: adaptive policies and baseline"),
                                                             QFont(font().family(), font().pointSize() + 1, QFont::Bold)));
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
    connect(mDocument, &ScenarioDocument::resultsChanged, this, &DailyCo2Plot::rebuildWhenVisible);
    rebuild();
}

void DailyCo2Plot::setHiddenPolicies(const QSet<QString> &hidden)
{
    mHidden = hidden;
    rebuild();
}

void DailyCo2Plot::setTimeRange(double lower, double upper)
{
    mPlot->xAxis->setRange(lower, upper);
    mPlot->replot(QCustomPlot::rpQueuedReplot);
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
    const Scenario &s = mDocument->scenario();
    const auto &runs = mDocument->runs();
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
        for (std::size_t i = 0; i < s.size() && i < co2.size(); ++i)
            daily[r][utcDayStart(s.times[i])] += co2[i];
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
    mPlot->yAxis->setRange(0, std::max(1e-9, maxDay / unit.grams * 1.35)); // headroom for the legend
    mPlot->xAxis->setRange(static_cast<double>(utcDayStart(s.times.front())),
                           static_cast<double>(utcDayStart(s.times.back()) + 86400));
    mPlot->replot();
}

} // namespace cs
