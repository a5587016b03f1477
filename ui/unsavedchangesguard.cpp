#include "unsavedchangesguard.h"

#include "projectsession.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QMessageBox>

namespace cs {

UnsavedChangesGuard::Answer UnsavedChangesGuard::ask(QWidget *parent, ProjectSession *session, const QString &action)
{
    if (!session->isModified())
        return Answer::NothingUnsaved;
    const QString name = session->path().isEmpty() ? QCoreApplication::translate("cs", "the untitled scenario")
                                                   : QFileInfo(session->path()).fileName();
    QMessageBox box(QMessageBox::Warning, QCoreApplication::translate("cs", "Unsaved changes"),
                    QCoreApplication::translate("cs", "Save the changes to %1 before %2?").arg(name, action),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box.setInformativeText(QCoreApplication::translate("cs", "Discard loses them; Cancel keeps everything as it is."));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
    case QMessageBox::Save:
        return session->save(parent) ? Answer::Saved : Answer::Cancelled;
    case QMessageBox::Discard:
        return Answer::Discarded;
    default:
        return Answer::Cancelled;
    }
}

} // namespace cs
