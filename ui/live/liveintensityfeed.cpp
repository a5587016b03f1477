#include "liveintensityfeed.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace cs {

LiveIntensityFeed::LiveIntensityFeed(QObject *parent)
    : QObject(parent)
{
    mRetry.setSingleShot(true);
    connect(&mRetry, &QTimer::timeout, this, &LiveIntensityFeed::startAttempt);
}

void LiveIntensityFeed::setSettings(const Settings &settings)
{
    mSettings = settings;
}

QUrl LiveIntensityFeed::requestUrl() const
{
    QUrl url;
    switch (mSettings.source) {
    case Source::UkNational:
        url = mSettings.ukBase;
        url.setPath(url.path() + QStringLiteral("/intensity"));
        break;
    case Source::UkRegion:
        url = mSettings.ukBase;
        url.setPath(url.path() + QStringLiteral("/regional/regionid/%1").arg(mSettings.regionId));
        break;
    case Source::ElectricityMaps: {
        url = mSettings.electricityMapsBase;
        url.setPath(url.path() + QStringLiteral("/v3/carbon-intensity/latest"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("zone"), mSettings.zone);
        url.setQuery(q);
        break;
    }
    }
    return url;
}

void LiveIntensityFeed::fetch()
{
    mRetry.stop();
    if (mReply) {
        QNetworkReply *old = mReply;
        mReply = nullptr;
        old->abort();
        old->deleteLater();
    }
    mAttempt = 0;
    startAttempt();
}

void LiveIntensityFeed::startAttempt()
{
    ++mAttempt;
    QNetworkRequest request(requestUrl());
    request.setRawHeader("Accept", "application/json");
    if (mSettings.source == Source::ElectricityMaps)
        request.setRawHeader("auth-token", mSettings.token.toUtf8());
    request.setTransferTimeout(mSettings.timeoutMs);
    mReply = mNetwork.get(request);
    QNetworkReply *reply = mReply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finished(reply); });
}

void LiveIntensityFeed::finished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != mReply)
        return; // abandoned
    mReply = nullptr;

    QString error;
    std::optional<IntensityReading> reading;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        error = tr("no answer within %1 s").arg(mSettings.timeoutMs / 1000.0);
    } else if (reply->error() != QNetworkReply::NoError) {
        error = status ? tr("HTTP %1: %2").arg(status).arg(reply->errorString()) : reply->errorString();
    } else {
        const QByteArray body = reply->readAll();
        switch (mSettings.source) {
        case Source::UkNational:
            reading = parseUkNational(body, &error);
            break;
        case Source::UkRegion:
            reading = parseUkRegional(body, mSettings.regionId, &error);
            break;
        case Source::ElectricityMaps:
            reading = parseElectricityMaps(body, &error);
            break;
        }
    }
    if (reading) {
        mLastGood = reading;
        Q_EMIT readingArrived(*reading);
        return;
    }
    const bool again = mAttempt < mSettings.maxAttempts;
    const int wait = again ? mSettings.firstBackoffMs * (1 << (mAttempt - 1)) : 0;
    Q_EMIT fetchFailed(error, mAttempt, again, wait);
    if (again)
        mRetry.start(wait);
}

} // namespace cs
