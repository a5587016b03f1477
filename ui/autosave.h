#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

class QWidget;

namespace cs {

class ProjectSession;
class ScenarioDocument;

// Keeps unsaved work safe from a crash: every interval (60 s; tests shorten it) while the document has unsaved
// changes, it is written atomically to a recovery project in QStandardPaths::AppLocalDataLocation. The file is
// removed when the work is saved, discarded or the window closes cleanly; one left behind means the app did not
// close, and the next start offers it back.
class Autosave : public QObject
{
    Q_OBJECT

public:
    Autosave(ScenarioDocument *document, ProjectSession *session, QObject *parent = nullptr);

    static QString recoveryPath();
    // When the recovery file was written; invalid when there is none.
    static QDateTime recoveryTime();

    void setInterval(int ms) { mTimer.setInterval(ms); }
    int interval() const { return mTimer.interval(); }

    // Writes the recovery file now if there are changes it does not hold yet; false when a write failed.
    bool saveNow();
    void removeRecovery();

    // At start: "Recover unsaved work from <time>?" with Recover / Discard. True when the work was recovered.
    bool offerRecovery(QWidget *parent);

Q_SIGNALS:
    void written(const QString &path);
    void failed(const QString &reason);

private:
    ScenarioDocument *mDocument;
    ProjectSession *mSession;
    QTimer mTimer;
    bool mPending = false;   // changes made since the last recovery write
    bool mRecovering = false;
    bool mDocumentGone = false;
};

} // namespace cs
