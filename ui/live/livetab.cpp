#include "livetab.h"

#include "livefeedbox.h"
#include "liveintensityfeed.h"
#include "liveplot.h"
#include "livereadouts.h"
#include "scenariodocument.h"
#include "serving_device.h"
#include "spinbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <exception>

namespace cs {

LiveTab::LiveTab(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mPlot(new LivePlot(this))
    , mWorker(new LiveSessionWorker)
{
    qRegisterMetaType<cs::LiveInterval>();
    qRegisterMetaType<cs::LiveSessionWorker::Config>();
    qRegisterMetaType<cs::IntensityReading>();
    mWorker->moveToThread(&mThread);
    connect(&mThread, &QThread::finished, mWorker, &QObject::deleteLater);
    connect(mWorker, &LiveSessionWorker::intervalDone, this, &LiveTab::showRow);
    connect(mWorker, &LiveSessionWorker::status, this, [this](const QString &s) { mStatus->setText(s); });
    connect(mWorker, &LiveSessionWorker::finished, this, [this](const QString &s) {
        setRunning(false);
        mStatus->setText(tr("Session ended: %1").arg(s));
        Q_EMIT sessionFinished(s);
    });
    connect(mWorker, &LiveSessionWorker::failed, this, [this](const QString &e) {
        setRunning(false);
        mStatus->setText(tr("Session failed: %1").arg(e));
        Q_EMIT sessionFinished(e);
    });
    mThread.setObjectName(QStringLiteral("live session"));
    mThread.start();

    auto *top = new QHBoxLayout;
    top->addWidget(makeRunBox());
    top->addWidget(makeReplayBox());
    top->addWidget(mFeedBox = new LiveFeedBox(this));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(mReadouts = new LiveReadouts(this));
    layout->addWidget(mPlot, 1);
    mStatus = new QLabel(this);
    mStatus->setWordWrap(true);
    layout->addWidget(mStatus);
    showServingDevice(probeServingDevice());

    mReplayTimer.setInterval(50);
    connect(&mReplayTimer, &QTimer::timeout, this, &LiveTab::replayStep);
}

LiveTab::~LiveTab()
{
    mWorker->stop();
    mThread.requestInterruption();
    mThread.quit();
    mThread.wait();
}

QWidget *LiveTab::makeRunBox()
{
    auto *box = new QGroupBox(tr("Serve here"), this);
    auto *form = new QFormLayout(box);
    mPolicy = new QLineEdit(QStringLiteral("heuristic"), box);
    mPolicy->setToolTip(tr("A policy spec, as the simulation takes it (heuristic, model:ResNet50, threshold:…)"));
    mSpeedup = makeSpinBox("speedup", 1, 1e6, 3600, 2, QString(), 1, box);
    mSpeedup->setToolTip(tr("Trace seconds per wall-clock second: 3600 serves an hour of trace in one second"));
    mRate = makeSpinBox("requestRate", 0.1, 1e5, 5, 2, tr(" req/s"), 1, box);
    mRate->setToolTip(tr("Request rate at the trace's mean request count (a CPU serves a few per second)"));
    mDuration = makeSpinBox("duration", 1, 86400, 60, 2, tr(" s"), 1, box);
    mImageSize = new QSpinBox(box);
    mImageSize->setRange(63, 224);
    mImageSize->setSpecialValueText(tr("auto (224 px on a GPU, 96 on a CPU)"));
    mImageSize->setValue(63);
    mImageSize->setSuffix(tr(" px"));
    mImageSize->setToolTip(tr("Synthetic input size; smaller inputs let a CPU keep up (energy then differs)"));
    mRecordPath = new QLineEdit(box);
    mRecordPath->setPlaceholderText(tr("project file to record into (optional)"));
    mMetricsOn = new QCheckBox(tr("Prometheus metrics at"), box);
    mMetricsAddress = new QLineEdit(QStringLiteral("127.0.0.1:9464"), box);
    mMetricsAddress->setEnabled(false);
    mMetricsAddress->setToolTip(tr("HOST:PORT; the session's metrics are served at http://HOST:PORT/metrics while it "
                                   "runs (resources/grafana/carbonscope.json is a dashboard for them)"));
    connect(mMetricsOn, &QCheckBox::toggled, mMetricsAddress, &QLineEdit::setEnabled);
    mDevice = new QLabel(box);
    mDevice->setWordWrap(true);
    mDecisionNote = new QLabel(tr("Live picks each model from the intensities seen so far, never the ones after: the "
                                  "Timeline simulates the whole trace at once, so the two can choose differently."),
                               box);
    mDecisionNote->setWordWrap(true);
    mDecisionNote->setStyleSheet(QStringLiteral("color: gray"));
    mStart = new QPushButton(tr("Start"), box);
    mStop = new QPushButton(tr("Stop"), box);
    mStop->setEnabled(false);
    connect(mStart, &QPushButton::clicked, this, &LiveTab::startFromForm);
    connect(mStop, &QPushButton::clicked, this, &LiveTab::stopSession);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(mStart);
    buttons->addWidget(mStop);
    form->addRow(tr("Policy"), mPolicy);
    form->addRow(tr("Speed-up"), mSpeedup);
    form->addRow(tr("Request rate"), mRate);
    form->addRow(tr("Duration"), mDuration);
    form->addRow(tr("Input size"), mImageSize);
    form->addRow(tr("Record to"), mRecordPath);
    form->addRow(mMetricsOn, mMetricsAddress);
    form->addRow(tr("Runs on"), mDevice);
    form->addRow(buttons);
    form->addRow(mDecisionNote);
    return box;
}

QWidget *LiveTab::makeReplayBox()
{
    auto *box = new QGroupBox(tr("Recorded session"), this);
    auto *v = new QVBoxLayout(box);
    auto *open = new QPushButton(tr("Open project file…"), box);
    mSessionBox = new QComboBox(box);
    mReplayButton = new QPushButton(tr("Replay"), box);
    mReplayButton->setEnabled(false);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a project with live sessions"), {},
                                                          tr("CarbonScope projects (*.csdb);;All files (*)"));
        if (!path.isEmpty())
            openRecording(path);
    });
    connect(mReplayButton, &QPushButton::clicked, this, [this] { replay(mSessionBox->currentIndex(), true); });
    v->addWidget(open);
    v->addWidget(mSessionBox);
    v->addWidget(mReplayButton);
    v->addStretch();
    return box;
}

