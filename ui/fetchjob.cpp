#include "fetchjob.h"

#include "curl_http_client.h"
#include "fetch_error.h"
#include "paced_client.h"
#include "project_store.h"

namespace cs {

FetchJob::FetchJob(SourceSettings source, FetchSpec spec, FetchPacing pacing, QString projectPath)
    : mSource(std::move(source))
    , mSpec(std::move(spec))
    , mPacing(pacing)
    , mProjectPath(std::move(projectPath))
{
}

void FetchJob::run()
{
    try {
        std::unique_ptr<ApiSource> source = makeApiSource(mSource);
        ProjectStore store = ProjectStore::open(mProjectPath.toStdString(), ProjectStore::OpenMode::MustExist);
        CurlHttpClient http;
        SystemFetchClock clock;
        PacedClient client(http, clock, mPacing);
        client.setCancel([this] { return mCancel.load(); });
        client.setAbort([this] { return mCancel.load(); });
        client.setNote([this](const std::string &text) { Q_EMIT note(QString::fromStdString(text)); });
        Fetcher fetcher(*source, client, store);
        const FetchSummary summary = fetcher.run(mSpec, [this](const FetchProgress &p) {
            Q_EMIT progress(int(p.done), int(p.total),
                            p.url.empty() ? QString()
                                          : tr("%1, %2 to %3").arg(QString::fromStdString(p.target),
                                                                   QString::fromStdString(formatUtcTime(p.period.from)).left(10),
                                                                   QString::fromStdString(formatUtcTime(p.period.to)).left(10)));
            return !mCancel.load();
        });
        QStringList lines{tr("Fetched %1 %2 (%3 already in the project), %4 HTTP requests, %5 retries.")
                              .arg(summary.calls)
                              .arg(summary.calls == 1 ? tr("call") : tr("calls"))
                              .arg(summary.cachedCalls)
                              .arg(summary.requests)
                              .arg(summary.retries)};
        for (const FetchSummary::Series &s : summary.series)
            lines << tr("Series “%1”: %2 points.").arg(QString::fromStdString(s.name)).arg(s.points);
        for (const std::string &n : summary.notes)
            lines << QString::fromStdString(n);
        Q_EMIT finished(true, lines.join(QLatin1Char('\n')));
    } catch (const FetchCancelled &) {
        Q_EMIT finished(false, tr("Cancelled. Every period fetched so far is kept in the project: download again "
                                  "to fetch the rest."));
    } catch (const std::exception &e) {
        Q_EMIT finished(false, QString::fromUtf8(e.what()));
    }
}

} // namespace cs
