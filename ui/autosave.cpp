#include "autosave.h"

#include "preference.h"
#include "projectfile.h"
#include "projectsession.h"
#include "scenariodocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QUndoStack>

namespace cs {

// The project the recovered work belongs to (empty: untitled).
static Preference<QString> recoveryProject{QStringLiteral("recovery/project")};

Autosave::Autosave(ScenarioDocument *document, ProjectSession *session, QObject *parent)
    : QObject(parent), mDocument(document), mSession(session)
{
    mTimer.setInterval(60 * 1000);
    connect(&mTimer, &QTimer::timeout, this, &Autosave::saveNow);
    mTimer.start();
    // Every undo step, redo or new edit is a change the recovery file does not hold yet.
    connect(mDocument->undoStack(), &QUndoStack::indexChanged, this, [this] { mPending = true; });
    connect(mDocument->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean && !mRecovering && !mDocumentGone)
            removeRecovery();
    });
    // A window torn down without closing (the app killed, QApplication::exit) keeps the file: the undo stack's
    // own clear() on destruction is no saved or discarded work.
    connect(mDocument, &QObject::destroyed, this, [this] { mDocumentGone = true; });
    connect(mSession, &ProjectSession::saved, this, &Autosave::removeRecovery);
}

QString Autosave::recoveryPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("recovery.csdb"));
}

QDateTime Autosave::recoveryTime()
{
    const QFileInfo info(recoveryPath());
    return info.exists() ? info.lastModified() : QDateTime();
}

bool Autosave::saveNow()
{
    if (!mPending || !mSession->isModified())
        return true;
    const QString path = recoveryPath();
    try {
        QDir().mkpath(QFileInfo(path).absolutePath());
        writeProjectFileAtomically(*mDocument, path);
    } catch (const std::exception &e) {
        Q_EMIT failed(QString::fromUtf8(e.what()));
        return false;
    }
    recoveryProject.set(mSession->path());
    mPending = false;
    Q_EMIT written(path);
    return true;
}

void Autosave::removeRecovery()
{
    QFile::remove(recoveryPath());
    mPending = !mDocumentGone && mSession->isModified();
}

bool Autosave::offerRecovery(QWidget *parent)
{
    const QDateTime when = recoveryTime();
    if (!when.isValid())
        return false;
    const QString project = recoveryProject.get();
    QMessageBox box(QMessageBox::Question, tr("Recover unsaved work"),
                    tr("Recover unsaved work from %1?").arg(QLocale().toString(when, QLocale::ShortFormat)),
                    QMessageBox::NoButton, parent);
    box.setInformativeText(project.isEmpty()
                               ? tr("CarbonScope did not close normally; this work was never saved to a project.")
                               : tr("CarbonScope did not close normally; these are unsaved changes to %1.")
                                     .arg(QDir::toNativeSeparators(project)));
    QPushButton *recover = box.addButton(tr("&Recover"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Discard);
    box.setDefaultButton(recover);
    box.exec();
    if (box.clickedButton() != recover) {
        removeRecovery();
        return false;
    }
    mRecovering = true;
    const bool ok = mSession->recover(recoveryPath(), project, parent);
    mRecovering = false;
    mPending = false; // the recovery file holds exactly this
    return ok;
}

} // namespace cs
