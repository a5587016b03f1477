#pragma once

#include "intensityresponse.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkReply;

namespace cs {

// Fetches the current carbon intensity from a public API with Qt Network: the UK Carbon Intensity API (national
// or one region) or Electricity Maps (with the user's token). Each request has a timeout; a failed one is tried
// again after a backoff that doubles each time (up to maxAttempts); the last good reading is kept and still
// offered, marked stale, while fetches fail.
class LiveIntensityFeed : public QObject
{
    Q_OBJECT

public:
    enum class Source { UkNational, UkRegion, ElectricityMaps };

    struct Settings
    {
        Source source = Source::UkNational;
        int regionId = 11;                        // South West England
        QString zone = QStringLiteral("GB");      // Electricity Maps zone
        QString token;                            // Electricity Maps auth-token
        QUrl ukBase{QStringLiteral("https://api.carbonintensity.org.uk")};
        QUrl electricityMapsBase{QStringLiteral("https://api.electricitymap.org")};
        int timeoutMs = 10000;
        int maxAttempts = 4;
        int firstBackoffMs = 2000;                // then 4 s, 8 s, ...
    };

    explicit LiveIntensityFeed(QObject *parent = nullptr);

    void setSettings(const Settings &settings);
    const Settings &settings() const { return mSettings; }
    QUrl requestUrl() const;

    // Starts a fetch (with its retries); a fetch already under way is abandoned.
    void fetch();
    bool busy() const { return mReply != nullptr || mRetry.isActive(); }
    const std::optional<IntensityReading> &lastGood() const { return mLastGood; }

Q_SIGNALS:
    void readingArrived(const cs::IntensityReading &reading);
    // A try failed; `willRetry` says whether another follows (after `retryInMs`). When none does, lastGood()
    // still holds the last reading that arrived, if any.
    void fetchFailed(const QString &error, int attempt, bool willRetry, int retryInMs);

private:
    void startAttempt();
    void finished(QNetworkReply *reply);

    Settings mSettings;
    QNetworkAccessManager mNetwork;
    QNetworkReply *mReply = nullptr;
    QTimer mRetry;
    int mAttempt = 0;
    std::optional<IntensityReading> mLastGood;
};

} // namespace cs
