#pragma once

#include "importjob.h"

#include <QDialog>

#include <memory>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QTableWidget;

namespace cs {

// Imports a carbon-intensity or request trace: a preview of the first rows, the detected delimiter and column
// mapping (the value column can be corrected), the time format and zone of a generic CSV (the zone completes over
// the IANA names), then the import off the GUI thread with progress and cancel.
// Errors stay in the dialog with file, line and column, so the user can fix the choice and try again.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportDialog(QWidget *parent = nullptr);
    ~ImportDialog() override;

    void setPath(const QString &path);
    void setKind(ImportRequest::Kind kind);
    ImportRequest request() const;

    // Starts the import; importFinished(ok) follows. The dialog accepts itself on success.
    void startImport();
    const std::optional<TimeSeries> &series() const { return mSeries; }
    ImportRequest::Kind importedKind() const { return mImportedKind; }

    QLabel *errorLabel() const { return mError; }
    QLabel *detectedLabel() const { return mDetected; }
    QTableWidget *preview() const { return mPreview; }
    QComboBox *valueColumn() const { return mValueColumn; }
    QComboBox *timeFormat() const { return mTimeFormat; }
    QLineEdit *timeZone() const { return mTimeZone; }

    // Sets kind and columns from a file's first lines: the guess the dialog shows (static for tests).
    struct Guess
    {
        QChar delimiter;
        QStringList header;
        QList<QStringList> rows;
        int timeColumn = -1;
        int valueColumn = -1;
        ImportRequest::Kind kind = ImportRequest::Kind::Carbon;
    };
    static Guess guess(const QByteArray &head);

Q_SIGNALS:
    void importFinished(bool ok);

private:
    void browse();
    void refreshPreview();
    void refreshFormats();
    void onJobFinished();

    QLineEdit *mPath;
    QButtonGroup *mKindGroup;
    QComboBox *mValueColumn;
    QComboBox *mFormat;
    QComboBox *mTimeFormat;
    QLineEdit *mTimeZone;
    QString mDetectedFormat;
    QLabel *mDetected;
    QTableWidget *mPreview;
    QLabel *mError;
    std::unique_ptr<ImportJob> mJob;
    QProgressDialog *mProgress = nullptr;
    std::optional<TimeSeries> mSeries;
    ImportRequest::Kind mImportedKind = ImportRequest::Kind::Carbon;
};

} // namespace cs
