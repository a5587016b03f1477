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
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace cs {

// Imports a carbon-intensity or request trace: a preview of the first rows, the detected delimiter, header and
// column mapping (each can be corrected), the time format and zone of a generic CSV (the zone completes over the
// IANA names), skipping bad rows if asked, then the import off the GUI thread with progress and cancel.
// Errors stay in the dialog with file, line and column, so the user can fix the choice and try again.
// After a read, the data-quality step (core/data_quality.h): zeros, gaps and runs of repeated values are listed in
// the dialog, which then waits for "Use this data"; a zero actual may be taken as not measured (the forecast fills
// it), on by default for UK Carbon Intensity data, whose GB national feed writes 0 for an unmeasured hour.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportDialog(QWidget *parent = nullptr);
    ~ImportDialog() override;

    void setPath(const QString &path);
    void setKind(ImportRequest::Kind kind);
    ImportRequest request() const;

    // Starts the import; importFinished(ok) follows. The dialog accepts itself on success where the data-quality
    // report is clean, and otherwise shows it and accepts on the next click (Import reads "Use this data").
    void startImport();
    const std::optional<TimeSeries> &series() const { return mSeries; }
    ImportRequest::Kind importedKind() const { return mImportedKind; }
    // After a successful import: what the reader noted ("3 bad rows skipped") and the data-quality summary
    // ("data quality: 2 zeros, taken from the forecast"); empty when nothing.
    const QString &warnings() const { return mWarnings; }
    // After a successful import: the data-quality report of the series as read.
    const std::optional<DataQualityReport> &quality() const { return mQuality; }
    bool reviewing() const { return mReviewing; }

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
    QCheckBox *zeroActualIsMissing() const { return mZeroMissing; }
    QLabel *qualityLabel() const { return mQualityLabel; }
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
    // The data-quality step after a read (importreview.cpp): shows the report, applies the zero-actual choice.
    void showReview();
    void applyZeroChoice();
    void endReview();

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
    QCheckBox *mZeroMissing;
    QLabel *mQualityLabel;
    QPushButton *mImportButton = nullptr;
    std::optional<DataQualityReport> mQuality;
    QString mReadWarnings;
    bool mReviewing = false;
    std::unique_ptr<ImportJob> mJob;
    QProgressDialog *mProgress = nullptr;
    std::optional<TimeSeries> mSeries;
    QString mWarnings;
    ImportRequest::Kind mImportedKind = ImportRequest::Kind::Carbon;
};

} // namespace cs
