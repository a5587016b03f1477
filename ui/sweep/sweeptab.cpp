#include "sweeptab.h"

#include "io/atomic_file.h"
#include "preference.h"
#include "scenarioloader.h"
#include "sweep_export.h"
#include "sweep_loader.h"
#include "sweepheatmap.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace cs {

static Preference<QString> lastFolder{QStringLiteral("sweep/folder")};

SweepTab::SweepTab(QWidget *parent)
    : QWidget(parent), mJob(new SweepJob(this)), mPool(resnetPool())
{
    setObjectName(QStringLiteral("SweepTab"));
    mHeatMap = new SweepHeatMap(this);
    // The empty state lies over the blank heat map rather than replacing it: the map stays shown and painted (the
    // app's --screenshot and start-up timing wait for the current tab's plot to paint).
    mEmpty = new QLabel(mHeatMap);
    mEmpty->setObjectName(QStringLiteral("sweepEmptyState"));
    mEmpty->setWordWrap(true);
    mEmpty->setAlignment(Qt::AlignCenter);
    mEmpty->setMargin(24);
    auto *cover = new QVBoxLayout(mHeatMap);
    cover->setContentsMargins(0, 0, 0, 0);
    cover->addWidget(mEmpty);
    mHover = new QLabel(this);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(mHeatMap, 1);
    rightLayout->addWidget(mHover);
    auto *split = new QSplitter(this);
    split->addWidget(makeForm());
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(mJob, &SweepJob::progress, this, [this](int done, int total) {
        mProgress->setMaximum(total);
        mProgress->setValue(done);
    });
    connect(mJob, &SweepJob::finished, this, &SweepTab::onFinished);
    connect(mHeatMap, &SweepHeatMap::hovered, mHover, &QLabel::setText);
    setPool(mPool, QStringLiteral("ResNet50"));
    setPolicies({});
    const QString folder = lastFolder;
    if (!folder.isEmpty() && QFileInfo(folder).isDir()) {
        try {
            std::vector<std::string> files = carbonFilesIn(folder.toStdString());
            QStringList list;
            for (const std::string &f : files)
                list << QString::fromStdString(f);
            setFiles(list);
            mSource->setText(folder);
        } catch (const std::exception &) {
            // The folder changed since: the user picks another.
        }
    }
    updateEmptyState();
}

bool SweepTab::showsEmptyState() const
{
    return !mEmpty->isHidden();
}

void SweepTab::updateEmptyState()
{
    mEmpty->setVisible(!result());
    const bool chosen = !mFiles.isEmpty() || !mCarbon.empty();
    const QString source = chosen ? tr("<b>1. Series:</b> %1 chosen.").arg(mSource->text().toHtmlEscaped())
                                  : tr("<b>1. Choose the series</b> to compare: <b>Folder…</b> (carbon intensity "
                                       "CSVs named <tt>NAME_YYYY_….csv</tt>, one per zone or region) or "
                                       "<b>Files…</b>.");
    mEmpty->setText(tr("<p style='font-size:large'><b>No sweep yet</b></p><p>%1</p><p><b>2. Pick</b> the period "
                       "(month, quarter or year), the requests, the baseline and the policies, one per line.</p>"
                       "<p><b>3. Press Run sweep.</b></p><p>A heat map then shows each policy's CO₂ saved, "
                       "efficiency or regret against the exact optimum, series down and periods across.</p>")
                        .arg(source));
}

SweepTab::~SweepTab() = default;

