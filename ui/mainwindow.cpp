#include "mainwindow.h"

#include "autosave.h"
#include "chartexportdialog.h"
#include "comparetab.h"
#include "copycommand.h"
#include "currency.h"
#include "dailyco2plot.h"
#include "deploymentdialog.h"
#include "downloaddialog.h"
#include "exporter.h"
#include "helpdialogs.h"
#include "importdialog.h"
#include "paretoplot.h"
#include "preference.h"
#include "projectsession.h"
#include "scenariodocument.h"
#include "scenarioloader.h"
#include "teachingpanel.h"
#include "timelinetab.h"
#include "timelineview.h"
#include "unsavedchangesguard.h"

#include "register_optimize_policies.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cs {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), mDocument(new ScenarioDocument(this)), mTabs(new QTabWidget(this))
{
    registerOptimizePolicies(); // their kinds (optimal, online, forecast, budget, ...) join Compare and Pareto
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/carbonscope.svg")));
    setAcceptDrops(true);
    setCentralWidget(mTabs);
    mTabs->setDocumentMode(true);
    mProject = new ProjectSession(mDocument, this);
    mAutosave = new Autosave(mDocument, mProject, this);

    mTabs->addTab(createTimelineTab(), tr("&Timeline"));
    mTabs->setTabToolTip(0, tr("Stacked plots on one time axis, daily CO₂ and the totals (Ctrl+1)"));
    addLazyTabs(); // Compare, Pool, Eco, Live, Sweep: built when first shown (mainwindowtabs.cpp)

    mStatusLabel = new QLabel(this);
    mProjectLabel = new QLabel(this);
    mProjectLabel->setObjectName(QStringLiteral("projectLabel"));
    statusBar()->addWidget(mProjectLabel, 1);
    // A message shown before the window is (opening the last project) would be drawn over the project's name:
    // QStatusBar hides its widgets for a message only when they are visible already.
    connect(statusBar(), &QStatusBar::messageChanged, mProjectLabel,
            [this](const QString &message) { mProjectLabel->setVisible(message.isEmpty()); });
    statusBar()->addPermanentWidget(mStatusLabel);
    connect(mDocument, &ScenarioDocument::resultsChanged, this, &MainWindow::updateStatus);
    connect(mDocument, &ScenarioDocument::scenarioChanged, this, &MainWindow::updateStatus);
    connect(mDocument, &ScenarioDocument::totalsChanged, this, &MainWindow::updateStatus);
    connect(mDocument->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(mProject, &ProjectSession::changed, this, [this] {
        updateTitle();
        updateStatus();
        updateRecentMenu();
    });
    connect(mProject, &ProjectSession::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(mAutosave, &Autosave::failed, this, [this](const QString &why) {
        statusBar()->showMessage(tr("Autosave failed: %1").arg(why), 15000);
    });
    createMenus();
    resize(preferredSize(screen()->availableGeometry().size()));
    restoreLayout();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *a = file->addAction(tr("&New project…"), mProject, [this] {
        if (confirmReplacingDocument(tr("starting a new project")))
            mProject->newProject(this);
    });
    a->setObjectName(QStringLiteral("actionNewProject"));
    a->setShortcut(QKeySequence::New);
    a->setStatusTip(tr("Start a project file (.csdb) on the default scenario"));
    a = file->addAction(tr("&Open project…"), mProject, [this] {
        if (confirmReplacingDocument(tr("opening another project")))
            mProject->openProjectDialog(this);
    });
    a->setObjectName(QStringLiteral("actionOpenProject"));
    a->setShortcut(QKeySequence::Open);
    a->setStatusTip(tr("Open a CarbonScope project (.csdb)"));
    mRecentMenu = file->addMenu(tr("Open &recent"));
    mRecentMenu->setObjectName(QStringLiteral("menuRecent"));
    a = file->addAction(tr("Save project &as…"), mProject, [this] { mProject->saveAsDialog(this); });
    a->setObjectName(QStringLiteral("actionSaveProjectAs"));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    a->setStatusTip(tr("Write the project (traces, pool, scenario, results) to a new .csdb file"));
    a = file->addAction(tr("&Save project"), mProject, [this] { mProject->save(this); });
    a->setObjectName(QStringLiteral("actionSaveProject"));
    a->setShortcut(QKeySequence::Save);
    file->addSeparator();
    a = file->addAction(tr("&Import trace…"), this, [this] { importTrace(); });
    a->setObjectName(QStringLiteral("actionImportTrace"));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    a->setStatusTip(tr("Import a carbon-intensity or request trace (CSV); you can also drop a file on the window"));
    a = file->addAction(tr("Open &default scenario"), this, &MainWindow::replaceWithDefaultScenario);
    a->setObjectName(QStringLiteral("actionOpenDefaultScenario"));
    a->setStatusTip(tr("South West England carbon intensity and Wikipedia requests, June 2023"));
    addDownloadAction(file, this, [this] { return mProject->path(); });
    file->addSeparator();
    a = file->addAction(tr("Export &chart…"), this, &MainWindow::exportChart);
    a->setObjectName(QStringLiteral("actionExportChart"));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    a->setStatusTip(tr("Write a chart as PNG, SVG or PDF at a chosen size"));
    a = file->addAction(tr("Export &totals as CSV…"), this, [this] { exportTable(false); });
    a->setObjectName(QStringLiteral("actionExportTotals"));
    a->setStatusTip(tr("The policies' totals, one row per policy, units in the header"));
    a = file->addAction(tr("Export per-&interval results as CSV…"), this, [this] { exportTable(true); });
    a->setObjectName(QStringLiteral("actionExportIntervals"));
    a->setStatusTip(tr("Every policy's per-interval results in long form"));
    a = file->addAction(tr("Export PDF &report…"), this, &MainWindow::exportReport);
    a->setObjectName(QStringLiteral("actionExportReport"));
    a->setShortcut(QKeySequence::Print);
    a->setStatusTip(tr("One page: charts, totals table and scenario description"));
    file->addSeparator();
    a = file->addAction(tr("&Quit"), this, &QWidget::close);
    a->setObjectName(QStringLiteral("actionQuit"));
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q)); // QKeySequence::Quit is empty on some platforms

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = mDocument->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z)});
    QAction *redo = mDocument->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    a = edit->addAction(tr("Copy as &command"), this,
                        [this] { statusBar()->showMessage(copyReproduceCommand(*mDocument), 10000); });
    a->setObjectName(QStringLiteral("actionCopyAsCommand"));
    a->setStatusTip(tr("Copy the carbonscope-cli line that reproduces these totals"));
    a = edit->addAction(tr("C&urrency…"), this, [this] { CurrencySetting::choose(this); });
    a->setObjectName(QStringLiteral("actionCurrency"));
    a->setStatusTip(tr("The currency money is shown in (Eco tab)"));
    addDeploymentAction(edit, mDocument, this);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < mTabs->count() && i < 9; ++i) {
        a = view->addAction(mTabs->tabText(i).remove(QLatin1Char('&')), this, [this, i] { mTabs->setCurrentIndex(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    view->addSeparator();
    a = view->addAction(tr("&Whole scenario"), this, [this] { mTimeline->resetZoom(); });
    a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    a->setStatusTip(tr("Zoom the timeline out to the whole scenario"));
    a = view->addAction(tr("&Clear selected period"), this, [this] {
        mPresenting ? setPresentationMode(false) : mDocument->clearTotalsRange(); // Esc first leaves a presentation
    });
    a->setShortcut(QKeySequence(Qt::Key_Escape));
    addAction(a); // Esc works while the menu bar is hidden
    a->setStatusTip(tr("Totals over the whole scenario again (Shift+drag on the timeline selects a period)"));
    mTeachingAction = view->addAction(tr("&Teaching mode"));
    mTeachingAction->setCheckable(true);
    mTeachingAction->setShortcut(QKeySequence(Qt::Key_F5));
    mTeachingAction->setStatusTip(tr("Replay the scenario interval by interval with a large readout"));
    connect(mTeachingAction, &QAction::toggled, this, &MainWindow::setTeachingMode);
    mPresentationAction = view->addAction(tr("&Presentation (full screen)"));
    mPresentationAction->setObjectName(QStringLiteral("actionPresentation"));
    mPresentationAction->setCheckable(true);
    mPresentationAction->setShortcuts({QKeySequence(Qt::Key_F11), QKeySequence(Qt::SHIFT | Qt::Key_F5)});
    mPresentationAction->setStatusTip(tr("Teaching mode full screen in large type, for a projector (F11; Esc leaves)"));
    addAction(mPresentationAction); // its shortcut works while the menu bar is hidden
    connect(mPresentationAction, &QAction::toggled, this, &MainWindow::setPresentationMode);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] { showShortcutsHelp(this, mTabs->count()); });
    help->addAction(tr("&About CarbonScope"), this, [this] { showAbout(this); });
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    mRecentMenu->clear();
    const QStringList recent = ProjectSession::recentProjects();
    for (const QString &path : recent)
        mRecentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openProjectFile(path); })
            ->setStatusTip(path);
    mRecentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::importTrace(const QString &path)
{
    ImportDialog dialog(this);
    if (!path.isEmpty())
        dialog.setPath(path);
    if (dialog.exec() != QDialog::Accepted || !dialog.series())
        return;
    const TimeSeries &series = *dialog.series();
    const bool carbon = dialog.importedKind() == ImportRequest::Kind::Carbon;
    const QString name = QFileInfo(dialog.request().path).completeBaseName();
    // One undo step, marking the document modified; the project file changes when the user saves.
    const QString undoText = tr("Import %1").arg(QFileInfo(dialog.request().path).fileName());
    QString note = tr("Imported %1 (not saved yet; Edit ▸ Undo takes it back)").arg(name);
    try {
        if (carbon) {
            // A new carbon trace keeps the request trace where the two overlap, else one request per interval.
            try {
                mDocument->changeTraces(series, mDocument->requestTrace(), name, undoText);
            } catch (const std::exception &) {
                mDocument->changeTraces(series, std::nullopt, name, undoText);
                note = tr("The request trace does not overlap %1: one request per interval.").arg(name);
            }
        } else {
            mDocument->changeTraces(mDocument->carbonTrace(), series,
                                    QStringLiteral("%1 + %2").arg(QString::fromStdString(mDocument->scenario().name), name),
                                    undoText);
        }
        mTabs->setCurrentIndex(0);
        statusBar()->showMessage(dialog.warnings().isEmpty() ? note : tr("Imported %1: %2").arg(name, dialog.warnings()),
                                 15000);
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Import"),
                             tr("%1 was read but cannot form a scenario with the current %2 trace: %3")
                                 .arg(dialog.request().path, carbon ? tr("request") : tr("carbon"),
                                      QString::fromUtf8(e.what())));
    }
}

