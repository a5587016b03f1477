#pragma once

#include "data_quality.h"
#include "memory_sink.h"
#include "time_series.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <optional>

class QThread;

namespace cs {

// What to import: a carbon-intensity or request trace from a file.
struct ImportRequest
{
    enum class Kind { Carbon, Requests };
    QString path;
    Kind kind = Kind::Carbon;
    QString valueColumn;      // empty: let the reader detect it
    QString format;           // importer format ("auto", "ukci", ...)
    QString timeFormat;       // generic CSV: "auto" (or empty), "iso", "unix-s", "unix-ms"
    QString timeZone;         // generic CSV: zone of times without an offset ("Europe/London", "+01:00"); empty: UTC
    QString delimiter;        // generic CSV: one character ("\t" for tab); empty: detect
    QString header;           // generic CSV: "yes", "no"; empty: detect
    QString timeColumn;       // generic CSV: name or 1-based index; empty: detect
    bool skipBadRows = false; // count and skip bad rows instead of stopping at the first
    QString start;            // traces whose times count seconds from their start (Twitter): ISO time; empty: none
    int intervalSeconds = 0;  // per-request traces: seconds per count; 0: the importer's 60
    QString operation;        // Twitter: keep only this operation ("get"); empty: all
    bool zeroActualIsMissing = false; // carbon: an actual of 0 is not measured; take the forecast (ImportedSeries)
};

// Runs one import on its own thread (Tiled's ProjectModel scanner, PulseView's StoreSession): progress by bytes
// read, cancel between chunks, and the outcome read once finished() is emitted. Never touches widgets.
// The importer writes into memory (MemorySink): no SQLite on the way in; the series reaches the project once,
// when the document is saved.
class ImportJob : public QObject
{
    Q_OBJECT

public:
    explicit ImportJob(ImportRequest request, QObject *parent = nullptr);
    ~ImportJob() override; // cancels and waits for the thread

    void start();
    void cancel() { mCancel = true; }
    bool isRunning() const;

    const ImportRequest &request() const { return mRequest; }
    // After finished(): the series read, or why not (file:line:column where the reader says where).
    const std::optional<TimeSeries> &series() const { return mSeries; }
    // The series as imported (actual and forecast apart), to take the zero-actual choice again without reading.
    const std::optional<ImportedSeries> &imported() const { return mImported; }
    const QString &error() const { return mError; }
    bool cancelled() const { return mCancelled; }
    const QString &format() const { return mFormat; }
    const QString &warnings() const { return mWarnings; }

    // The series a scenario uses from `imported`, named readably (file stem and column: readableSeriesName).
    static TimeSeries seriesFor(const ImportedSeries &imported, const QString &path, bool zeroActualIsMissing);
    // The data-quality report of `imported` as read (zeros counted before any is taken from the forecast).
    static DataQualityReport qualityOf(const ImportedSeries &imported);

Q_SIGNALS:
    void progress(int permille);
    void finished();

private:
    void run();

    ImportRequest mRequest;
    QThread *mThread = nullptr;
    std::atomic<bool> mCancel{false};
    std::optional<TimeSeries> mSeries;
    std::optional<ImportedSeries> mImported;
    QString mError;
    QString mFormat;
    QString mWarnings;
    bool mCancelled = false;
};

} // namespace cs