QWidget *SweepTab::makeForm()
{
    auto *form = new QWidget(this);
    auto *f = new QFormLayout(form);
    mSource = new QLineEdit(form);
    mSource->setReadOnly(true);
    mSource->setPlaceholderText(tr("a folder of carbon CSVs (NAME_YYYY_….csv)"));
    auto *folder = new QPushButton(tr("Folder…"), form);
    auto *files = new QPushButton(tr("Files…"), form);
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(mSource, 1);
    sourceRow->addWidget(folder);
    sourceRow->addWidget(files);
    f->addRow(tr("Series"), sourceRow);
    mPeriod = new QComboBox(form);
    mPeriod->addItem(tr("Month"), static_cast<int>(SweepPeriod::Month));
    mPeriod->addItem(tr("Quarter"), static_cast<int>(SweepPeriod::Quarter));
    mPeriod->addItem(tr("Year"), static_cast<int>(SweepPeriod::Year));
    f->addRow(tr("Period"), mPeriod);
    mRequests = new QComboBox(form);
    mRequests->addItem(tr("Default scenario's requests by hour of the week"));
    mRequests->addItem(tr("One request per interval"));
    mRequests->setToolTip(tr("Every series gets the same demand: the Wikipedia (en) requests of June 2023 folded "
                             "by UTC hour of the week keep the daily and weekly shape and the scale"));
    f->addRow(tr("Requests"), mRequests);
    mBaseline = new QComboBox(form);
    f->addRow(tr("Baseline"), mBaseline);
    mPolicies = new QPlainTextEdit(form);
    mPolicies->setToolTip(tr("One policy spec per line, as the CLI takes them"));
    f->addRow(tr("Policies"), mPolicies);
    mRun = new QPushButton(tr("&Run sweep"), form);
    mCancel = new QPushButton(tr("Cancel"), form);
    mCancel->setEnabled(false);
    mProgress = new QProgressBar(form);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(mRun);
    runRow->addWidget(mCancel);
    runRow->addWidget(mProgress, 1);
    f->addRow(runRow);
    mStatus = new QLabel(form);
    mStatus->setWordWrap(true);
    f->addRow(mStatus);
    mMetric = new QComboBox(form);
    for (SweepMetric m : allSweepMetrics)
        mMetric->addItem(QString::fromStdString(sweepMetricLabel(m)), static_cast<int>(m));
    mMetric->setCurrentIndex(mMetric->findData(static_cast<int>(SweepMetric::RegretPct)));
    f->addRow(tr("Show"), mMetric);
    mPolicy = new QComboBox(form);
    f->addRow(tr("Policy"), mPolicy);
    mExport = new QPushButton(tr("&Export CSV/JSON…"), form);
    mExport->setEnabled(false);
    f->addRow(mExport);

    connect(folder, &QPushButton::clicked, this, &SweepTab::chooseFolder);
    connect(files, &QPushButton::clicked, this, &SweepTab::chooseFiles);
    connect(mRun, &QPushButton::clicked, this, &SweepTab::run);
    connect(mCancel, &QPushButton::clicked, this, &SweepTab::cancel);
    connect(mExport, &QPushButton::clicked, this, &SweepTab::exportWithDialog);
    connect(mMetric, &QComboBox::currentIndexChanged, this, &SweepTab::showSelection);
    connect(mPolicy, &QComboBox::currentIndexChanged, this, &SweepTab::showSelection);
    return form;
}

void SweepTab::setFiles(const QStringList &files)
{
    mFiles = files;
    mCarbon.clear();
    mSource->setText(files.size() == 1 ? files.front() : tr("%n file(s)", nullptr, static_cast<int>(files.size())));
    updateEmptyState();
}

void SweepTab::setCarbon(std::vector<TimeSeries> series)
{
    mCarbon = std::move(series);
    mFiles.clear();
    mSource->setText(tr("%n series", nullptr, static_cast<int>(mCarbon.size())));
    updateEmptyState();
}

void SweepTab::setPool(const ModelPool &pool, const QString &baseline)
{
    mPool = pool;
    mBaseline->clear();
    for (const Model &m : pool.models)
        mBaseline->addItem(QString::fromStdString(m.name));
    mBaseline->setCurrentIndex(std::max(0, mBaseline->findText(baseline)));
}

void SweepTab::setPolicies(const QStringList &specs)
{
    QStringList shown = specs;
    if (shown.isEmpty())
        for (const std::string &s : defaultSweepPolicies(mPool, mBaseline->currentText().toStdString()))
            shown << QString::fromStdString(s);
    mPolicies->setPlainText(shown.join(QLatin1Char('\n')));
}

void SweepTab::setPeriod(SweepPeriod period)
{
    mPeriod->setCurrentIndex(mPeriod->findData(static_cast<int>(period)));
}

void SweepTab::setRequestProfile(bool hourOfWeekProfile)
{
    mRequests->setCurrentIndex(hourOfWeekProfile ? 0 : 1);
}

