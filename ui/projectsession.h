#pragma once

#include "time_series.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QWidget;

namespace cs {

class ScenarioDocument;
struct ProjectContent;

// The document's project file (*.csdb, the store's SQLite database; projectfile.h reads and writes it):
// New / Open / Save As / Save, recent files and the last project (QSettings).
//
// Nothing is dropped here: a project that cannot be opened leaves the document and the open project as they
// were; a read-only project opens for viewing and Save turns into Save As; Save As writes a temporary file and
// renames it into place. Given a parent widget, a failure is shown in a dialog naming the file and the reason;
// every outcome is also emitted as message(). Asking about unsaved changes is the caller's part
// (UnsavedChangesGuard).
class ProjectSession : public QObject
{
    Q_OBJECT

public:
    ProjectSession(ScenarioDocument *document, QObject *parent = nullptr);
    ~ProjectSession() override;

    // Absolute paths of projects that still exist, newest first; stale entries are dropped from the settings.
    static QStringList recentProjects();
    // The project to reopen at start (empty: none).
    static QString lastProjectPath();

    // Absolute; empty while the document is untitled.
    const QString &path() const { return mPath; }
    // The open project cannot be written (file or folder read-only): Save asks for Save As.
    bool isReadOnly() const { return mReadOnly; }
    bool isModified() const;
    // Why the last operation failed.
    const QString &errorString() const { return mError; }

    // Each returns true when done; false when cancelled or failed (the reason in errorString()).
    bool newProject(QWidget *parent);
    bool openProjectDialog(QWidget *parent);
    bool saveAsDialog(QWidget *parent);
    bool save(QWidget *parent);
    bool openProject(const QString &path, QWidget *parent = nullptr);
    bool saveAs(const QString &path, QWidget *parent = nullptr);
    bool openLast(QWidget *parent);
    // The document becomes untitled (the file stays as it is).
    void closeProject();
    // Loads a recovery file (the autosave's) as unsaved changes to `originalPath` (empty: untitled).
    bool recover(const QString &recoveryFile, const QString &originalPath, QWidget *parent = nullptr);
    // Keeps the open project as the one to reopen on the next start.
    void remember();

Q_SIGNALS:
    void changed();
    void message(const QString &text);
    // The document was written to its project (Save, Save As): the autosave's recovery file is no longer needed.
    void saved();

private:
    bool fail(QWidget *parent, const QString &title, const QString &path, const QString &reason);
    void install(ProjectContent content, const QString &name);
    void addRecent(const QString &path);
    // After a write to mPath: the document is clean, and saved(), changed() and the message are emitted.
    bool markSaved();

    ScenarioDocument *mDocument;
    QString mPath;
    QString mError;
    bool mReadOnly = false;
};

} // namespace cs
