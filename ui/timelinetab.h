#pragma once

#include <QWidget>

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

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void putTimelineFirst();

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
};

} // namespace cs
