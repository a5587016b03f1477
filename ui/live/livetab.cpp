#include "livetab.h"

#include "liveplot.h"
#include "scenariodocument.h"

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

namespace {
QString number(const std::optional<double> &v, int decimals, const QString &unit)
{
    return v ? QStringLiteral("%1 %2").arg(*v, 0, 'f', decimals).arg(unit) : QObject::tr("not measured");
}
} // namespace

LiveTab::LiveTab(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , mDocument(document)
    , mPlot(new LivePlot(this))
    , mWorker(new LiveSessionWorker)
    , mFeed(new LiveIntensityFeed(this))
{
    qRegisterMetaType<cs::LiveRow>();
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
    top->addWidget(makeFeedBox());
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(makeReadouts());
    layout->addWidget(mPlot, 1);
    mStatus = new QLabel(this);
    mStatus->setWordWrap(true);
    layout->addWidget(mStatus);
    mStatus->setText(LiveSessionWorker::engineAvailable()
                         ? tr("Ready. Live mode serves the scenario's intervals faster than real time.")
                         : tr("This build has no inference engine (LibTorch not found): recorded sessions can "
                              "still be replayed."));

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
    mSpeedup = new QDoubleSpinBox(box);
    mSpeedup->setRange(1, 1e6);
    mSpeedup->setValue(3600);
    mSpeedup->setToolTip(tr("Trace seconds per wall-clock second: 3600 serves an hour of trace in one second"));
    mRate = new QDoubleSpinBox(box);
    mRate->setRange(0.1, 1e5);
    mRate->setValue(5);
    mRate->setSuffix(tr(" req/s"));
    mRate->setToolTip(tr("Request rate at the trace's mean request count (a CPU serves a few per second)"));
    mDuration = new QDoubleSpinBox(box);
    mDuration->setRange(1, 86400);
    mDuration->setValue(60);
    mDuration->setSuffix(tr(" s"));
    mImageSize = new QSpinBox(box);
    mImageSize->setRange(63, 224);
    mImageSize->setSpecialValueText(tr("auto (224 px on a GPU, 96 on a CPU)"));
    mImageSize->setValue(63);
    mImageSize->setSuffix(tr(" px"));
    mImageSize->setToolTip(tr("Synthetic input size; smaller inputs let a CPU keep up (energy then differs)"));
    mRecordPath = new QLineEdit(box);
    mRecordPath->setPlaceholderText(tr("project file to record into (optional)"));
    mStart = new QPushButton(tr("Start"), box);
    mStop = new QPushButton(tr("Stop"), box);
    mStop->setEnabled(false);
    mStart->setEnabled(LiveSessionWorker::engineAvailable());
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
    form->addRow(buttons);
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

QWidget *LiveTab::makeFeedBox()
{
    auto *box = new QGroupBox(tr("Live intensity"), this);
    auto *form = new QFormLayout(box);
    mFeedSource = new QComboBox(box);
    mFeedSource->addItems({tr("UK national"), tr("UK region"), tr("Electricity Maps")});
    mRegion = new QSpinBox(box);
    mRegion->setRange(1, 18);
    mRegion->setValue(11);
    mRegion->setToolTip(tr("UK Carbon Intensity API region id (11: South West England)"));
    mZone = new QLineEdit(QStringLiteral("GB"), box);
    mToken = new QLineEdit(box);
    mToken->setEchoMode(QLineEdit::Password);
    mToken->setPlaceholderText(tr("Electricity Maps token"));
    auto *fetch = new QPushButton(tr("Fetch now"), box);
    mFeedLabel = new QLabel(tr("—"), box);
    mFeedLabel->setWordWrap(true);
    connect(fetch, &QPushButton::clicked, this, &LiveTab::fetchIntensity);
    connect(mFeed, &LiveIntensityFeed::readingArrived, this, [this](const IntensityReading &r) {
        mFeedLabel->setText(tr("%1 gCO₂/kWh at %2 UTC\n%3")
                                .arg(r.gPerKwh, 0, 'f', 0)
                                .arg(r.time.toString(QStringLiteral("yyyy-MM-dd HH:mm")), r.source));
    });
    connect(mFeed, &LiveIntensityFeed::fetchFailed, this, [this](const QString &e, int attempt, bool again, int ms) {
        const auto &last = mFeed->lastGood();
        QString text = again ? tr("Try %1 failed (%2); again in %3 s").arg(attempt).arg(e).arg(ms / 1000.0)
                             : tr("Gave up after %1 tries (%2)").arg(attempt).arg(e);
        if (last)
            text += tr("\nLast good: %1 gCO₂/kWh at %2 UTC (stale)")
                        .arg(last->gPerKwh, 0, 'f', 0)
                        .arg(last->time.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        mFeedLabel->setText(text);
    });
    form->addRow(tr("Source"), mFeedSource);
    form->addRow(tr("Region"), mRegion);
    form->addRow(tr("Zone"), mZone);
    form->addRow(tr("Token"), mToken);
    form->addRow(fetch);
    form->addRow(mFeedLabel);
    return box;
}

QWidget *LiveTab::makeReadouts()
{
    auto *w = new QWidget(this);
    auto *grid = new QGridLayout(w);
    auto add = [&](int col, const QString &title, QLabel *&value) {
        auto *t = new QLabel(title, w);
        t->setStyleSheet(QStringLiteral("color: gray"));
        value = new QLabel(tr("—"), w);
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 1.3);
        f.setBold(true);
        value->setFont(f);
        grid->addWidget(t, 0, col);
        grid->addWidget(value, 1, col);
    };
    add(0, tr("Intensity"), mIntensityLabel);
    add(1, tr("Model"), mModelLabel);
    add(2, tr("Power"), mPowerLabel);
    add(3, tr("Latency p50 / p99"), mLatencyLabel);
    add(4, tr("Served / dropped"), mServedLabel);
    add(5, tr("CO₂ measured / predicted"), mCo2Label);
    return w;
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
    startSession(c);
}

void LiveTab::startSession(const LiveSessionWorker::Config &config)
{
    if (mRunning)
        return;
    mReplayTimer.stop();
    mPlot->clear();
    mServed = mDropped = 0;
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
    mStart->setEnabled(!running && LiveSessionWorker::engineAvailable());
    mStop->setEnabled(running);
}

void LiveTab::showRow(const LiveRow &row)
{
    mPlot->append(row);
    mServed += row.served;
    mDropped += row.dropped;
    mIntensityLabel->setText(tr("%1 gCO₂/kWh").arg(row.intensity, 0, 'f', 0));
    mModelLabel->setText(row.model);
    mPowerLabel->setText(number(row.powerW, 0, QStringLiteral("W")));
    mLatencyLabel->setText(row.p50Ms && row.p99Ms
                               ? tr("%1 / %2 ms").arg(*row.p50Ms, 0, 'f', 2).arg(*row.p99Ms, 0, 'f', 2)
                               : tr("—"));
    mServedLabel->setText(tr("%1 / %2").arg(mServed).arg(mDropped));
    mCo2Label->setText(tr("%1 / %2 g").arg(mPlot->measuredTotal(), 0, 'g', 4).arg(mPlot->predictedTotal(), 0, 'g', 4));
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
    mServed = mDropped = 0;
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

void LiveTab::fetchIntensity()
{
    LiveIntensityFeed::Settings s = mFeed->settings();
    s.source = static_cast<LiveIntensityFeed::Source>(mFeedSource->currentIndex());
    s.regionId = mRegion->value();
    s.zone = mZone->text().trimmed();
    s.token = mToken->text();
    mFeed->setSettings(s);
    mFeedLabel->setText(tr("Fetching %1…").arg(mFeed->requestUrl().toString()));
    mFeed->fetch();
}

QString LiveTab::modelShown() const
{
    return mModelLabel->text();
}

QString LiveTab::statusText() const
{
    return mStatus->text();
}

} // namespace cs