void MainWindow::exportChart()
{
    const QStringList charts{tr("Timeline (stacked plots)"), tr("Daily CO₂ bars"), tr("Pareto plot")};
    ChartExportDialog dialog(charts, mTabs->currentIndex() == 1 ? 2 : 0, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString suffix = dialog.format();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"),
                                                      QStringLiteral("carbonscope-chart.%1").arg(suffix),
                                                      tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    // Only the chart asked for is brought up to date (the Pareto plot's tab is built only if it is that one).
    QCustomPlot *plot = mTimeline->plot();
    if (dialog.chart() == 1) {
        mDaily->ensureCurrent();
        plot = mDaily->plot();
    } else if (dialog.chart() == 2) {
        compareTab()->pareto()->ensureCurrent();
        plot = compareTab()->pareto()->plot();
    }
    ChartExportOptions options = dialog.options();
    options.setOverlaysVisible = [this](bool visible) { mTimeline->setOverlaysVisible(visible); }; // no crosshair
    const QString error = Exporter::chart(plot, path, options);
    error.isEmpty() ? statusBar()->showMessage(tr("Wrote %1").arg(path), 8000) : showWriteFailure(path, error);
}

void MainWindow::exportTable(bool intervals)
{
    const QString path = QFileDialog::getSaveFileName(
        this, intervals ? tr("Export per-interval results") : tr("Export totals"),
        intervals ? QStringLiteral("carbonscope-intervals.csv") : QStringLiteral("carbonscope-totals.csv"),
        tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString error = intervals ? Exporter::intervalsCsv(*mDocument, path) : Exporter::totalsCsv(*mDocument, path);
    error.isEmpty() ? statusBar()->showMessage(tr("Wrote %1").arg(path), 8000) : showWriteFailure(path, error);
}

void MainWindow::exportReport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export PDF report"),
                                                      QStringLiteral("carbonscope-report.pdf"), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    compareTab()->pareto()->ensureCurrent();
    mDaily->ensureCurrent();
    ReportFigures figures{mTimeline->plot(), compareTab()->pareto()->plot(), mDaily->plot(), {}};
    figures.setOverlaysVisible = [this](bool visible) { mTimeline->setOverlaysVisible(visible); };
    const QString error = Exporter::reportPdf(*mDocument, figures, path);
    error.isEmpty() ? statusBar()->showMessage(tr("Wrote %1").arg(path), 8000) : showWriteFailure(path, error);
}

void MainWindow::showWriteFailure(const QString &path, const QString &error)
{
    statusBar()->showMessage(error, 15000);
    QMessageBox box(QMessageBox::Warning, tr("Export failed"),
                    tr("Could not write %1").arg(QDir::toNativeSeparators(path)), QMessageBox::Ok, this);
    box.setInformativeText(error + tr("\n\nNothing was written; a file already there is unchanged."));
    box.exec();
}

void MainWindow::updateStatus()
{
    // The first three clauses (name, traces, intervals and gaps) on the tab; where the traces come from and what
    // alignment cut off is in the tooltip, so that a long provenance does not take the plots' height.
    const QString description = mDocument->description();
    QStringList clauses = description.split(QStringLiteral("; "));
    const bool shortened = clauses.size() > 3;
    if (shortened)
        clauses = clauses.mid(0, 3);
    QString scenario = tr("<b>Scenario:</b> %1").arg(clauses.join(QStringLiteral("; ")).toHtmlEscaped());
    if (shortened)
        scenario += tr(" <i>(more in the tooltip)</i>");
    mScenarioLabel->setToolTip(description);
    if (const auto &range = mDocument->totalsRange())
        scenario += tr(" &nbsp; <span style='background:#ffe9a8'>&nbsp;Totals for %1 – %2 UTC (Esc: whole "
                       "scenario)&nbsp;</span>")
                        .arg(QDateTime::fromSecsSinceEpoch(range->first, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd hh:mm")),
                             QDateTime::fromSecsSinceEpoch(range->second, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd hh:mm")));
    mScenarioLabel->setText(scenario);
    int failed = 0;
    for (const PolicyRun &run : mDocument->runs())
        failed += run.ok() ? 0 : 1;
    mStatusLabel->setText(tr("%1 policies simulated in %2 ms%3")
                              .arg(mDocument->runs().size())
                              .arg(mDocument->lastSimulationMs(), 0, 'f', 1)
                              .arg(failed ? tr(", %1 could not run").arg(failed) : QString()));
    mProjectLabel->setText(mProject->path().isEmpty()
                               ? tr("No project file (File ▸ Save project as… keeps this work)")
                               : tr("Project: %1%2").arg(QDir::toNativeSeparators(mProject->path()),
                                                         mProject->isReadOnly() ? tr(" (read-only)") : QString()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmReplacingDocument(tr("quitting"))) {
        event->ignore();
        return;
    }
    mAutosave->removeRecovery(); // saved or discarded: nothing to recover
    saveLayout();
    mProject->remember();
    event->accept();
}

} // namespace cs
