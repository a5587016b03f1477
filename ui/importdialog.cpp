#include "importdialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "import_formats.h"
#include "import_runner.h"
#include "importer.h"
#include "local_time_zone.h"

namespace cs {

ImportDialog::ImportDialog(QWidget *parent)
    : QDialog(parent), mPath(new QLineEdit(this)), mKindGroup(new QButtonGroup(this)),
      mValueColumn(new QComboBox(this)), mTimeColumn(new QComboBox(this)), mDelimiter(new QComboBox(this)),
      mHeader(new QComboBox(this)), mSkipBadRows(new QCheckBox(this)), mStart(new QLineEdit(this)),
      mInterval(new QSpinBox(this)), mOperation(new QLineEdit(this)), mFormat(new QComboBox(this)), mTimeFormat(new QComboBox(this)),
      mTimeZone(new QLineEdit(this)), mDetected(new QLabel(this)), mPreview(new QTableWidget(this)),
      mError(new QLabel(this)), mZeroMissing(new QCheckBox(this)), mQualityLabel(new QLabel(this))
{
    setWindowTitle(tr("Import a trace"));
    resize(820, 560);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;

    auto *pathRow = new QHBoxLayout;
    mPath->setPlaceholderText(tr("a CSV file with a time column and a value column"));
    mPath->setToolTip(tr("The file to import (you can also drop a file onto the main window)"));
    pathRow->addWidget(mPath, 1);
    auto *browseButton = new QPushButton(tr("Browse…"), this);
    browseButton->setToolTip(tr("Choose a file"));
    pathRow->addWidget(browseButton);
    form->addRow(tr("File:"), pathRow);

    auto *kindRow = new QHBoxLayout;
    auto *carbon = new QRadioButton(tr("Carbon intensity (gCO₂/kWh)"), this);
    auto *requests = new QRadioButton(tr("Requests per interval"), this);
    carbon->setToolTip(tr("Replaces the scenario's carbon-intensity trace"));
    requests->setToolTip(tr("Replaces the scenario's request trace"));
    mKindGroup->addButton(carbon, static_cast<int>(ImportRequest::Kind::Carbon));
    mKindGroup->addButton(requests, static_cast<int>(ImportRequest::Kind::Requests));
    carbon->setChecked(true);
    connect(mKindGroup, &QButtonGroup::idClicked, this, [this] { refreshFormats(); });
    kindRow->addWidget(carbon);
    kindRow->addWidget(requests);
    kindRow->addStretch(1);
    form->addRow(tr("Trace:"), kindRow);

    mValueColumn->setToolTip(tr("The column holding the values; \"detect\" lets the reader choose (actual before "
                                "forecast)"));
    form->addRow(tr("Value column:"), mValueColumn);
    mTimeColumn->setToolTip(tr("The column holding the times; \"detect\" lets the reader choose (from, datetime, "
                               "timestamp, ds, period, time, date)"));
    form->addRow(tr("Time column:"), mTimeColumn);

    // Delimiter and header: detected, or set by the user when the guess is wrong; the preview follows.
    auto *csvRow = new QHBoxLayout;
    mDelimiter->addItem(tr("detect"), QString());
    mDelimiter->addItem(tr("comma ,"), QStringLiteral(","));
    mDelimiter->addItem(tr("semicolon ;"), QStringLiteral(";"));
    mDelimiter->addItem(tr("tab"), QStringLiteral("\t"));
    mDelimiter->addItem(tr("pipe |"), QStringLiteral("|"));
    mDelimiter->setToolTip(tr("What separates a CSV's fields"));
    mHeader->addItem(tr("detect"), QString());
    mHeader->addItem(tr("first row names the columns"), QStringLiteral("yes"));
    mHeader->addItem(tr("first row is data"), QStringLiteral("no"));
    mHeader->setToolTip(tr("Whether the CSV's first row is a header"));
    csvRow->addWidget(mDelimiter);
    csvRow->addWidget(new QLabel(tr("Header:"), this));
    csvRow->addWidget(mHeader, 1);
    form->addRow(tr("Delimiter:"), csvRow);
    connect(mDelimiter, &QComboBox::activated, this, &ImportDialog::refreshPreview);
    connect(mHeader, &QComboBox::activated, this, &ImportDialog::refreshPreview);
    mFormat->setToolTip(tr("The file format; \"auto\" detects it from the content"));
    form->addRow(tr("Format:"), mFormat);

    // Generic CSV/TSV only: the other formats carry their own time format and zone.
    mTimeFormat->addItem(tr("detect"), QStringLiteral("auto"));
    mTimeFormat->addItem(tr("ISO 8601 or YYYY-MM-DD HH:MM"), QStringLiteral("iso"));
    mTimeFormat->addItem(tr("Unix seconds"), QStringLiteral("unix-s"));
    mTimeFormat->addItem(tr("Unix milliseconds"), QStringLiteral("unix-ms"));
    mTimeFormat->setToolTip(tr("How a CSV's time column is written; \"detect\" tells Unix times from ISO ones"));
    form->addRow(tr("Time format:"), mTimeFormat);
    mTimeZone->setPlaceholderText(tr("UTC"));
    QStringList zones;
    for (const std::string &name : LocalTimeZone::names())
        zones << QString::fromStdString(name);
    if (!zones.isEmpty()) {
        auto *completer = new QCompleter(zones, mTimeZone);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains); // "london" finds Europe/London
        mTimeZone->setCompleter(completer);
    }
    mTimeZone->setToolTip(
        zones.isEmpty()
            ? tr("The zone of CSV times written without an offset: UTC or a fixed offset such as +01:00 "
                 "(this build has no named time zones)")
            : tr("The zone of CSV times written without an offset: UTC, a fixed offset such as +01:00, or a "
                 "name such as Europe/London. When clocks go back the repeated hour reads as two hours; a "
                 "time skipped when they go forward is a bad row. Times with Z or an offset keep their own."));
    form->addRow(tr("Time zone:"), mTimeZone);
    // Request traces of one row per request: counted per interval; Twitter's times count from the trace start.
    auto *requestRow = new QHBoxLayout;
    mInterval->setRange(1, 7 * 86400);
    mInterval->setValue(60);
    mInterval->setSuffix(tr(" s"));
    mInterval->setToolTip(tr("Per-request traces (Twitter, Azure LLM, a CSV of request times): requests are "
                             "counted per this many seconds"));
    mStart->setPlaceholderText(tr("Twitter: the trace's first instant, e.g. 2020-03-01T00:00:00Z"));
    mStart->setToolTip(tr("Twitter cache traces count seconds from their start: the UTC time they start at"));
    mOperation->setPlaceholderText(tr("all operations"));
    mOperation->setToolTip(tr("Twitter: count only this operation (get, set, ...)"));
    requestRow->addWidget(mInterval);
    requestRow->addWidget(new QLabel(tr("Start:"), this));
    requestRow->addWidget(mStart, 2);
    requestRow->addWidget(new QLabel(tr("Operation:"), this));
    requestRow->addWidget(mOperation, 1);
    form->addRow(tr("Count per:"), requestRow);
    mSkipBadRows->setText(tr("Skip bad rows and count them, instead of stopping at the first"));
    mSkipBadRows->setToolTip(tr("A row that cannot be read (a non-number, a time going backwards, ...) is left out "
                                "and counted; without this the import stops and names its line and column"));
    form->addRow(QString(), mSkipBadRows);
    mZeroMissing->setText(tr("Treat an actual intensity of 0 as not measured and take the forecast there"));
    mZeroMissing->setToolTip(tr("The GB national feed of the UK Carbon Intensity API publishes 0 for an hour it has "
                                "not measured yet; read as 0 gCO₂/kWh it is a false dip that policies chase. On by "
                                "default for UK Carbon Intensity data, as the Live tab does."));
    connect(mZeroMissing, &QCheckBox::toggled, this, &ImportDialog::applyZeroChoice);
    form->addRow(QString(), mZeroMissing);
    layout->addLayout(form);

