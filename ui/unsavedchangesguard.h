#pragma once

#include <QString>

class QWidget;

namespace cs {

class ProjectSession;

// Before anything replaces the document (quit, open, open recent, new project, the default scenario): with
// unsaved changes, asks Save / Discard / Cancel. Save saves (Save As where the document is untitled or
// read-only) and goes on only when that worked; Cancel keeps everything as it is.
class UnsavedChangesGuard
{
public:
    enum class Answer { NothingUnsaved, Saved, Discarded, Cancelled };

    // `action` completes "Save the changes to NAME before …?" ("quitting", "opening another project").
    static Answer ask(QWidget *parent, ProjectSession *session, const QString &action);
    static bool mayProceed(Answer answer) { return answer != Answer::Cancelled; }
};

} // namespace cs
