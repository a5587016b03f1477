#include "projectsession.h"

#include "io/atomic_file.h"
#include "poolmodel.h"
#include "preference.h"
#include "projectfile.h"
#include "scenariodocument.h"
#include "scenarioloader.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>

namespace cs {

static Preference<QString> lastProject{QStringLiteral("project/last")};
static Preference<QStringList> recentList{QStringLiteral("project/recent")};

namespace {

const QString Filter = QObject::tr("CarbonScope projects (*.csdb)");

QString absolute(const QString &path)
{
    return path.isEmpty() ? path : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

ProjectSession::ProjectSession(ScenarioDocument *document, QObject *parent) : QObject(parent), mDocument(document) {}

ProjectSession::~ProjectSession() = default;

bool ProjectSession::isModified() const
{
    return !mDocument->undoStack()->isClean();
}

QStringList ProjectSession::recentProjects()
{
    const QStringList stored = recentList.get();
    QStringList out;
    for (const QString &p : stored)
        if (QFileInfo(p).isAbsolute() && QFileInfo::exists(p) && !out.contains(p))
            out << p;
    if (out != stored)
        recentList.set(out);
    return out;
}

QString ProjectSession::lastProjectPath()
{
    return lastProject.get();
}

void ProjectSession::addRecent(const QString &path)
{
    QStringList list = recentProjects();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > 8)
        list.removeLast();
    recentList.set(list);
}

void ProjectSession::remember()
{
    lastProject.set(mPath);
}

bool ProjectSession::fail(QWidget *parent, const QString &title, const QString &path, const QString &reason)
{
    mError = reason;
    Q_EMIT message(tr("%1 %2: %3").arg(title, path, reason));
    if (parent) {
        QMessageBox box(QMessageBox::Warning, title, tr("%1 %2").arg(title, QDir::toNativeSeparators(path)),
                        QMessageBox::Ok, parent);
        box.setInformativeText(reason);
        box.exec();
    }
    return false;
}

bool ProjectSession::openLast(QWidget *parent)
{
    const QString path = lastProject.get();
    return !path.isEmpty() && openProject(path, parent);
}

void ProjectSession::install(ProjectContent content, const QString &name)
{
    // The traces first: they are the one part that can be refused, and then nothing has changed.
    mDocument->setTraces(std::move(content.carbon), std::move(content.requests), name);
    // Opening starts a new history: the undo stack belonged to what was open.
    mDocument->undoStack()->clear();
    mDocument->poolModel()->replacePool(std::move(content.pool));
    if (content.policies)
        mDocument->replacePolicies(std::move(*content.policies));
    mDocument->undoStack()->clear();
}

bool ProjectSession::newProject(QWidget *parent)
{
    const QString path = QFileDialog::getSaveFileName(parent, tr("New project"), QStringLiteral("carbonscope.csdb"), Filter);
    if (path.isEmpty())
        return false;
    try {
        mDocument->resetToDefault();
    } catch (const std::exception &e) {
        return fail(parent, tr("Cannot start"), path, QString::fromUtf8(e.what()));
    }
    closeProject();
    return saveAs(path, parent);
}

bool ProjectSession::openProjectDialog(QWidget *parent)
{
    const QString path = QFileDialog::getOpenFileName(parent, tr("Open project"), QFileInfo(mPath).path(), Filter);
    return !path.isEmpty() && openProject(path, parent);
}

bool ProjectSession::saveAsDialog(QWidget *parent)
{
    const QString path = QFileDialog::getSaveFileName(parent, tr("Save project as"),
                                                      mPath.isEmpty() ? QStringLiteral("carbonscope.csdb") : mPath, Filter);
    return !path.isEmpty() && saveAs(path, parent);
}

bool ProjectSession::save(QWidget *parent)
{
    if (mPath.isEmpty())
        return saveAsDialog(parent);
    if (mReadOnly) {
        const QString why = tr("%1 is read-only (the file or its folder cannot be written).").arg(mPath);
        if (!parent)
            return fail(nullptr, tr("Cannot save"), mPath, why);
        QMessageBox box(QMessageBox::Information, tr("Read-only project"), why, QMessageBox::Cancel, parent);
        box.setInformativeText(tr("Save your work as a new project file?"));
        QPushButton *saveAsButton = box.addButton(tr("Save &As…"), QMessageBox::AcceptRole);
        box.setDefaultButton(saveAsButton);
        box.exec();
        return box.clickedButton() == saveAsButton && saveAsDialog(parent);
    }
    try {
        writeProjectFileInPlace(*mDocument, mPath);
    } catch (const std::exception &e) {
        return fail(parent, tr("Cannot save"), mPath, QString::fromUtf8(e.what()));
    }
    return markSaved();
}

bool ProjectSession::saveAs(const QString &given, QWidget *parent)
{
    const QString path = absolute(given);
    if (!mPath.isEmpty() && !mReadOnly && sameFile(path.toStdString(), mPath.toStdString()))
        return save(parent);
    try {
        writeProjectFileAtomically(*mDocument, path, mPath);
    } catch (const std::exception &e) {
        return fail(parent, tr("Cannot save"), path, QString::fromUtf8(e.what()));
    }
    mPath = path;
    mReadOnly = false;
    addRecent(path);
    remember();
    return markSaved();
}

bool ProjectSession::markSaved()
{
    mDocument->undoStack()->setClean();
    Q_EMIT saved();
    Q_EMIT changed();
    Q_EMIT message(tr("Saved %1").arg(mPath));
    return true;
}

bool ProjectSession::openProject(const QString &given, QWidget *parent)
{
    const QString path = absolute(given);
    try {
        const bool readOnly = isReadOnlyProject(path);
        install(readProjectFile(path, readOnly), QFileInfo(path).completeBaseName());
        mPath = path;
        mReadOnly = readOnly;
    } catch (const std::exception &e) {
        return fail(parent, tr("Cannot open"), path, QString::fromUtf8(e.what()));
    }
    addRecent(mPath);
    remember();
    Q_EMIT changed();
    Q_EMIT message(mReadOnly ? tr("Opened %1 read-only (the file or its folder cannot be written): "
                                  "save changes with Save As")
                                   .arg(mPath)
                             : tr("Opened %1").arg(mPath));
    return true;
}

bool ProjectSession::recover(const QString &recoveryFile, const QString &originalPath, QWidget *parent)
{
    try {
        install(readProjectFile(recoveryFile, true), originalPath.isEmpty()
                                                          ? tr("recovered work")
                                                          : QFileInfo(originalPath).completeBaseName());
    } catch (const std::exception &e) {
        return fail(parent, tr("Cannot recover"), recoveryFile, QString::fromUtf8(e.what()));
    }
    const bool original = !originalPath.isEmpty() && QFileInfo::exists(originalPath);
    mPath = original ? absolute(originalPath) : QString();
    mReadOnly = original && isReadOnlyProject(mPath);
    // Not what the project file holds: unsaved until the user saves.
    mDocument->undoStack()->resetClean();
    Q_EMIT changed();
    Q_EMIT message(tr("Recovered unsaved work%1; save it to keep it")
                       .arg(original ? tr(" on %1").arg(mPath) : QString()));
    return true;
}

void ProjectSession::closeProject()
{
    mPath.clear();
    mReadOnly = false;
    Q_EMIT changed();
}

} // namespace cs
