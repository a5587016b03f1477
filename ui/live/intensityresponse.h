#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace cs {

// The newest usable intensity in a carbon-intensity API response.
struct IntensityReading
{
    double gPerKwh = 0;
    QDateTime time;       // start of the period it covers (UTC)
    QString source;       // "UK Carbon Intensity API, national (actual)"
    bool estimated = false; // a forecast or an estimate rather than a measured value
};

// UK Carbon Intensity API, national (/intensity, /intensity/date...): the newest period with a value; its actual
// where measured (an actual of 0 is treated as not measured: the API has returned it for missing data), else its
// forecast. Nothing where no period has a value; `error` says why.
std::optional<IntensityReading> parseUkNational(const QByteArray &json, QString *error);
// UK Carbon Intensity API, regional: /regional/regionid/N ({"data":[{"regionid","data":[...]}]}) or a pt24h
// response ({"data":[{"from","to","regions":[...]}]}, or its bare array): the newest forecast of region N.
std::optional<IntensityReading> parseUkRegional(const QByteArray &json, int regionId, QString *error);
// Electricity Maps v3: carbon-intensity/latest ({"carbonIntensity", "datetime", "isEstimated"}) or
// carbon-intensity/history ({"history":[...]}, the newest point taken).
std::optional<IntensityReading> parseElectricityMaps(const QByteArray &json, QString *error);

} // namespace cs

Q_DECLARE_METATYPE(cs::IntensityReading)
