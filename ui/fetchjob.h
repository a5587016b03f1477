#pragma once

#include "fetch_pacing.h"
#include "fetcher.h"
#include "source_factory.h"

#include <QObject>
#include <QString>

#include <atomic>

namespace cs {

// One download (core/fetch's Fetcher) run on a worker thread into a project file, with its own connection to
// it. The GUI thread starts it, cancels it (the request in flight is abandoned, everything fetched before is
// kept) and hears of its progress through queued signals.
class FetchJob : public QObject
{
    Q_OBJECT

public:
    FetchJob(SourceSettings source, FetchSpec spec, FetchPacing pacing, QString projectPath);

    // Thread-safe; the job stops at its next check (within 100 ms of a wait, or the transfer's next progress).
    void cancel() { mCancel = true; }

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void progress(int done, int total, const QString &what);
    void note(const QString &text);
    // ok: every series written; otherwise `text` says why (status and URL, or that it was cancelled).
    void finished(bool ok, const QString &text);

private:
    SourceSettings mSource;
    FetchSpec mSpec;
    FetchPacing mPacing;
    QString mProjectPath;
    std::atomic<bool> mCancel{false};
};

} // namespace cs
