#include "timelineview.h"

#include "modelshare.h"
#include "plottheme.h"
#include "scenariodocument.h"

// The "Model chosen" panel's two faces: step lines of every shown adaptive policy zoomed in, and zoomed out one
// policy's share of requests per model per bucket (ModelShareView). The switch costs nothing per frame unless the
// face or the bucket changes; the shares are computed once per simulation.

namespace cs {

namespace {
const PolicyRun *adaptiveRun(const std::vector<PolicyRun> &runs, const std::string &spec)
{
    for (const PolicyRun &run : runs)
        if (run.ok() && !run.isSingleModel() && run.spec == spec)
            return &run;
    return nullptr;
}
} // namespace

void TimelineView::setSharePolicy(const std::string &spec)
{
    // A single model (or a policy that did not run) has no choice to show: the shares stay as they are.
    if (spec == mSharePolicy || !adaptiveRun(mDocument->runs(), spec))
        return;
    const std::string before = sharePolicy();
    mSharePolicy = spec; // an adaptive run's: sharePolicy() is now `spec`
    if (spec == before)
        return;
    rebuildShares();
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

std::string TimelineView::sharePolicy() const
{
    const auto &runs = mDocument->runs();
    if (adaptiveRun(runs, mSharePolicy))
        return mSharePolicy;
    for (const PolicyRun &run : runs)
        if (run.ok() && !run.isSingleModel() && isPolicyVisible(run.spec))
            return run.spec;
    return {};
}

void TimelineView::rebuildShares()
{
    const PolicyRun *run = adaptiveRun(mDocument->runs(), sharePolicy());
    if (run) {
        mShares->setPolicy(mDocument->scenario(), run->result.intervals.model, mRankOf, mModelNames, run->spec,
                           QString::fromStdString(run->label), isDarkPalette(palette()));
    } else {
        mShares->clear();
    }
    // The bars start hidden: the panel is back to step lines until updateModelMode says otherwise.
    QCPAxis *axis = mRects[ModelPanel]->axis(QCPAxis::atLeft);
    axis->setTicker(mModelTicker);
    axis->setLabel(tr("Model chosen\n(energy ↑)"));
    axis->setRange(-0.6, static_cast<double>(mModelNames.size()) - 0.4);
    for (const PolicyGraphs &pg : mPolicies)
        if (pg.model)
            pg.model->setVisible(isPolicyVisible(pg.spec));
    updateModelMode();
}

void TimelineView::updateModelMode()
{
    const QCPRange range = timeRange();
    const double interval = static_cast<double>(mDocument->scenario().intervalSeconds);
    // Teaching mode replays interval by interval: a day's bar would show what the curtain still hides.
    const bool shares = !mTeaching && mShares->hasPolicy() &&
                        showsModelShares(range.size(), interval, mRects[ModelPanel]->width());
    const bool changed = shares != mShares->isShown();
    mShares->show(shares, range.size());
    if (!changed)
        return;
    for (const PolicyGraphs &pg : mPolicies)
        if (pg.model)
            pg.model->setVisible(!shares && isPolicyVisible(pg.spec));
    QCPAxis *axis = mRects[ModelPanel]->axis(QCPAxis::atLeft);
    if (shares) {
        axis->setTicker(mShares->ticker());
        axis->setLabel(tr("Requests\nserved (%)"));
        bool relayout = false;
        axis->setRange(0, mShares->fitHeadroom(axis->tickLabelFont(), &relayout));
    } else {
        axis->setTicker(mModelTicker);
        axis->setLabel(tr("Model chosen\n(energy ↑)"));
        axis->setRange(-0.6, static_cast<double>(mModelNames.size()) - 0.4);
    }
    mPlot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace cs
