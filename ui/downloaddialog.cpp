#include "downloaddialog.h"

#include "fetchjob.h"
#include "parse_error.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QTimeZone>
#include <QVBoxLayout>

namespace cs {
namespace {

UtcSeconds utcMidnight(const QDate &date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
}

} // namespace

DownloadDialog::DownloadDialog(const QString &projectPath, QWidget *parent)
    : QDialog(parent)
    , mProjectPath(projectPath)
{
    setWindowTitle(tr("Download carbon-intensity history"));
    setObjectName(QStringLiteral("downloadDialog"));
    auto *form = new QFormLayout;
    mSource = new QComboBox(this);
    mSource->setObjectName(QStringLiteral("source"));
    mSource->addItem(tr("UK Carbon Intensity API (no key)"), QStringLiteral("ukci"));
    mSource->addItem(tr("Electricity Maps (token)"), QStringLiteral("electricitymaps"));
    mSource->addItem(tr("Electricity Maps, last 24 hours (free /history)"), QStringLiteral("electricitymaps-history"));
    mSource->addItem(tr("WattTime (login)"), QStringLiteral("watttime"));
    form->addRow(tr("&Source:"), mSource);
    mRegions = new QLineEdit(QStringLiteral("1-14"), this);
    mRegions->setObjectName(QStringLiteral("regions"));
    form->addRow(tr("&Regions:"), mRegions);
    mFrom = new QDateEdit(QDate::currentDate().addYears(-1).addDays(-QDate::currentDate().dayOfYear() + 1), this);
    mTo = new QDateEdit(mFrom->date().addYears(1), this);
    for (QDateEdit *edit : {mFrom, mTo}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setCalendarPopup(true);
    }
    mFrom->setObjectName(QStringLiteral("from"));
    mTo->setObjectName(QStringLiteral("to"));
    form->addRow(tr("&From (UTC):"), mFrom);
    form->addRow(tr("&To (UTC, exclusive):"), mTo);
    mUser = new QLineEdit(this);
    mUser->setObjectName(QStringLiteral("user"));
    form->addRow(tr("&User:"), mUser);
    mToken = new QLineEdit(this);
    mToken->setObjectName(QStringLiteral("token"));
    mToken->setEchoMode(QLineEdit::Password);
    form->addRow(tr("To&ken / password:"), mToken);
    mCredentialsNote = new QLabel(this);
    mCredentialsNote->setWordWrap(true);
    form->addRow(QString(), mCredentialsNote);
    mGap = new QSpinBox(this);
    mGap->setObjectName(QStringLiteral("gap"));
    mGap->setRange(0, 60000);
    mGap->setValue(1000);
    mGap->setSuffix(tr(" ms"));
    form->addRow(tr("&Gap between requests:"), mGap);
    mBaseUrl = new QLineEdit(this);
    mBaseUrl->setObjectName(QStringLiteral("baseUrl"));
    mBaseUrl->setPlaceholderText(tr("the API's own"));
    form->addRow(tr("API &base URL:"), mBaseUrl);
    form->addRow(tr("Project:"), new QLabel(projectPath.isEmpty() ? tr("(none)") : QFileInfo(projectPath).fileName(), this));

    mProgress = new QProgressBar(this);
    mProgress->setObjectName(QStringLiteral("progress"));
    mProgress->setRange(0, 1);
    mProgress->setValue(0);
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("status"));
    mStatus->setWordWrap(true);
    mLog = new QPlainTextEdit(this);
    mLog->setObjectName(QStringLiteral("log"));
    mLog->setReadOnly(true);
    mLog->setMaximumBlockCount(500);

    auto *buttons = new QDialogButtonBox(this);
    mStart = buttons->addButton(tr("&Download"), QDialogButtonBox::AcceptRole);
    mStart->setObjectName(QStringLiteral("startDownload"));
    mCancel = buttons->addButton(tr("&Cancel download"), QDialogButtonBox::ActionRole);
    mCancel->setObjectName(QStringLiteral("cancelDownload"));
    mCancel->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &DownloadDialog::reject);
    connect(mStart, &QPushButton::clicked, this, &DownloadDialog::start);
    connect(mCancel, &QPushButton::clicked, this, &DownloadDialog::cancel);
    connect(mSource, &QComboBox::currentIndexChanged, this, &DownloadDialog::sourceChanged);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mProgress);
    layout->addWidget(mStatus);
    layout->addWidget(mLog, 1);
    layout->addWidget(buttons);
    sourceChanged();
    if (projectPath.isEmpty()) {
        mStart->setEnabled(false);
        mStatus->setText(tr("Save the project first (File ▸ Save project as…): downloads go into its file."));
    }
}

