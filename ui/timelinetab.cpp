#include "timelinetab.h"

#include "dailyco2plot.h"
#include "paperreadout.h"
#include "policytable.h"
#include "teachingpanel.h"
#include "timelineview.h"

#include <QDataStream>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QResizeEvent>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace cs {

namespace {
// The timeline and the daily bars side by side, until the user drags the split or restores a saved one.
const QList<int> DefaultPlotSplit{950, 520};
} // namespace

TimelineTab::TimelineTab(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), mTimeline(new TimelineView(document, this)), mDaily(new DailyCo2Plot(document, this)),
      mTotals(new PolicyTable(document, this)), mTeaching(new TeachingPanel(document, mTimeline, this)),
      mScenarioLabel(new QLabel(this)), mPaperReadout(new PaperReadout(document, this)),
      mPlotSplit(new QSplitter(Qt::Horizontal, this)), mTableSplit(new QSplitter(Qt::Vertical, this)),
      mLower(new QTabWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    mScenarioLabel->setWordWrap(true);
    mScenarioLabel->setToolTip(tr("The scenario: where its traces come from and how they were aligned"));
    layout->addWidget(mScenarioLabel);
    layout->addWidget(mPaperReadout);
    mTeaching->setVisible(false);
    layout->addWidget(mTeaching);

    mPlotSplit->addWidget(mTimeline);
    mPlotSplit->addWidget(mDaily);
    mPlotSplit->setStretchFactor(0, 5);
    mPlotSplit->setStretchFactor(1, 3);
    mPlotSplit->setSizes(DefaultPlotSplit);
    mPlotSplit->setChildrenCollapsible(false); // a drag never squeezes the daily bars out of sight
    mLower->setDocumentMode(true);
    mLower->setTabBarAutoHide(true); // a tab bar only when the daily bars are folded in
    mLower->addTab(mTotals, tr("Totals"));
    mTableSplit->addWidget(mPlotSplit);
    mTableSplit->addWidget(mLower);
    mTableSplit->setStretchFactor(0, 5);
    mTableSplit->setStretchFactor(1, 2);
    mTableSplit->setSizes({640, 260});
    mTableSplit->setChildrenCollapsible(false);
    layout->addWidget(mTableSplit, 1);

    putTimelineFirst();
    connect(mTableSplit, &QSplitter::splitterMoved, this, [this] { mTableSplitChosen = true; });

    connect(mTimeline, &TimelineView::visibilityChanged, this,
            [this] { mDaily->setHiddenPolicies(mTimeline->hiddenPolicies()); });
    // The daily bars show the days in view on the timeline.
    connect(mTimeline, &TimelineView::timeRangeChanged, mDaily, &DailyCo2Plot::setTimeRange);
    mDaily->setTimeRange(mTimeline->timeRange().lower, mTimeline->timeRange().upper);
    connect(mTotals, &PolicyTable::hideRequested, this,
            [this](const std::string &spec) { mTimeline->setPolicyVisible(spec, false); });
    // Zoomed out, the model shares are of the adaptive policy last selected in the totals.
    connect(mTotals->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { mTimeline->setSharePolicy(mTotals->currentSpec()); });
}

void TimelineTab::setFolded(bool folded)
{
    if (folded == mFolded)
        return;
    mFolded = folded;
    if (folded) {
        mLower->addTab(mDaily, tr("Daily CO₂"));
    } else {
        mLower->removeTab(mLower->indexOf(mDaily));
        mPlotSplit->addWidget(mDaily);
        mPlotSplit->setSizes(DefaultPlotSplit);
        putTimelineFirst();
    }
    mDaily->setVisible(!folded || mLower->currentWidget() == mDaily);
}

void TimelineTab::putTimelineFirst()
{
    // The first plot among the tab's children is the one the app's start-up timing and screenshot wait for
    // (app/carbonscope/main.cpp); lower() moves a widget to the front of its parent's children (side-by-side
    // widgets never overlap, so their stacking order shows nowhere).
    mTimeline->lower();
    mPlotSplit->lower();
}

