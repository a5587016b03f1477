#include "sweepjob.h"

#include "sweep_loader.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>

namespace cs {

namespace {

std::shared_ptr<SweepJobOutput> runJob(SweepJobInput in, std::shared_ptr<std::atomic<bool>> cancel,
                                       const std::function<void(int, int)> &report)
{
    auto out = std::make_shared<SweepJobOutput>();
    try {
        if (in.carbon.empty()) {
            std::vector<std::string> paths;
            for (const QString &f : in.files)
                paths.push_back(f.toStdString());
            in.carbon = loadSweepCarbon(paths, in.threads);
        }
        std::vector<SweepSeries> series;
        for (const TimeSeries &c : in.carbon)
            series.push_back({c.name, in.profile ? scenarioWithProfile(c, *in.profile)
                                                 : scenarioWithConstantRequests(c, 1)});
        const auto start = std::chrono::steady_clock::now();
        SweepRunOptions options;
        options.threads = in.threads;
        options.progress = [&](std::size_t done, std::size_t total) {
            report(static_cast<int>(done), static_cast<int>(total));
            return !cancel->load();
        };
        out->result = runSweep(series, in.pool, in.spec, options);
        out->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        out->cancelled = !out->result;
        out->carbon = std::move(in.carbon);
    } catch (const std::exception &e) {
        out->error = QString::fromStdString(e.what());
    }
    return out;
}

} // namespace

SweepJob::SweepJob(QObject *parent)
    : QObject(parent)
{
    connect(&mWatcher, &QFutureWatcher<std::shared_ptr<SweepJobOutput>>::finished, this,
            [this] { Q_EMIT finished(mWatcher.result()); });
}

SweepJob::~SweepJob()
{
    cancel();
    mWatcher.waitForFinished();
}

void SweepJob::start(SweepJobInput input)
{
    if (running())
        return;
    mCancel = std::make_shared<std::atomic<bool>>(false);
    // Progress crosses to the GUI thread queued (the destructor waits for the worker, and Qt drops the events of
    // a deleted receiver).
    auto report = [this](int done, int total) {
        QMetaObject::invokeMethod(this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
    };
    mWatcher.setFuture(QtConcurrent::run(runJob, std::move(input), mCancel, std::function<void(int, int)>(report)));
}

void SweepJob::cancel()
{
    if (mCancel)
        *mCancel = true;
}

bool SweepJob::running() const
{
    return mWatcher.isRunning();
}

} // namespace cs
