#pragma once

#include "request_profile.h"
#include "sweep_runner.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace cs {

// What a sweep run needs: carbon files to read (or series already read), the demand, the pool and the spec.
struct SweepJobInput
{
    QStringList files;                     // read in the worker; ignored where `carbon` is given
    std::vector<TimeSeries> carbon;        // series already read (tests, a second run)
    std::optional<HourOfWeekProfile> profile; // requests by hour of the week; else one request per interval
    ModelPool pool;
    SweepSpec spec;
    unsigned threads = 0;
};

struct SweepJobOutput
{
    std::optional<SweepResult> result; // nothing when cancelled or failed
    std::vector<TimeSeries> carbon;    // the series read, kept for the next run
    QString error;
    bool cancelled = false;
    double seconds = 0;                // the sweep alone, reading left out
};

// Runs a sweep off the GUI thread (QtConcurrent on Qt's pool; the sweep spreads its cells over oneTBB's workers)
// with progress and cancel. Destroying the job cancels and waits, so it never outlives what it reads.
class SweepJob : public QObject
{
    Q_OBJECT

public:
    explicit SweepJob(QObject *parent = nullptr);
    ~SweepJob() override;

    // Ignored while a run is going on.
    void start(SweepJobInput input);
    void cancel();
    bool running() const;

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const std::shared_ptr<cs::SweepJobOutput> &output);

private:
    std::shared_ptr<std::atomic<bool>> mCancel;
    QFutureWatcher<std::shared_ptr<SweepJobOutput>> mWatcher;
};

} // namespace cs
