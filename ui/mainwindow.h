#pragma once

#include <QMainWindow>

#include <functional>

class QLabel;
class QMenu;
class QTabWidget;

namespace cs {

class Autosave;
class CompareTab;
class DailyCo2Plot;
class LazyTab;
class PoolEditor;
class ProjectSession;
class ScenarioDocument;
class TeachingPanel;
class TimelineTab;
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
    TimelineTab *timelineTab() const { return mTimelineTab; }
    // The window's size on a screen of `available` size: 1500×950 where that fits, else 94 % of the screen.
    static QSize preferredSize(const QSize &available);
    DailyCo2Plot *dailyPlot() const { return mDaily; }
    // Built on first use when the tab has not been shown yet (mainwindowtabs.cpp).
    CompareTab *compareTab() const;
    PoolEditor *poolEditor() const;
    TeachingPanel *teachingPanel() const { return mTeaching; }
    ProjectSession *project() const { return mProject; }
    Autosave *autosave() const { return mAutosave; }
    QTabWidget *tabs() const { return mTabs; }
    // Shows the tab whose title starts with `name` (case-insensitive); false when there is none.
    bool showTab(const QString &name);
    void setTeachingMode(bool on);
    // Full screen with the timeline and teaching panel alone in large type (turns teaching mode on).
    void setPresentationMode(bool on);
    bool isPresenting() const { return mPresenting; }

    // Loads the embedded default scenario at start (not an edit); false (with the reason in the status bar)
    // when it fails.
    bool openDefaultScenario();
    // File > Open default scenario: with unsaved changes asks first; on an open project the default traces
    // replace the project's as one undoable edit (marked modified), on an untitled document it starts afresh.
    void replaceWithDefaultScenario();
    // First start: the last project where there is one (and the store is built), else the default scenario.
    // A last project that cannot be opened is reported in a dialog and the default scenario opens, untitled.
    void openInitial();
    // At start, before anything opens: offers back the work an earlier run did not save. True when recovered.
    bool offerRecovery();
    // Opens a project (command line, drop, recent files), asking first about unsaved changes; a failure is
    // shown in a dialog and leaves the document as it was.
    bool openProjectFile(const QString &path);
    // Opens the import dialog on a file (drag and drop, File > Import).
    void importTrace(const QString &path = {});

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *createTimelineTab();
    // The tabs behind the Timeline, each built when first shown.
    void addLazyTabs();
    LazyTab *addLazyTab(const QString &title, const QString &tip, std::function<QWidget *(QWidget *)> build);
    void createMenus();
    void exportChart();
    void exportTable(bool intervals);
    void exportReport();
    // A failed write: a dialog naming the file and the reason (the OS error), not only the status bar.
    void showWriteFailure(const QString &path, const QString &error);
    bool confirmReplacingDocument(const QString &action);
    void updateStatus();
    void updateTitle();
    void updateRecentMenu();
    void restoreLayout();
    void saveLayout();

    ScenarioDocument *mDocument;
    ProjectSession *mProject = nullptr;
    Autosave *mAutosave = nullptr;
    QTabWidget *mTabs;
    TimelineTab *mTimelineTab = nullptr;
    TimelineView *mTimeline = nullptr;
    DailyCo2Plot *mDaily = nullptr;
    TeachingPanel *mTeaching = nullptr;
    LazyTab *mComparePage = nullptr;
    LazyTab *mPoolPage = nullptr;
    QLabel *mScenarioLabel = nullptr;
    QLabel *mStatusLabel = nullptr;
    QLabel *mProjectLabel = nullptr;
    QAction *mTeachingAction = nullptr;
    QAction *mPresentationAction = nullptr;
    bool mPresenting = false;
    bool mWasMaximized = false;
    QMenu *mRecentMenu = nullptr;
    bool mEcoDirty = true;
};

} // namespace cs