DownloadDialog::~DownloadDialog()
{
    if (mThread) {
        mJob->cancel();
        mThread->quit();
        mThread->wait();
    }
}

QString DownloadDialog::resultText() const
{
    return mStatus->text();
}

void DownloadDialog::sourceChanged()
{
    const QString source = mSource->currentData().toString();
    mUser->setEnabled(source == QLatin1String("watttime"));
    mToken->setEnabled(source != QLatin1String("ukci"));
    if (source == QLatin1String("ukci")) {
        mRegions->setPlaceholderText(tr("national, 1-17 (1-14: DNO regions), or a postcode such as BS7"));
        mCredentialsNote->setText(tr("No key needed. Calls of at most 14 days."));
    } else if (source.startsWith(QLatin1String("electricitymaps"))) {
        mRegions->setPlaceholderText(tr("zone keys: DE, FR, US-CAL-CISO"));
        mCredentialsNote->setText(tr("Empty: $CARBONSCOPE_EM_TOKEN. Sent as a header, never stored. Calls of at most 10 days."));
    } else {
        mRegions->setPlaceholderText(tr("regions: CAISO_NORTH"));
        mCredentialsNote->setText(tr("Empty: $CARBONSCOPE_WATTTIME_USER / $CARBONSCOPE_WATTTIME_PASSWORD. Never stored. "
                                     "Calls of at most 32 days."));
    }
}

void DownloadDialog::start()
{
    if (mThread || mProjectPath.isEmpty())
        return;
    SourceSettings source;
    source.source = mSource->currentData().toString().toStdString();
    if (source.source == "electricitymaps-history") {
        source.source = "electricitymaps";
        source.endpoint = "history";
    }
    source.user = mUser->text().trimmed().toStdString();
    source.baseUrl = mBaseUrl->text().trimmed().toStdString();
    (source.source == "watttime" ? source.password : source.token) = mToken->text().toStdString();
    FetchSpec spec;
    spec.from = utcMidnight(mFrom->date());
    spec.to = utcMidnight(mTo->date());
    FetchPacing pacing;
    pacing.minGapMs = mGap->value();
    try {
        spec.regions = expandRegions({mRegions->text().remove(QLatin1Char(' ')).toStdString()});
        makeApiSource(source); // a missing token or an unknown region is said now, not on the worker
        if (spec.to <= spec.from)
            throw InputError(tr("“To” must come after “From”.").toStdString());
    } catch (const std::exception &e) {
        mStatus->setText(QString::fromUtf8(e.what()));
        return;
    }
    mJob = new FetchJob(source, spec, pacing, mProjectPath);
    mThread = new QThread(this);
    mJob->moveToThread(mThread);
    connect(mThread, &QThread::started, mJob, &FetchJob::run);
    connect(mJob, &FetchJob::progress, this, [this](int done, int total, const QString &what) {
        mProgress->setRange(0, std::max(1, total));
        mProgress->setValue(done);
        if (!what.isEmpty())
            mStatus->setText(tr("Fetching %1 (%2 of %3)").arg(what).arg(done + 1).arg(total));
    });
    connect(mJob, &FetchJob::note, mLog, &QPlainTextEdit::appendPlainText);
    connect(mJob, &FetchJob::finished, this, &DownloadDialog::finish);
    connect(mThread, &QThread::finished, mJob, &QObject::deleteLater);
    mStart->setEnabled(false);
    mCancel->setEnabled(true);
    mLog->clear();
    mStatus->setText(tr("Starting…"));
    mThread->start();
}

void DownloadDialog::cancel()
{
    if (mJob)
        mJob->cancel();
    mStatus->setText(tr("Cancelling…"));
}

void DownloadDialog::finish(bool ok, const QString &text)
{
    mThread->quit();
    mThread->wait();
    mThread->deleteLater();
    mThread = nullptr;
    mJob = nullptr;
    mStatus->setText(text);
    mLog->appendPlainText(text);
    mStart->setEnabled(true);
    mCancel->setEnabled(false);
    Q_EMIT downloadFinished(ok);
}

void DownloadDialog::reject()
{
    if (mThread) {
        // Closing while a download runs stops it; what it fetched stays in the project.
        cancel();
        return;
    }
    QDialog::reject();
}

void addDownloadAction(QMenu *menu, QWidget *window, std::function<QString()> projectPath)
{
    QAction *action = menu->addAction(QObject::tr("&Download history…"), window, [window, projectPath] {
        DownloadDialog dialog(projectPath(), window);
        dialog.exec();
    });
    action->setObjectName(QStringLiteral("actionDownload"));
    action->setStatusTip(QObject::tr("Download carbon intensity from the UK Carbon Intensity API, Electricity Maps or "
                                     "WattTime into the open project"));
}

} // namespace cs