void TimelineTab::setPresenting(bool on)
{
    mPresenting = on;
    updateParts();
}

void TimelineTab::setTeaching(bool on)
{
    mTeachingMode = on;
    updateParts();
}

bool TimelineTab::areTotalsShown() const
{
    return !mPresenting && !(mTeachingMode && window()->height() < TeachingTotalsHeight);
}

void TimelineTab::updateParts()
{
    mScenarioLabel->setVisible(!mPresenting);
    mPaperReadout->setVisible(!mPresenting && !mTeachingMode);
    mLower->setVisible(areTotalsShown());
    if (!mFolded)
        mDaily->setVisible(!mPresenting);
}

void TimelineTab::restorePlotSplit(const QByteArray &state)
{
    // QSplitter's state begins with a marker, a version and the list of sizes; restoring a list shorter than the
    // splitter's widgets (saved while folded) would give the daily bars no width, or only their minimum.
    QDataStream stream(state);
    qint32 marker = 0, version = 0;
    QList<int> sizes;
    stream >> marker >> version >> sizes;
    const bool bothShown = stream.status() == QDataStream::Ok && sizes.size() == 2 && sizes[0] > 0 && sizes[1] > 0;
    if (!bothShown || !mPlotSplit->restoreState(state))
        mPlotSplit->setSizes(DefaultPlotSplit);
    mPlotSplit->setChildrenCollapsible(false); // restoreState brings back the saved flag
}

void TimelineTab::restoreTableSplit(const QByteArray &state)
{
    mTableSplitChosen = !state.isEmpty() && mTableSplit->restoreState(state);
}

std::optional<QByteArray> TimelineTab::plotSplitToSave() const
{
    return mFolded ? std::nullopt : std::optional<QByteArray>(mPlotSplit->saveState());
}

QByteArray TimelineTab::tableSplitState() const
{
    return mTableSplit->saveState();
}

void TimelineTab::fitTotalsPane()
{
    // The splitter's height, set by this tab's layout before this resize event; its sizes() follow only when it
    // is shown and handles its own resize.
    const QList<int> sizes = mTableSplit->sizes();
    const int total = mTableSplit->height() - mTableSplit->handleWidth();
    if (sizes.size() != 2 || total <= 0 || !mLower->isVisibleTo(this))
        return;
    int rows = 0, twoRows = 0;
    for (int r = 0; r < mTotals->model()->rowCount(); ++r) {
        rows += mTotals->verticalHeader()->sectionSize(r);
        twoRows += r < 2 ? mTotals->verticalHeader()->sectionSize(r) : 0;
    }
    const int chrome = (mFolded ? mLower->tabBar()->sizeHint().height() : 0) +
                       mTotals->horizontalHeader()->sizeHint().height() + 2 * mTotals->frameWidth();
    mLower->setMinimumHeight(chrome + twoRows); // the splitter's floor, not the tab widget's larger hint
    int lower = std::min(chrome + rows, total * 2 / 7);
    if (total - lower < TimelineRoom) // a short window: the timeline first, the totals scroll
        lower = std::max(total - TimelineRoom, chrome + twoRows);
    if (lower != sizes[1])
        mTableSplit->setSizes({total - lower, lower});
}

void TimelineTab::showEvent(QShowEvent *event)
{
    // Before the first paint: the window's size is set even while its resize event is pending.
    setFolded(window()->width() < FoldWidth);
    updateParts();
    QWidget::showEvent(event);
}

void TimelineTab::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!mTableSplitChosen)
        fitTotalsPane();
    // The window's width decides, so the tab folds at the same point whatever its margins. Moving the daily plot
    // inside a resize event would re-lay out the window within its own layout pass: do it right after.
    const bool fold = window()->width() < FoldWidth;
    if (fold != mFolded || mLower->isVisible() != areTotalsShown())
        QMetaObject::invokeMethod(this, [this] {
            setFolded(window()->width() < FoldWidth);
            updateParts();
        }, Qt::QueuedConnection);
}

} // namespace cs
