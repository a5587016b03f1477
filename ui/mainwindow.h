#pragma once

#include <QMainWindow>

class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;

namespace cs {

class CompareTab;
class DailyCo2Plot;
class PoolEditor;
class PolicyTable;
class ProjectSession;
class ScenarioDocument;
class TeachingPanel;
class TimelineView;

// The CarbonScope main window: a document (scenario, pool, policies) shown in tabs, with menus for projects,
// import, export, undo/redo and teaching mode. Layout and the last project come back on restart (QSettings).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ScenarioDocument *document() const { return mDocument; }
    TimelineView *timeline() const { return mTimeline; }
    DailyCo2Plot *dailyPlot() const { return mDaily; }
    CompareTab *compareTab() const { return mCompare; }
    PoolEditor *poolEditor() const { return mPoolEditor; }
    TeachingPanel *teachingPanel() const { return mTeaching; }
    ProjectSession *project() const { return mProject; }
    QTabWidget *tabs() const { return mTabs; }
    // Shows the tab whose title starts with `name` (case-insensitive); false when there is none.
    bool showTab(const QString &name);
    void setTeachingMode(bool on);

    // Loads the embedded default scenario; false (with the reason in the status bar) when it fails.
    bool openDefaultScenario();
    // First start: the last project where there is one (and the store is built), else the default scenario.
    void openInitial();
    bool openProjectFile(const QString &path);
    // Opens the import dialog on a file (drag and drop, File > Import).
    void importTrace(const QString &path = {});

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *createTimelineTab();
    void addSubsystemTabs();
    void createMenus();
    void exportChart();
    void exportTable(bool intervals);
    void exportReport();
    void updateStatus();
    void updateTitle();
    void updateRecentMenu();
    void restoreLayout();

    ScenarioDocument *mDocument;
    ProjectSession *mProject = nullptr;
    QTabWidget *mTabs;
    TimelineView *mTimeline = nullptr;
    DailyCo2Plot *mDaily = nullptr;
    PolicyTable *mTotals = nullptr;
    TeachingPanel *mTeaching = nullptr;
    CompareTab *mCompare = nullptr;
    PoolEditor *mPoolEditor = nullptr;
    QSplitter *mPlotSplit = nullptr;
    QSplitter *mTimelineSplit = nullptr;
    QLabel *mScenarioLabel = nullptr;
    QLabel *mStatusLabel = nullptr;
    QLabel *mProjectLabel = nullptr;
    QAction *mTeachingAction = nullptr;
    QMenu *mRecentMenu = nullptr;
    bool mEcoDirty = true;
};

} // namespace cs
