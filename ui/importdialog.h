#pragma once

#include "importjob.h"

#include <QDialog>

#include <memory>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QSpinBox;
class QTableWidget;

namespace cs {

// Imports a carbon-intensity or request trace: a preview of the first rows, the detected delimiter, header and
// column mapping (each can be corrected), the time format and zone of a generic CSV (the zone completes over the
// IANA names), skipping bad rows if asked, then the import off the GUI thread with progress and cancel.
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
    // After a successful import: what the reader noted ("3 bad rows skipped"); empty when nothing.
    const QString &warnings() const { return mWarnings; }

    QLabel *errorLabel() const { return mError; }
    QLabel *detectedLabel() const { return mDetected; }
    QTableWidget *preview() const { return mPreview; }
    QComboBox *valueColumn() const { return mValueColumn; }
    QComboBox *timeColumn() const { return mTimeColumn; }
    QComboBox *delimiter() const { return mDelimiter; }
    QComboBox *header() const { return mHeader; }
    QCheckBox *skipBadRows() const { return mSkipBadRows; }
    QLineEdit *traceStart() const { return mStart; }
    QSpinBox *interval() const { return mInterval; }
    QLineEdit *operation() const { return mOperation; }
    QComboBox *timeFormat() const { return mTimeFormat; }
    QLineEdit *timeZone() const { return mTimeZone; }

    // Sets kind and columns from a file's first lines: the guess the dialog shows (static for tests). A delimiter
    // or header given is taken as is; without a header the columns are named "column 1", "column 2", ...
    struct Guess
    {
        QChar delimiter;
        QStringList header;
        QList<QStringList> rows;
        int timeColumn = -1;
        int valueColumn = -1;
        bool hasHeader = true;
        ImportRequest::Kind kind = ImportRequest::Kind::Carbon;
    };
    static Guess guess(const QByteArray &head, QChar delimiter = {}, std::optional<bool> header = {});

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
    QComboBox *mTimeColumn;
    QComboBox *mDelimiter;
    QComboBox *mHeader;
    QCheckBox *mSkipBadRows;
    QLineEdit *mStart;
    QSpinBox *mInterval;
    QLineEdit *mOperation;
    QComboBox *mFormat;
    QComboBox *mTimeFormat;
    QLineEdit *mTimeZone;
    QString mDetectedFormat;
    QString mPreviewedPath;
    QLabel *mDetected;
    QTableWidget *mPreview;
    QLabel *mError;
    std::unique_ptr<ImportJob> mJob;
    QProgressDialog *mProgress = nullptr;
    std::optional<TimeSeries> mSeries;
    QString mWarnings;
    ImportRequest::Kind mImportedKind = ImportRequest::Kind::Carbon;
};

} // namespace cs
