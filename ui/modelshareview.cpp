#include "modelshareview.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace cs {

namespace {

constexpr double Day = 86400;

// A bar a little narrower than its bucket, so neighbours stand apart (months: the shortest month's width).
double barWidth(TimeBucket bucket)
{
    switch (bucket) {
    case TimeBucket::Day: return 0.8 * Day;
    case TimeBucket::Week: return 0.85 * 7 * Day;
    case TimeBucket::Month: return 0.85 * 28 * Day;
    }
    return Day;
}

QString bucketWord(TimeBucket bucket)
{
    switch (bucket) {
    case TimeBucket::Day: return QCoreApplication::translate("ModelShareView", "day");
    case TimeBucket::Week: return QCoreApplication::translate("ModelShareView", "ISO week");
    case TimeBucket::Month: return QCoreApplication::translate("ModelShareView", "month");
    }
    return {};
}

} // namespace

ModelShareView::ModelShareView(QCustomPlot *plot, QCPAxisRect *rect)
    : mPlot(plot), mRect(rect), mLegend(new QCPLegend), mTitle(new QCPItemText(plot)),
      mTicker(QSharedPointer<QCPAxisTickerText>::create())
{
    mTicker->addTick(0, QStringLiteral("0"));
    mTicker->addTick(50, QStringLiteral("50"));
    mTicker->addTick(100, QStringLiteral("100"));
    rect->insetLayout()->addElement(mLegend, Qt::AlignTop | Qt::AlignRight);
    mLegend->setLayer(QStringLiteral("legend"));
    mLegend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    mLegend->setIconSize(14, 9);
    mLegend->setRowSpacing(0);
    mLegend->setColumnSpacing(6);
    mLegend->setMargins(QMargins(3, 1, 3, 1));
    mLegend->setSelectableParts(QCPLegend::spNone);
    mLegend->setVisible(false);
    mTitle->setClipToAxisRect(false);
    mTitle->position->setAxisRect(rect);
    mTitle->position->setType(QCPItemPosition::ptAxisRectRatio);
    mTitle->position->setCoords(0, 0);
    mTitle->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    mTitle->setPadding(QMargins(4, 1, 4, 1));
    mTitle->setLayer(QStringLiteral("legend"));
    mTitle->setVisible(false);
}

void ModelShareView::clear()
{
    mLegend->clearItems();
    for (QCPBars *bars : mBars)
        mPlot->removePlottable(bars);
    mBars.clear();
    mPolicySpec.clear();
    for (auto &sets : mData)
        sets.clear();
    mShown = false;
    mLegend->setVisible(false);
    mTitle->setVisible(false);
}

void ModelShareView::setPolicy(const Scenario &s, const std::vector<int> &choices, const std::vector<int> &rankOf,
                               const std::vector<QString> &namesByRank, const std::string &spec,
                               const QString &policyLabel, bool dark)
{
    clear();
    mPolicySpec = spec;
    mPolicyLabel = policyLabel;
    const int count = static_cast<int>(namesByRank.size());
    for (TimeBucket bucket : {TimeBucket::Day, TimeBucket::Week, TimeBucket::Month}) {
        const ModelShares shares = modelShares(s, choices, rankOf, bucket);
        auto &sets = mData[static_cast<std::size_t>(bucket)];
        for (int r = 0; r < count; ++r) {
            auto data = QSharedPointer<QCPBarsDataContainer>::create();
            QVector<QCPBarsData> points;
            points.reserve(static_cast<qsizetype>(shares.starts.size()));
            for (std::size_t b = 0; b < shares.starts.size(); ++b) {
                points.append(QCPBarsData(bucketMid(bucket, shares.starts[b]),
                                          shares.percent[static_cast<std::size_t>(r)][b]));
            }
            data->set(points, true);
            sets.push_back(data);
        }
    }
    QCPAxis *x = mRect->axis(QCPAxis::atBottom), *y = mRect->axis(QCPAxis::atLeft);
    for (int r = 0; r < count; ++r) {
        auto *bars = new QCPBars(x, y);
        bars->setName(namesByRank[static_cast<std::size_t>(r)]);
        bars->setPen(Qt::NoPen);
        bars->setBrush(modelColour(r, count, dark));
        bars->setWidthType(QCPBars::wtPlotCoords);
        bars->setStackingGap(0);
        if (!mBars.empty())
            bars->moveAbove(mBars.back()); // the costliest model on top, as the step lines rank them
        bars->setVisible(false);
        mLegend->addItem(new QCPPlottableLegendItem(mLegend, bars));
        mBars.push_back(bars);
    }
}