void LiveTab::startFromForm()
{
    if (!mDocument || mDocument->scenario().empty()) {
        mStatus->setText(tr("No scenario to serve: load a carbon trace first."));
        return;
    }
    LiveSessionWorker::Config c;
    c.scenario = mDocument->scenario();
    c.pool = mDocument->pool();
    c.policySpec = mPolicy->text().trimmed();
    c.intervalWallSeconds = static_cast<double>(c.scenario.intervalSeconds) / mSpeedup->value();
    c.requestRate = mRate->value();
    c.durationSeconds = mDuration->value();
    c.imageSize = mImageSize->value();
    c.recordPath = mRecordPath->text().trimmed();
    c.metricsAddress = mMetricsOn->isChecked() ? mMetricsAddress->text().trimmed() : QString();
    startSession(c);
}

void LiveTab::startSession(const LiveSessionWorker::Config &config)
{
    if (mRunning)
        return;
    mReplayTimer.stop();
    mPlot->clear();
    mReadouts->clear();
    setRunning(true);
    mStatus->setText(tr("Starting…"));
    LiveSessionWorker *w = mWorker;
    QMetaObject::invokeMethod(w, [w, config] { w->run(config); }, Qt::QueuedConnection);
}

void LiveTab::stopSession()
{
    if (!mRunning)
        return;
    mWorker->stop();
    mStatus->setText(tr("Stopping after the current interval…"));
}

void LiveTab::setRunning(bool running)
{
    mRunning = running;
    mStart->setEnabled(!running && mModuleFound);
    mStop->setEnabled(running);
}

void LiveTab::showRow(const LiveInterval &row)
{
    mPlot->append(row);
    mReadouts->show(row);
}

bool LiveTab::openRecording(const QString &path)
{
    try {
        mSessions = listRecordedSessions(path);
    } catch (const std::exception &e) {
        mStatus->setText(tr("Cannot open %1: %2").arg(path, QString::fromStdString(e.what())));
        return false;
    }
    mRecordingPath = path;
    mSessionBox->clear();
    for (const RecordedSession &s : mSessions)
        mSessionBox->addItem(tr("%1 (%2)").arg(s.label, s.startedAt));
    mReplayButton->setEnabled(!mSessions.isEmpty());
    mStatus->setText(mSessions.isEmpty() ? tr("%1 holds no live session.").arg(path)
                                         : tr("%1: %2 live session(s).").arg(path).arg(mSessions.size()));
    return !mSessions.isEmpty();
}

int LiveTab::recordedSessionCount() const
{
    return mSessions.size();
}

void LiveTab::replay(int sessionIndex, bool paced)
{
    if (mRunning || sessionIndex < 0 || sessionIndex >= mSessions.size())
        return;
    const RecordedSession &s = mSessions[sessionIndex];
    try {
        mReplayRows = loadRecordedRows(mRecordingPath, s.id);
    } catch (const std::exception &e) {
        mStatus->setText(tr("Cannot read the session: %1").arg(QString::fromStdString(e.what())));
        return;
    }
    mPlot->clear();
    mReadouts->clear();
    mReplayNext = 0;
    mStatus->setText(tr("Replaying “%1”: %2, policy %3, pool %4%5")
                         .arg(s.label, s.device, s.policy, s.pool,
                              s.endedAt.isEmpty() ? tr(" (still running when copied)") : QString()));
    if (paced) {
        mReplayTimer.start();
        return;
    }
    while (mReplayNext < mReplayRows.size())
        replayStep();
}

void LiveTab::replayStep()
{
    if (mReplayNext >= mReplayRows.size()) {
        mReplayTimer.stop();
        Q_EMIT replayFinished();
        return;
    }
    showRow(mReplayRows[mReplayNext++]);
    if (mReplayNext == mReplayRows.size()) {
        mReplayTimer.stop();
        Q_EMIT replayFinished();
    }
}

QString LiveTab::modelShown() const
{
    return mReadouts->modelText();
}

LiveIntensityFeed *LiveTab::feed() const
{
    return mFeedBox->feed();
}

void LiveTab::showServingDevice(const ServingDevice &device)
{
    mModuleFound = device.moduleFound;
    mDevice->setText(QString::fromStdString(cs::servingDeviceText(device)));
    mStart->setEnabled(!mRunning && mModuleFound);
    mStatus->setText(mModuleFound ? tr("Ready. Live mode serves the scenario's intervals faster than real time.")
                                  : tr("The LibTorch engine module is not installed: recorded sessions can still be "
                                       "replayed."));
}

QString LiveTab::servingDeviceText() const
{
    return mDevice->text();
}

QString LiveTab::decisionNote() const
{
    return mDecisionNote->text();
}

void LiveTab::setMetrics(bool enabled, const QString &address)
{
    mMetricsOn->setChecked(enabled);
    mMetricsAddress->setText(address);
}

QString LiveTab::statusText() const
{
    return mStatus->text();
}

} // namespace cs
