#include "importjob.h"

#include "import_context.h"
#include "import_runner.h"
#include "parse_error.h"
#include "series_name.h"
#include "utc_time.h"

#include <QFileInfo>
#include <QThread>

namespace cs {

namespace {

ImportOptions optionsFor(const ImportRequest &r)
{
    ImportOptions options;
    options.kind = r.kind == ImportRequest::Kind::Carbon ? SeriesKind::Carbon : SeriesKind::Requests;
    options.format = r.format.isEmpty() ? std::string("auto") : r.format.toStdString();
    options.valueColumn = r.valueColumn.toStdString();
    options.timeZone = r.timeZone.trimmed().toStdString();
    if (r.delimiter.size() == 1 && r.delimiter.front().unicode() < 128)
        options.delimiter = static_cast<char>(r.delimiter.front().unicode());
    if (!r.header.isEmpty())
        options.header = r.header == QLatin1String("yes");
    options.timeColumn = r.timeColumn.toStdString();
    options.skipBadRows = r.skipBadRows;
    if (!r.start.trimmed().isEmpty()) {
        options.start = parseUtcTime(r.start.trimmed().toStdString());
        if (!options.start)
            throw InputError("trace start: expected an ISO time such as 2020-03-01T00:00:00Z, got \""
                             + r.start.trimmed().toStdString() + "\"");
    }
    options.intervalSeconds = r.intervalSeconds;
    options.operation = r.operation.trimmed().toStdString();
    if (r.timeFormat == QLatin1String("iso"))
        options.timeFormat = TimeFormat::Iso;
    else if (r.timeFormat == QLatin1String("unix-s"))
        options.timeFormat = TimeFormat::UnixSeconds;
    else if (r.timeFormat == QLatin1String("unix-ms"))
        options.timeFormat = TimeFormat::UnixMilliseconds;
    return options;
}

} // namespace

ImportJob::ImportJob(ImportRequest request, QObject *parent) : QObject(parent), mRequest(std::move(request)) {}

ImportJob::~ImportJob()
{
    if (mThread) {
        mCancel = true;
        mThread->wait();
        delete mThread;
    }
}

bool ImportJob::isRunning() const
{
    return mThread && mThread->isRunning();
}

void ImportJob::start()
{
    mThread = QThread::create([this] { run(); });
    connect(mThread, &QThread::finished, this, &ImportJob::finished);
    mThread->start();
}

TimeSeries ImportJob::seriesFor(const ImportedSeries &imported, const QString &path, bool zeroActualIsMissing)
{
    TimeSeries s = imported.series(zeroActualIsMissing);
    // The importer names a series after its file (and region); a column name alone ("y") says nothing.
    const std::string name = imported.meta.name;
    const std::string region = imported.meta.region;
    const auto slash = name.rfind('/');
    s.name = readableSeriesName(path.toStdString(), slash == std::string::npos ? std::string() : name.substr(slash + 1));
    if (slash == std::string::npos && !region.empty() && region != "GB" && imported.kind == SeriesKind::Carbon)
        s.name = readableSeriesName(path.toStdString(), region);
    s.source = QFileInfo(path).fileName().toStdString();
    return s;
}

DataQualityReport ImportJob::qualityOf(const ImportedSeries &imported)
{
    DataQualityOptions options;
    options.zerosAreDoubtful = imported.kind == SeriesKind::Carbon;
    return checkDataQuality(imported.series(false), options);
}

void ImportJob::run()
{
    const std::string path = mRequest.path.toStdString();
    try {
        ImportOptions options = optionsFor(mRequest);
        options.progress = [this](std::uint64_t done, std::uint64_t total) {
            Q_EMIT progress(total ? static_cast<int>(1000.0 * static_cast<double>(done) / static_cast<double>(total)) : 0);
            return !mCancel.load();
        };
        ImportResult result;
        std::vector<ImportedSeries> all = ImportRunner::readFile(path, options, &result);
        mFormat = QString::fromStdString(result.format);
        mImported = std::move(all.front());
        mSeries = seriesFor(*mImported, mRequest.path, mRequest.zeroActualIsMissing);
        if (result.skippedRows > 0)
            mWarnings = tr("%n bad row(s) skipped", nullptr, static_cast<int>(result.skippedRows));
        Q_EMIT progress(1000);
    } catch (const ImportCancelled &) {
        mSeries.reset();
        mImported.reset();
        mCancelled = true;
    } catch (const std::exception &e) {
        mSeries.reset();
        mImported.reset();
        mError = QString::fromUtf8(e.what());
    }
}

} // namespace cs