    mDetected->setWordWrap(true);
    layout->addWidget(mDetected);
    mPreview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mPreview->setToolTip(tr("The first rows of the file"));
    mPreview->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(mPreview, 1);
    mError->setWordWrap(true);
    mError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mError->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
    layout->addWidget(mError);
    mQualityLabel->setWordWrap(true);
    mQualityLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(mQualityLabel);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    mImportButton = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    mImportButton->setDefault(true);
    mImportButton->setToolTip(tr("Read the file off the GUI thread and re-simulate"));
    layout->addWidget(buttons);

    connect(browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    // Only a new path re-reads the preview: editingFinished also fires when the field merely loses focus (a click
    // on Import), and a re-read would reset the columns the user chose.
    connect(mPath, &QLineEdit::editingFinished, this, [this] {
        if (mPath->text() != mPreviewedPath)
            refreshPreview();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::startImport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a trace"), mPath->text(),
                                                      tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        setPath(path);
}

void ImportDialog::setPath(const QString &path)
{
    mPath->setText(path);
    refreshPreview();
}

void ImportDialog::setKind(ImportRequest::Kind kind)
{
    mKindGroup->button(static_cast<int>(kind))->setChecked(true);
}

void ImportDialog::refreshFormats()
{
    const QString current = mFormat->currentText();
    mFormat->clear();
    const SeriesKind kind = request().kind == ImportRequest::Kind::Carbon ? SeriesKind::Carbon : SeriesKind::Requests;
    for (const std::string &f : ImportRunner::formats(kind))
        mFormat->addItem(QString::fromStdString(f));
    // What each reads, from the format registry (the same lines as `carbonscope-cli import --help`).
    for (const ImportFormat &f : importFormats()) {
        const int i = mFormat->findText(QString::fromStdString(f.name));
        if (f.kind != kind || i < 0)
            continue;
        const QString tip = mFormat->itemData(i, Qt::ToolTipRole).toString();
        mFormat->setItemData(i, (tip.isEmpty() ? QString() : tip + QLatin1Char('\n'))
                                    + QString::fromStdString(f.reads + "; " + f.help + " (e.g. " + f.example + ")"),
                             Qt::ToolTipRole);
    }
    try {
        ImportOptions options;
        options.kind = kind;
        mDetectedFormat = QString::fromStdString(ImportRunner::choose(mPath->text().toStdString(), options).format());
    } catch (const std::exception &e) {
        mDetectedFormat = tr("unknown (%1)").arg(QString::fromUtf8(e.what()));
    }
    const int keep = mFormat->findText(current);
    mFormat->setCurrentIndex(keep >= 0 ? keep : 0);
}

void ImportDialog::refreshPreview()
{
    endReview();
    mPreviewedPath = mPath->text();
    mError->clear();
    mPreview->clear();
    mValueColumn->clear();
    mValueColumn->addItem(tr("detect"), QString());
    mTimeColumn->clear();
    mTimeColumn->addItem(tr("detect"), QString());
    QFile file(mPath->text());
    if (!file.open(QIODevice::ReadOnly)) {
        mDetected->setText(mPath->text().isEmpty() ? QString() : tr("Cannot open %1.").arg(mPath->text()));
        return;
    }
    const QString chosenDelimiter = mDelimiter->currentData().toString();
    const QString chosenHeader = mHeader->currentData().toString();
    const QChar delimiterChar = chosenDelimiter.size() == 1 ? chosenDelimiter.front() : QChar();
    std::optional<bool> header;
    if (!chosenHeader.isEmpty())
        header = chosenHeader == QLatin1String("yes");
    const Guess g = guess(file.read(64 * 1024), delimiterChar, header);
    mPreview->setColumnCount(static_cast<int>(g.header.size()));
    mPreview->setHorizontalHeaderLabels(g.header);
    mPreview->setRowCount(static_cast<int>(g.rows.size()));
    for (int r = 0; r < g.rows.size(); ++r)
        for (int c = 0; c < g.rows[r].size() && c < g.header.size(); ++c)
            mPreview->setItem(r, c, new QTableWidgetItem(g.rows[r][c]));
    mPreview->resizeColumnsToContents();
    // Without a header the reader knows the columns by their 1-based index only.
    const bool named = g.hasHeader;
    for (int c = 0; c < g.header.size(); ++c) {
        const QString key = named ? g.header[c] : QString::number(c + 1);
        mValueColumn->addItem(g.header[c], key);
        mTimeColumn->addItem(g.header[c], key);
    }
    if (g.valueColumn >= 0)
        mValueColumn->setCurrentIndex(g.valueColumn + 1);
    if (!g.hasHeader && g.timeColumn >= 0) // the reader would take the first column
        mTimeColumn->setCurrentIndex(g.timeColumn + 1);
    setKind(g.kind);
    // Formats that only hold requests say so themselves (a Twitter line has no column names to go by).
    try {
        ImportOptions probe;
        probe.kind = SeriesKind::Requests;
        const std::string f = ImportRunner::choose(mPath->text().toStdString(), probe).format();
        if (f == "twitter" || f == "azure-llm")
            setKind(ImportRequest::Kind::Requests);
    } catch (const std::exception &) {
    }
    refreshFormats();
    mZeroMissing->setChecked(mDetectedFormat == QLatin1String("ukci"));
    const QString delimiter = g.delimiter == QLatin1Char('\t') ? tr("tab") : QString(g.delimiter);
    mDetected->setText(tr("Detected: format %6, delimiter \"%1\", %2 columns%7; time column: %3; value column: %4; "
                          "looks like %5.")
                           .arg(delimiter)
                           .arg(g.header.size())
                           .arg(g.timeColumn >= 0 ? g.header[g.timeColumn] : tr("not found"))
                           .arg(g.valueColumn >= 0 ? g.header[g.valueColumn] : tr("detect when reading"))
                           .arg(request().kind == ImportRequest::Kind::Carbon ? tr("carbon intensity") : tr("request counts"))
                           .arg(mDetectedFormat)
                           .arg(g.hasHeader ? QString() : tr(", no header")));
}

ImportRequest ImportDialog::request() const
{
    ImportRequest r;
    r.path = mPath->text();
    r.kind = static_cast<ImportRequest::Kind>(mKindGroup->checkedId());
    r.valueColumn = mValueColumn->currentData().toString();
    r.format = mFormat->currentText();
    r.timeFormat = mTimeFormat->currentData().toString();
    r.timeZone = mTimeZone->text().trimmed();
    r.delimiter = mDelimiter->currentData().toString(); // "\t" is the tab itself
    r.header = mHeader->currentData().toString();
    r.timeColumn = mTimeColumn->currentData().toString();
    r.skipBadRows = mSkipBadRows->isChecked();
    r.start = mStart->text().trimmed();
    r.intervalSeconds = mInterval->value();
    r.operation = mOperation->text().trimmed();
    r.zeroActualIsMissing = mZeroMissing->isChecked();
    return r;
}

namespace {

// Whether two requests read the same data (the zero-actual choice applies after reading).
bool sameRead(const ImportRequest &a, const ImportRequest &b)
{
    return a.path == b.path && a.kind == b.kind && a.valueColumn == b.valueColumn && a.format == b.format
           && a.timeFormat == b.timeFormat && a.timeZone == b.timeZone && a.delimiter == b.delimiter
           && a.header == b.header && a.timeColumn == b.timeColumn && a.skipBadRows == b.skipBadRows
           && a.start == b.start && a.intervalSeconds == b.intervalSeconds && a.operation == b.operation;
}

} // namespace

void ImportDialog::startImport()
{
    if (mJob && mJob->isRunning())
        return;
    if (mReviewing && mSeries && mJob && sameRead(request(), mJob->request())) { // "Use this data"
        accept();
        return;
    }
    endReview();
    mError->clear();
    mSeries.reset();
    const QString format = mFormat->currentText() == QLatin1String("auto") ? mDetectedFormat : mFormat->currentText();
    if (format == QLatin1String("twitter") && mStart->text().trimmed().isEmpty()) {
        // Said here in the dialog's words; the reader would name its command-line option.
        mError->setText(tr("Twitter cache traces count seconds from their start: enter the trace's start time "
                           "(UTC) in Start, e.g. 2020-03-01T00:00:00Z."));
        mStart->setFocus();
        Q_EMIT importFinished(false);
        return;
    }
    mJob = std::make_unique<ImportJob>(request());
    mProgress = new QProgressDialog(tr("Importing %1…").arg(mPath->text()), tr("Cancel"), 0, 1000, this);
    mProgress->setWindowModality(Qt::WindowModal);
    mProgress->setMinimumDuration(300);
    mProgress->setAutoClose(false);
    mProgress->setAutoReset(false);
    connect(mProgress, &QProgressDialog::canceled, mJob.get(), &ImportJob::cancel);
    connect(mJob.get(), &ImportJob::progress, mProgress, &QProgressDialog::setValue, Qt::QueuedConnection);
    connect(mJob.get(), &ImportJob::finished, this, &ImportDialog::onJobFinished, Qt::QueuedConnection);
    mJob->start();
}

void ImportDialog::onJobFinished()
{
    if (mProgress) {
        mProgress->deleteLater();
        mProgress = nullptr;
    }
    if (!mJob)
        return;
    if (mJob->series()) {
        mSeries = mJob->series();
        mReadWarnings = mJob->warnings();
        mImportedKind = mJob->request().kind;
        showReview();
        Q_EMIT importFinished(true);
        if (!mReviewing)
            accept();
        return;
    }
    mError->setText(mJob->cancelled() ? tr("Import cancelled; nothing was changed.")
                                      : tr("Cannot import: %1").arg(mJob->error()));
    Q_EMIT importFinished(false);
}

} // namespace cs
