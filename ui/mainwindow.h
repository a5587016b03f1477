#pragma once

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace cs {

class DailyCo2Plot;
class PolicyTable;
class ScenarioDocument;
class TimelineView;

// The CarbonScope main window: a document (scenario, pool, policies) shown in tabs.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ScenarioDocument *document() const { return mDocument; }
    TimelineView *timeline() const { return mTimeline; }
    QTabWidget *tabs() const { return mTabs; }
    // Shows the tab whose title starts with `name` (case-insensitive); false when there is none.
    bool showTab(const QString &name);

    // Loads the embedded default scenario; false (with the reason in the status bar) when it fails.
    bool openDefaultScenario();

private:
    QWidget *createTimelineTab();
    void updateStatus();

    ScenarioDocument *mDocument;
    QTabWidget *mTabs;
    TimelineView *mTimeline = nullptr;
    DailyCo2Plot *mDaily = nullptr;
    PolicyTable *mTotals = nullptr;
    QLabel *mScenarioLabel = nullptr;
    QLabel *mStatusLabel = nullptr;
};

} // namespace cs
