#pragma once

#include "time_series.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QWidget;

namespace cs {

class ProjectStore;
class ScenarioDocument;

// The document's project file: the store's SQLite database (*.csdb) holding the traces, the pool and the scenario,
// plus the compared policies and the baseline in a table of the GUI's own (ui_policies; the store has no place
// for them).
// New / Open / Save As / Save, recent files and the last project (QSettings). Without the store library
// (carbonscope_store not built) available() is false and every operation says so.
class ProjectSession : public QObject
{
    Q_OBJECT

public:
    ProjectSession(ScenarioDocument *document, QObject *parent = nullptr);
    ~ProjectSession() override;

    static bool available();
    static QStringList recentProjects();

    const QString &path() const { return mPath; }

    void newProject(QWidget *parent);
    void openProjectDialog(QWidget *parent);
    void saveAsDialog(QWidget *parent);
    void save(QWidget *parent);
    // Each returns false with the reason emitted as message().
    bool openProject(const QString &path, QWidget *parent = nullptr);
    bool saveAs(const QString &path);
    bool openLast(QWidget *parent);
    // An imported trace goes into the open project at once.
    void traceImported(const TimeSeries &series, bool carbon, const QString &file);
    // Keeps the open project as the one to reopen on the next start.
    void remember();

Q_SIGNALS:
    void changed();
    void message(const QString &text);

private:
    bool write(const QString &path);
    void addRecent(const QString &path);

    ScenarioDocument *mDocument;
    QString mPath;
};

} // namespace cs
