#include "mainwindow.h"

#include "preference.h"
#include "projectsession.h"
#include "scenariodocument.h"
#include "teachingpanel.h"
#include "timelinetab.h"
#include "timelineview.h"

#include <QAction>
#include <QFileInfo>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QUndoStack>

// Where the main window sits, how it is laid out and remembered, and the teaching and presentation modes.

namespace cs {

static Preference<QByteArray> windowGeometry{QStringLiteral("mainwindow/geometry")};
static Preference<QByteArray> windowLayout{QStringLiteral("mainwindow/state")};
static Preference<QByteArray> plotSplitState{QStringLiteral("mainwindow/timelinePlotSplit")};
static Preference<QByteArray> timelineSplitState{QStringLiteral("mainwindow/timelineTableSplit")};
static Preference<int> lastTab{QStringLiteral("mainwindow/tab"), 0};

QSize MainWindow::preferredSize(const QSize &available)
{
    // Roomy where the screen allows; on a laptop (1366×768) or under a 2× scale factor, most of the screen.
    const QSize roomy(1500, 950);
    if (available.width() >= roomy.width() + 40 && available.height() >= roomy.height() + 40)
        return roomy;
    return QSize(std::min(roomy.width(), available.width() * 94 / 100),
                 std::min(roomy.height(), available.height() * 94 / 100));
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = windowGeometry.get();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    // A geometry saved on a larger screen (or another scale factor) is brought back inside this one.
    const QRect available = screen()->availableGeometry();
    if (width() > available.width() || height() > available.height())
        resize(preferredSize(available.size()));
    restoreState(windowLayout.get());
    mTimelineTab->restorePlotSplit(plotSplitState.get());
    mTimelineTab->restoreTableSplit(timelineSplitState.get());
    mTabs->setCurrentIndex(std::clamp(lastTab.get(), 0, mTabs->count() - 1));
}

void MainWindow::saveLayout()
{
    windowGeometry.set(saveGeometry());
    windowLayout.set(saveState());
    if (const auto plotSplit = mTimelineTab->plotSplitToSave())
        plotSplitState.set(*plotSplit);
    timelineSplitState.set(mTimelineTab->tableSplitState());
    lastTab.set(mTabs->currentIndex());
}

void MainWindow::setTeachingMode(bool on)
{
    if (mTeachingAction && mTeachingAction->isChecked() != on)
        mTeachingAction->setChecked(on);
    if (on)
        mTabs->setCurrentIndex(0);
    mTeaching->setActive(on);
    mTimelineTab->setTeaching(on);
    if (!on)
        setPresentationMode(false);
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == mPresenting)
        return;
    mPresenting = on;
    if (mPresentationAction && mPresentationAction->isChecked() != on)
        mPresentationAction->setChecked(on);
    if (on) {
        setTeachingMode(true);
        mWasMaximized = isMaximized();
        showFullScreen();
    } else {
        mWasMaximized ? showMaximized() : showNormal();
    }
    // A projector: the timeline and the teaching panel alone, in large type.
    menuBar()->setVisible(!on);
    statusBar()->setVisible(!on);
    mTabs->tabBar()->setVisible(!on);
    mTimelineTab->setPresenting(on);
    mTimeline->setPresentationFonts(on);
    mTeaching->setPresentationFonts(on);
}

bool MainWindow::showTab(const QString &name)
{
    for (int i = 0; i < mTabs->count(); ++i) {
        if (mTabs->tabText(i).remove(QLatin1Char('&')).startsWith(name, Qt::CaseInsensitive)) {
            mTabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::updateTitle()
{
    const QString name = mProject->path().isEmpty() ? tr("Untitled") : QFileInfo(mProject->path()).fileName();
    // "[*]" is where Qt shows the modified mark.
    setWindowTitle(tr("%1[*]%2 — CarbonScope").arg(name, mProject->isReadOnly() ? tr(" (read-only)") : QString()));
    setWindowModified(!mDocument->undoStack()->isClean());
}

} // namespace cs