QStringList SweepTab::policySpecs() const
{
    QStringList specs;
    for (const QString &line : mPolicies->toPlainText().split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            specs << line.trimmed();
    return specs;
}

void SweepTab::run()
{
    if (running())
        return;
    if (mFiles.isEmpty() && mCarbon.empty()) {
        mStatus->setText(tr("Choose a folder or files of carbon intensity first."));
        return;
    }
    SweepJobInput in;
    in.files = mFiles;
    in.carbon = mCarbon;
    in.pool = mPool;
    for (const QString &s : policySpecs())
        in.spec.policies.push_back(s.toStdString());
    in.spec.baseline = mBaseline->currentText().toStdString();
    in.spec.period = static_cast<SweepPeriod>(mPeriod->currentData().toInt());
    try {
        if (mRequests->currentIndex() == 0)
            in.profile = foldByHourOfWeek(defaultRequestTrace());
    } catch (const std::exception &e) {
        mStatus->setText(QString::fromStdString(e.what()));
        return;
    }
    mRun->setEnabled(false);
    mCancel->setEnabled(true);
    mProgress->setValue(0);
    mStatus->setText(mCarbon.empty() ? tr("Reading the files and sweeping…") : tr("Sweeping…"));
    mJob->start(std::move(in));
}

void SweepTab::cancel()
{
    mJob->cancel();
}

bool SweepTab::running() const
{
    return mJob->running();
}

QString SweepTab::statusText() const
{
    return mStatus->text();
}

void SweepTab::onFinished(const std::shared_ptr<SweepJobOutput> &output)
{
    mRun->setEnabled(true);
    mCancel->setEnabled(false);
    if (!output->error.isEmpty()) {
        mStatus->setText(tr("Sweep failed: %1").arg(output->error));
    } else if (output->cancelled) {
        mStatus->setText(tr("Sweep cancelled; the previous result stays."));
        mCarbon = output->carbon; // read once: the next run starts from here
    } else {
        mOutput = output;
        mCarbon = output->carbon;
        const SweepResult &r = *mOutput->result;
        mStatus->setText(tr("%1 series × %2 periods × %3 policies in %4 s")
                             .arg(r.series.size())
                             .arg(r.periods.size())
                             .arg(r.policies.size())
                             .arg(output->seconds, 0, 'f', 3));
        const QString shown = mPolicy->currentText();
        const QSignalBlocker block(mPolicy);
        mPolicy->clear();
        for (const std::string &p : r.policies)
            mPolicy->addItem(QString::fromStdString(p));
        mPolicy->setCurrentIndex(std::max(0, mPolicy->findText(shown)));
        mExport->setEnabled(true);
        showSelection();
    }
    Q_EMIT finished();
}

void SweepTab::showSelection()
{
    mHeatMap->show(result(), static_cast<SweepMetric>(mMetric->currentData().toInt()),
                   static_cast<std::size_t>(std::max(0, mPolicy->currentIndex())));
    updateEmptyState();
}

void SweepTab::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of carbon CSVs"), lastFolder);
    if (dir.isEmpty())
        return;
    try {
        QStringList list;
        for (const std::string &f : carbonFilesIn(dir.toStdString()))
            list << QString::fromStdString(f);
        setFiles(list);
        mSource->setText(dir);
        lastFolder.set(dir);
        updateEmptyState();
    } catch (const std::exception &e) {
        QMessageBox::warning(this, tr("Sweep"), QString::fromStdString(e.what()));
    }
}

void SweepTab::chooseFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Carbon CSVs"), lastFolder,
                                                            tr("CSV files (*.csv)"));
    if (!files.isEmpty())
        setFiles(files);
}

bool SweepTab::exportTo(const QString &path, QString *error)
{
    if (!result()) {
        *error = tr("Nothing to export: run a sweep first.");
        return false;
    }
    try {
        if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive))
            saveSweepJson(path.toStdString(), *result());
        else
            saveSweepCsv(path.toStdString(), *result());
        return true;
    } catch (const std::exception &e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
}

void SweepTab::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export sweep"), QStringLiteral("sweep.csv"),
                                                      tr("CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export sweep"), error);
}

} // namespace cs