void ModelShareView::show(bool on, double spanSeconds)
{
    on = on && hasPolicy();
    const TimeBucket bucket = shareBucketForSpan(spanSeconds);
    if (on && (!mShown || bucket != mBucket)) {
        const auto &sets = mData[static_cast<std::size_t>(bucket)];
        for (std::size_t r = 0; r < mBars.size(); ++r) {
            mBars[r]->setData(sets[r]);
            mBars[r]->setWidth(barWidth(bucket));
        }
        mBucket = bucket;
        mTitle->setText(title());
    }
    if (on == mShown)
        return;
    mShown = on;
    for (QCPBars *bars : mBars)
        bars->setVisible(on);
    mLegend->setVisible(on);
    mTitle->setVisible(on);
}

QString ModelShareView::title() const
{
    return QCoreApplication::translate("ModelShareView", "%1: requests served by each model, per %2")
        .arg(mPolicyLabel, bucketWord(mBucket));
}

QString ModelShareView::readoutAt(double t) const
{
    if (!mShown || mBars.empty() || !std::isfinite(t))
        return {};
    const UtcSeconds start = bucketStart(mBucket, static_cast<UtcSeconds>(std::floor(t)));
    const double mid = bucketMid(mBucket, start);
    QStringList parts;
    for (QCPBars *bars : mBars) {
        const auto it = bars->data()->findBegin(mid, false);
        if (it == bars->data()->constEnd() || it->key != mid)
            return {};
        if (it->value > 0)
            parts << QStringLiteral("%1 %2 %").arg(bars->name()).arg(it->value, 0, 'f', 1);
    }
    const QString from = QDateTime::fromSecsSinceEpoch(start, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
    return QCoreApplication::translate("ModelShareView", "%1, %2 from %3: %4")
        .arg(mPolicyLabel, bucketWord(mBucket), from,
             parts.isEmpty() ? QCoreApplication::translate("ModelShareView", "no requests served")
                             : parts.join(QStringLiteral(", ")));
}

double ModelShareView::fitHeadroom(const QFont &font, bool *relayout)
{
    *relayout = false;
    if (mLegend->font() != font) {
        mLegend->setFont(font); // and every item's (QCPLegend passes over a wrapped legend's empty cells)
        mTitle->setFont(font);
        *relayout = true;
    }
    mTitle->setColor(mRect->axis(QCPAxis::atLeft)->tickLabelColor());
    mLegend->setTextColor(mTitle->color());
    // As few legend rows as fit beside the title.
    const QFontMetricsF metrics(font);
    const double room = mRect->width() - metrics.horizontalAdvance(mTitle->text()) - 16;
    const int count = std::max(1, static_cast<int>(mBars.size())); // the entries; itemCount() holds empty cells
    int columns = count;
    for (; columns > 1; --columns) {
        double width = mLegend->margins().left() + mLegend->margins().right();
        for (int c = 0; c < columns; ++c) {
            double widest = 0; // the widest name in column c
            for (int j = c; j < static_cast<int>(mBars.size()); j += columns)
                widest = std::max(widest, metrics.horizontalAdvance(mBars[static_cast<std::size_t>(j)]->name()));
            width += mLegend->iconSize().width() + mLegend->iconTextPadding() + widest + mLegend->columnSpacing();
        }
        if (width <= room)
            break;
    }
    if (mLegend->wrap() != columns) {
        mLegend->setWrap(columns);
        mLegend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true); // re-flows the entries into the new rows
        *relayout = true;
    }
    const int rows = (count + columns - 1) / columns;
    const double band = std::max(rows, 1) * (std::max<double>(metrics.height(), mLegend->iconSize().height()) + 2) + 4;
    const double height = std::max(1, mRect->height());
    // 100 % sits `band` px below the top; never less than 40 % of the panel for the bars.
    return 100.0 * height / std::max(height - band, 0.4 * height);
}

QColor ModelShareView::modelColour(int rank, int count, bool dark)
{
    // viridis (matplotlib, van der Walt & Smith) at nine stops, interpolated linearly.
    static const QColor Stops[] = {QColor(0x440154), QColor(0x472d7b), QColor(0x3b528b), QColor(0x2c728e),
                                   QColor(0x21918c), QColor(0x28ae80), QColor(0x5ec962), QColor(0xaddc30),
                                   QColor(0xfde725)};
    const double lo = dark ? 0.2 : 0.0, hi = dark ? 1.0 : 0.9; // yellow is weak on white, purple on black
    const double t = lo + (hi - lo) * (count > 1 ? rank / static_cast<double>(count - 1) : 0.5);
    const double at = t * 8;
    const int i = std::clamp(static_cast<int>(std::floor(at)), 0, 7);
    const double f = at - i;
    const QColor &a = Stops[i], &b = Stops[i + 1];
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * f),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * f),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * f));
}

} // namespace cs
