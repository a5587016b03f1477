#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QSplitter;
class QTabWidget;

namespace cs {

class DailyCo2Plot;
class PaperReadout;
class PolicyTable;
class ScenarioDocument;
class TeachingPanel;
class TimelineView;

// The Timeline tab: the scenario line, "paper vs here", the teaching panel, the stacked timeline with the daily CO2
// bars beside it and the totals below. Narrower than FoldWidth the layout folds: the daily bars move into a tab
// beside the totals, so the timeline keeps the width it needs.
class TimelineTab : public QWidget
{
    Q_OBJECT

public:
    static constexpr int FoldWidth = 1400;
    // Teaching mode keeps the totals below the timeline only in a window at least this high; lower (a 768 px
    // laptop) the replayed timeline takes their room, its CO2 race and the readout's "CO2 so far" saying the same.
    static constexpr int TeachingTotalsHeight = 900;
    // The height the timeline (plot and readout) needs for its two legend rows and four panels to be read: below
    // it (a 721 px window, 1366x768 at 2x) the legend's rows were cut and the panels had 35 px.
    static constexpr int TimelineRoom = 430;

    explicit TimelineTab(ScenarioDocument *document, QWidget *parent = nullptr);

    TimelineView *timeline() const { return mTimeline; }
    DailyCo2Plot *daily() const { return mDaily; }
    PolicyTable *totals() const { return mTotals; }
    TeachingPanel *teaching() const { return mTeaching; }
    QLabel *scenarioLabel() const { return mScenarioLabel; }
    PaperReadout *paperReadout() const { return mPaperReadout; }
    QSplitter *plotSplit() const { return mPlotSplit; }
    QSplitter *tableSplit() const { return mTableSplit; }

    bool isFolded() const { return mFolded; }
    void setFolded(bool folded);
    // Presentation: only the teaching panel and the timeline (the rest hidden), for a projector.
    void setPresenting(bool on);
    // Teaching: the panel above the timeline, "paper vs here" hidden (the replay explains step by step), and the
    // totals too in a window lower than TeachingTotalsHeight.
    void setTeaching(bool on);
    bool areTotalsShown() const;
    // The timeline/daily-bars split as saved by saveLayout(); a state saved while folded (the timeline alone) or
    // one that leaves the daily bars no width gives the default share instead.
    void restorePlotSplit(const QByteArray &state);
    // The timeline/totals split as saved; without one (or until the user drags it) the totals get the height
    // their rows need, at most 2/7 of the split and less where the timeline would get under TimelineRoom (down to
    // two rows), and the timeline the rest.
    void restoreTableSplit(const QByteArray &state);
    // The timeline/daily-bars split to save; nothing while folded (the timeline alone: the saved share stays).
    std::optional<QByteArray> plotSplitToSave() const;
    QByteArray tableSplitState() const;

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void putTimelineFirst();
    // Shows and hides the parts for the current mode, fold and window height.
    void updateParts();
    void fitTotalsPane();

    TimelineView *mTimeline;
    DailyCo2Plot *mDaily;
    PolicyTable *mTotals;
    TeachingPanel *mTeaching;
    QLabel *mScenarioLabel;
    PaperReadout *mPaperReadout;
    QSplitter *mPlotSplit;
    QSplitter *mTableSplit;
    QTabWidget *mLower; // the totals, and the daily bars when folded
    bool mFolded = false;
    bool mPresenting = false;
    bool mTeachingMode = false;
    bool mTableSplitChosen = false; // restored or dragged: no longer fitted to the rows
};

} // namespace cs
