#include "mainwindow.h"

#include "autosave.h"
#include "importdialog.h"
#include "projectsession.h"
#include "scenariodocument.h"
#include "scenarioloader.h"
#include "unsavedchangesguard.h"

#include <QDragEnterEvent>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>

// Opening documents: the default scenario (the paper's experiment), the last project, recovery, drops.

namespace cs {

bool MainWindow::openDefaultScenario()
{
    try {
        mDocument->openPaperExperiment();
        return true;
    } catch (const std::exception &e) {
        statusBar()->showMessage(tr("Cannot open the default scenario: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
}

void MainWindow::replaceWithDefaultScenario()
{
    const UnsavedChangesGuard::Answer answer = UnsavedChangesGuard::ask(this, mProject, tr("opening the default scenario"));
    if (!UnsavedChangesGuard::mayProceed(answer))
        return;
    // Discarding means going back to what the project file holds before the traces change.
    if (answer == UnsavedChangesGuard::Answer::Discarded && !mProject->path().isEmpty()
        && !mProject->openProject(mProject->path(), this))
        return;
    try {
        if (mProject->path().isEmpty()) {
            mDocument->resetToDefault();
            statusBar()->showMessage(tr("Opened the default scenario (untitled)"), 8000);
        } else {
            mDocument->changeTraces(defaultCarbonTrace(), defaultRequestTrace(), defaultScenarioName(),
                                    tr("Open default scenario"));
            statusBar()->showMessage(tr("The default scenario's traces replace those of %1 (not saved yet; "
                                        "Edit ▸ Undo brings them back)")
                                         .arg(QFileInfo(mProject->path()).fileName()),
                                     10000);
        }
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Open default scenario"),
                             tr("Cannot open the default scenario: %1").arg(QString::fromUtf8(e.what())));
    }
}

void MainWindow::openInitial()
{
    const QString last = mProject->lastProjectPath();
    if (!last.isEmpty() && !QFileInfo::exists(last))
        statusBar()->showMessage(tr("The last project, %1, is no longer there").arg(last), 15000);
    else if (mProject->openLast(this))
        return;
    openDefaultScenario();
}

bool MainWindow::offerRecovery()
{
    return mAutosave->offerRecovery(this);
}

bool MainWindow::confirmReplacingDocument(const QString &action)
{
    return UnsavedChangesGuard::mayProceed(UnsavedChangesGuard::ask(this, mProject, action));
}

bool MainWindow::openProjectFile(const QString &path)
{
    return confirmReplacingDocument(tr("opening another project")) && mProject->openProject(path, this);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile())
        return;
    const QString path = urls.front().toLocalFile();
    event->acceptProposedAction();
    if (path.endsWith(QLatin1String(".csdb"), Qt::CaseInsensitive))
        openProjectFile(path);
    else
        importTrace(path);
}


} // namespace cs
