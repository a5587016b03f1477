#pragma once

#include <QDialog>

#include <functional>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThread;

namespace cs {

class FetchJob;

// File ▸ Download…: history from the UK Carbon Intensity API, Electricity Maps or WattTime into the open project
// (core/fetch), on a worker thread with progress and Cancel. What was fetched stays in the project, so a
// cancelled or failed download resumes where it stopped. A token or password typed here is held in memory for
// the download only (the CARBONSCOPE_* variables are used where the fields are empty).
class DownloadDialog : public QDialog
{
    Q_OBJECT

public:
    DownloadDialog(const QString &projectPath, QWidget *parent = nullptr);
    ~DownloadDialog() override;

    bool isRunning() const { return mThread != nullptr; }
    // The last download's outcome, as shown.
    QString resultText() const;

    void start();
    void cancel();

Q_SIGNALS:
    void downloadFinished(bool ok);

protected:
    void reject() override;

private:
    void sourceChanged();
    void finish(bool ok, const QString &text);

    QString mProjectPath;
    QComboBox *mSource;
    QLineEdit *mRegions;
    QDateEdit *mFrom;
    QDateEdit *mTo;
    QLineEdit *mToken;
    QLineEdit *mUser;
    QLineEdit *mBaseUrl;
    QLabel *mCredentialsNote;
    QSpinBox *mGap;
    QProgressBar *mProgress;
    QLabel *mStatus;
    QPlainTextEdit *mLog;
    QPushButton *mStart;
    QPushButton *mCancel;
    QThread *mThread = nullptr;
    FetchJob *mJob = nullptr;
};

// Adds File ▸ Download… to `menu`: it opens the dialog on the project `projectPath()` names (the main window's
// open project), or says to save the project first where there is none.
void addDownloadAction(QMenu *menu, QWidget *window, std::function<QString()> projectPath);

} // namespace cs
