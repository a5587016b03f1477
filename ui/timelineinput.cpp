#include "timelineview.h"

#include "paperexperiment.h"
#include "plottheme.h"
#include "policystyle.h"
#include "scenariodocument.h"
#include "timelineseries.h"
#include "unitformat.h"

#include <QColorDialog>
#include <QEvent>
#include <QLabel>
#include <QMenu>

#include <cmath>

// The Timeline's interaction and overlays: visibility and colours from the legend, the crosshair and its readout,
// the selected period, and teaching mode's thresholds and curtain. Building and drawing are in timelineview.cpp.

namespace cs {

bool TimelineView::isPolicyVisible(const std::string &spec) const
{
    return !mHidden.contains(QString::fromStdString(spec));
}

void TimelineView::setPolicyVisible(const std::string &spec, bool visible)
{
    const QString key = QString::fromStdString(spec);
    if (visible == !mHidden.contains(key))
        return;
    if (visible)
        mHidden.remove(key);
    else
        mHidden.insert(key);
    for (PolicyGraphs &pg : mPolicies) {
        if (pg.spec != spec)
            continue;
        pg.cumulative->setVisible(visible);
        if (pg.model)
            pg.model->setVisible(visible && !mShares->isShown());
        styleLegendItem(pg.cumulative, visible);
    }
    if (sharePolicy() != mShares->policySpec())
        rebuildShares(); // the shares were of the first shown policy, now hidden, or one shown again before it
    mPlot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT visibilityChanged();
}

QCPGraph *TimelineView::cumulativeGraph(const std::string &spec) const
{
    for (const PolicyGraphs &pg : mPolicies)
        if (pg.spec == spec)
            return pg.cumulative;
    return nullptr;
}

QCPGraph *TimelineView::modelGraph(const std::string &spec) const
{
    for (const PolicyGraphs &pg : mPolicies)
        if (pg.spec == spec)
            return pg.model;
    return nullptr;
}

QStringList TimelineView::modelTickLabels() const
{
    return mModelTicker ? QStringList(mModelTicker->ticks().values()) : QStringList();
}

void TimelineView::showTotalsRange()
{
    const auto &range = mDocument->totalsRange();
    for (QCPItemRect *mark : mRangeMarks) {
        mark->setVisible(range.has_value());
        if (range) {
            mark->topLeft->setCoords(static_cast<double>(range->first), 0);
            mark->bottomRight->setCoords(static_cast<double>(range->second), 1);
        }
    }
}

void TimelineView::onMousePress(QMouseEvent *event)
{
    mPressPos = event->pos();
    // Shift+drag selects a period instead of panning (QCustomPlot drags only without a selection rect mode).
    mPlot->setSelectionRectMode(event->modifiers() & Qt::ShiftModifier ? QCP::srmCustom : QCP::srmNone);
}

void TimelineView::onMouseRelease(QMouseEvent *event)
{
    if ((event->pos() - mPressPos).manhattanLength() > 3)
        return;
    auto *item = qobject_cast<QCPPlottableLegendItem *>(mPlot->layoutElementAt(event->pos()));
    if (!item)
        return;
    if (event->button() == Qt::RightButton) {
        showLegendMenu(item, event->globalPosition().toPoint());
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    // A click on a legend entry hides or shows that policy everywhere.
    for (const PolicyGraphs &pg : mPolicies)
        if (pg.cumulative == item->plottable())
            setPolicyVisible(pg.spec, !isPolicyVisible(pg.spec));
}

void TimelineView::onRangeSelected(const QRect &rect, QMouseEvent *)
{
    QCPAxis *x = mRects[IntensityPanel]->axis(QCPAxis::atBottom);
    const double a = x->pixelToCoord(rect.left());
    const double b = x->pixelToCoord(rect.right());
    mPlot->setSelectionRectMode(QCP::srmNone);
    const Scenario &s = mDocument->scenario();
    if (s.empty())
        return;
    // Snap to interval boundaries so the totals cover whole intervals.
    const auto iv = static_cast<double>(s.intervalSeconds);
    const double from = std::floor(std::min(a, b) / iv) * iv;
    const double to = std::ceil(std::max(a, b) / iv) * iv;
    mDocument->setTotalsRange(static_cast<UtcSeconds>(from), static_cast<UtcSeconds>(to));
}

void TimelineView::onMouseMove(QMouseEvent *event)
{
    if (event->buttons() != Qt::NoButton)
        return;
    // Over a legend entry: what the policy is (the printed reading, the optimum) and what a click does.
    auto *item = qobject_cast<QCPPlottableLegendItem *>(mPlot->layoutElementAt(event->pos()));
    if (item && item->parentLegend() == mLegend) { // the policies' legend, not the model shares' names
        QString tip = tr("Click: hide/show · Right-click: colour");
        for (const PolicyGraphs &pg : mPolicies)
            if (pg.cumulative == item->plottable() && !policyExplanation(pg.spec).empty())
                tip = QString::fromStdString(policyExplanation(pg.spec)) + QStringLiteral("\n") + tip;
        mPlot->setToolTip(tip);
    } else {
        mPlot->setToolTip(mPlotTip);
    }
    const QRect area = mRects[IntensityPanel]->rect();
    if (event->pos().x() < area.left() || event->pos().x() > area.right()) {
        clearCursor();
        return;
    }
    setCursorTime(mRects[IntensityPanel]->axis(QCPAxis::atBottom)->pixelToCoord(event->pos().x()));
}

void TimelineView::setCursorTime(double t)
{
    for (QCPItemStraightLine *line : mCursor) {
        line->point1->setCoords(t, 0);
        line->point2->setCoords(t, 1);
        line->setVisible(mOverlaysVisible);
    }
    mCursorShown = true;
    const QString text = readoutAt(t);
    mReadout->setText(text);
    Q_EMIT readoutChanged(text);
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::setOverlaysVisible(bool visible)
{
    if (visible == mOverlaysVisible)
        return;
    mOverlaysVisible = visible;
    for (QCPItemStraightLine *line : mCursor)
        line->setVisible(visible && mCursorShown);
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::clearCursor()
{
    if (!mCursorShown)
        return;
    mCursorShown = false;
    for (QCPItemStraightLine *line : mCursor)
        line->setVisible(false);
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

QString TimelineView::readoutAt(double t) const
{
    const Scenario &s = mDocument->scenario();
    const int i = intervalAt(s, t);
    if (i < 0)
        return tr("<i>No data at this time (outside the scenario or in a gap).</i>");
    const auto u = static_cast<std::size_t>(i);
    QString html = tr("<b>%1 UTC</b> &nbsp; intensity <b>%2 gCO₂/kWh</b> &nbsp; requests <b>%3</b><br>")
                       .arg(QDateTime::fromSecsSinceEpoch(s.times[u], Qt::UTC).toString(QStringLiteral("yyyy-MM-dd hh:mm")))
                       .arg(s.intensity[u], 0, 'f', 1)
                       .arg(formatCount(s.requests[u]));
    const ModelPool &pool = mDocument->pool();
    QStringList parts;
    const auto &runs = mDocument->runs();
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const PolicyRun &run = runs[r];
        if (!run.ok() || !isPolicyVisible(run.spec) || u >= run.result.intervals.model.size())
            continue;
        const int m = run.result.intervals.model[u];
        parts << tr("<span style='color:%1'>■</span> %2: %3, %4")
                     .arg(mDocument->policyStyle(run.spec, isDarkPalette(palette())).colour.name(), QString::fromStdString(run.label).toHtmlEscaped(),
                          m >= 0 && m < pool.size() ? QString::fromStdString(pool.at(m).name) : tr("none"),
                          formatMass(run.result.intervals.cumulativeCo2G[u]));
    }
    const QString shares = mShares->readoutAt(t); // zoomed out: the bucket's shares the bars draw
    return html + parts.join(QStringLiteral(" &nbsp; ")) +
           (shares.isEmpty() ? QString() : QStringLiteral("<br>") + shares.toHtmlEscaped());
}

void TimelineView::styleLegendItem(QCPGraph *cumulative, bool visible)
{
    if (auto *item = mLegend->itemWithPlottable(cumulative))
        item->setTextColor(visible ? plotTextColour(palette()) : QColor(Qt::gray));
}

void TimelineView::showLegendMenu(QCPPlottableLegendItem *item, const QPoint &globalPos)
{
    for (const PolicyGraphs &pg : mPolicies) {
        if (pg.cumulative != item->plottable())
            continue;
        const std::string spec = pg.spec;
        QMenu menu(this);
        menu.addAction(isPolicyVisible(spec) ? tr("Hide") : tr("Show"), this,
                       [this, spec] { setPolicyVisible(spec, !isPolicyVisible(spec)); });
        menu.addAction(tr("Colour…"), this, [this, spec] {
            const QColor chosen = QColorDialog::getColor(mDocument->policyStyle(spec).colour, this,
                                                         tr("Colour of %1").arg(QString::fromStdString(spec)));
            if (chosen.isValid())
                mDocument->setPolicyColour(spec, chosen);
        });
        menu.addAction(tr("Palette colour"), this, [this, spec] { mDocument->setPolicyColour(spec, QColor()); });
        menu.exec(globalPos);
        return;
    }
}

void TimelineView::setTeachingOverlays(bool on, double cLow, double cHigh, const std::vector<double> &switchLevels)
{
    mTeaching = on;
    const std::array<double, 2> levels{cLow, cHigh};
    const std::array<QString, 2> names{tr("C_low %1"), tr("C_high %1")};
    for (std::size_t i = 0; i < mThresholds.size(); ++i) {
        mThresholds[i]->point1->setCoords(0, levels[i]);
        mThresholds[i]->point2->setCoords(1, levels[i]);
        mThresholds[i]->setVisible(on && levels[i] > -1e8);
        mThresholdLabels[i]->position->setCoords(1, levels[i]);
        mThresholdLabels[i]->setText(names[i].arg(levels[i], 0, 'f', 0));
        mThresholdLabels[i]->setVisible(mThresholds[i]->visible());
    }
    QCPAxis *x = mRects[IntensityPanel]->axis(QCPAxis::atBottom), *y = mRects[IntensityPanel]->axis(QCPAxis::atLeft);
    while (mSwitchLines.size() < switchLevels.size()) {
        auto *line = new QCPItemStraightLine(mPlot);
        line->setClipAxisRect(mRects[IntensityPanel]);
        line->point1->setAxes(x, y);
        line->point2->setAxes(x, y);
        line->setPen(QPen(QColor(128, 128, 128), 1, Qt::DotLine));
        mSwitchLines.push_back(line);
    }
    for (std::size_t i = 0; i < mSwitchLines.size(); ++i) {
        const bool shown = on && i < switchLevels.size();
        mSwitchLines[i]->setVisible(shown);
        if (shown) {
            mSwitchLines[i]->point1->setCoords(0, switchLevels[i]);
            mSwitchLines[i]->point2->setCoords(1, switchLevels[i]);
        }
    }
    for (QCPItemRect *curtain : mCurtains)
        curtain->setVisible(on);
    updateModelMode(); // step lines while teaching
    if (!on)
        fitValueAxes();
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::setPresentationFonts(bool on)
{
    const QFont base = font();
    const double size = on ? std::max(14.0, base.pointSizeF() * 1.5) : base.pointSizeF();
    QFont tick = base, label = base;
    tick.setPointSizeF(size);
    label.setPointSizeF(on ? size + 2 : size);
    for (QCPAxisRect *rect : mRects) {
        for (QCPAxis *axis : rect->axes()) {
            axis->setTickLabelFont(tick);
            axis->setLabelFont(label);
        }
    }
    mLegend->setFont(tick); // and every item's (QCPLegend passes over a wrapped legend's empty cells)
    for (QCPItemText *text : mThresholdLabels)
        text->setFont(tick);
    mModelTickStep = 0; // the names thin out again for the new size
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::setRevealedUntil(double until)
{
    // The curtain reaches far beyond any scenario, so zooming never shows its end.
    for (QCPItemRect *curtain : mCurtains) {
        curtain->topLeft->setCoords(until, 0);
        curtain->bottomRight->setCoords(until + 1e10, 1);
    }
    if (mTeaching)
        fitValueAxes();
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelineView::applyTheme()
{
    applyPlotTheme(mPlot, palette());
    QColor veil = isDarkPalette(palette()) ? palette().color(QPalette::Base) : QColor(Qt::white);
    veil.setAlpha(235);
    for (QCPItemRect *curtain : mCurtains)
        curtain->setBrush(veil);
    const QColor text = plotTextColour(palette());
    for (QCPItemStraightLine *line : mCursor)
        line->setPen(QPen(text, 1, Qt::DashLine));
    for (const PolicyGraphs &pg : mPolicies)
        styleLegendItem(pg.cumulative, isPolicyVisible(pg.spec));
}

void TimelineView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        rebuildResults(); // the palette's black turns light on a dark plot
        redraw();
    }
}

} // namespace cs
