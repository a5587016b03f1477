#include "importjob.h"

#include "parse_error.h"
#include "trace_csv.h"
#include "utc_time.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include "import_context.h"
#include "import_runner.h"
#include "project_store.h"

#include <sstream>

namespace cs {

namespace {

struct Cancelled
{};

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

bool ImportJob::usesImporters()
{
    return true;
}

void ImportJob::run()
{
    const std::string path = mRequest.path.toStdString();
    // The importers library reads every supported format (UK CI API, Electricity Maps, WattTime, Twitter, Azure,
    // generic CSV) into a store; a scratch project holds the series until the document takes it.
    try {
        QTemporaryDir scratch;
        if (!scratch.isValid())
            throw InputError("cannot create a temporary folder for the import");
        ProjectStore store = ProjectStore::open(scratch.filePath(QStringLiteral("import.csdb")).toStdString());
        ImportOptions options;
        options.kind = mRequest.kind == ImportRequest::Kind::Carbon ? SeriesKind::Carbon : SeriesKind::Requests;
        options.format = mRequest.format.isEmpty() ? std::string("auto") : mRequest.format.toStdString();
        options.valueColumn = mRequest.valueColumn.toStdString();
        options.timeZone = mRequest.timeZone.trimmed().toStdString();
        if (mRequest.delimiter.size() == 1 && mRequest.delimiter.front().unicode() < 128)
            options.delimiter = static_cast<char>(mRequest.delimiter.front().unicode());
        if (!mRequest.header.isEmpty())
            options.header = mRequest.header == QLatin1String("yes");
        options.timeColumn = mRequest.timeColumn.toStdString();
        options.skipBadRows = mRequest.skipBadRows;
        if (!mRequest.start.trimmed().isEmpty()) {
            options.start = parseUtcTime(mRequest.start.trimmed().toStdString());
            if (!options.start)
                throw InputError("trace start: expected an ISO time such as 2020-03-01T00:00:00Z, got \""
                                 + mRequest.start.trimmed().toStdString() + "\"");
        }
        options.intervalSeconds = mRequest.intervalSeconds;
        options.operation = mRequest.operation.trimmed().toStdString();
        if (mRequest.timeFormat == QLatin1String("iso"))
            options.timeFormat = TimeFormat::Iso;
        else if (mRequest.timeFormat == QLatin1String("unix-s"))
            options.timeFormat = TimeFormat::UnixSeconds;
        else if (mRequest.timeFormat == QLatin1String("unix-ms"))
            options.timeFormat = TimeFormat::UnixMilliseconds;
        options.progress = [this](std::uint64_t done, std::uint64_t total) {
            Q_EMIT progress(total ? static_cast<int>(1000.0 * static_cast<double>(done) / static_cast<double>(total)) : 0);
            return !mCancel.load();
        };
        const ImportResult result = ImportRunner::importFile(store, path, options);
        if (result.series.empty())
            throw InputError(path + ": the file holds no series");
        mFormat = QString::fromStdString(result.format);
        mSeries = options.kind == SeriesKind::Carbon ? store.loadCarbonSeries(result.series.front())
                                                     : store.loadRequestSeries(result.series.front());
        mSeries->source = QFileInfo(mRequest.path).fileName().toStdString();
        if (result.skippedRows > 0)
            mWarnings = tr("%n bad row(s) skipped", nullptr, static_cast<int>(result.skippedRows));
        Q_EMIT progress(1000);
    } catch (const ImportCancelled &) {
        mSeries.reset();
        mCancelled = true;
    } catch (const std::exception &e) {
        mSeries.reset();
        mError = QString::fromUtf8(e.what());
    }
    return;
    try {
        // Read in chunks so that progress and cancel work on large files; core's readers then parse the text
        // from a stream. The text is parsed as one piece: a cancel during parsing takes effect when it ends.
        QFile file(mRequest.path);
        if (!file.open(QIODevice::ReadOnly))
            throw InputError(path + ": cannot open: " + file.errorString().toStdString());
        const qint64 size = std::max<qint64>(1, file.size());
        std::string text;
        text.reserve(static_cast<std::size_t>(file.size()));
        constexpr qint64 Chunk = 1 << 20;
        while (!file.atEnd()) {
            if (mCancel)
                throw Cancelled{};
            const QByteArray bytes = file.read(Chunk);
            if (bytes.isEmpty() && file.error() != QFileDevice::NoError)
                throw InputError(path + ": " + file.errorString().toStdString());
            text.append(bytes.constData(), static_cast<std::size_t>(bytes.size()));
            Q_EMIT progress(static_cast<int>(500 * static_cast<double>(text.size()) / static_cast<double>(size)));
        }
        std::istringstream in(std::move(text));
        const std::string column = mRequest.valueColumn.toStdString();
        mFormat = QStringLiteral("csv");
        if (mRequest.kind == ImportRequest::Kind::Carbon) {
            CarbonCsvOptions options;
            options.column = column;
            mSeries = readCarbonCsv(in, path, options);
        } else {
            mSeries = readRequestCsv(in, path, column);
        }
        if (mCancel)
            throw Cancelled{};
        mSeries->source = QFileInfo(mRequest.path).fileName().toStdString();
        Q_EMIT progress(1000);
    } catch (const Cancelled &) {
        mSeries.reset();
        mCancelled = true;
    } catch (const std::exception &e) {
        mSeries.reset();
        mError = QString::fromUtf8(e.what());
    }
}

} // namespace cs
