#include "intensityresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cs {

namespace {

QJsonDocument parse(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (doc.isNull() && error)
        *error = QStringLiteral("not JSON: %1 at byte %2").arg(pe.errorString()).arg(pe.offset);
    return doc;
}

QDateTime utc(const QString &text)
{
    // The UK API writes "2026-08-05T23:00Z" (no seconds), which Qt::ISODate reads.
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.toUTC();
}

void keepNewest(std::optional<IntensityReading> &best, const IntensityReading &r)
{
    if (r.time.isValid() && (!best || r.time >= best->time))
        best = r;
}

} // namespace

std::optional<IntensityReading> parseUkNational(const QByteArray &json, QString *error)
{
    const QJsonDocument doc = parse(json, error);
    if (doc.isNull())
        return std::nullopt;
    std::optional<IntensityReading> best;
    for (const QJsonValue &v : doc.object().value(QStringLiteral("data")).toArray()) {
        const QJsonObject o = v.toObject();
        const QJsonObject in = o.value(QStringLiteral("intensity")).toObject();
        IntensityReading r;
        r.time = utc(o.value(QStringLiteral("from")).toString());
        const QJsonValue actual = in.value(QStringLiteral("actual"));
        const QJsonValue forecast = in.value(QStringLiteral("forecast"));
        if (actual.isDouble() && actual.toDouble() > 0) {
            r.gPerKwh = actual.toDouble();
            r.source = QStringLiteral("UK Carbon Intensity API, national (actual)");
        } else if (forecast.isDouble()) {
            r.gPerKwh = forecast.toDouble();
            r.estimated = true;
            r.source = QStringLiteral("UK Carbon Intensity API, national (forecast)");
        } else {
            continue;
        }
        keepNewest(best, r);
    }
    if (!best && error && error->isEmpty())
        *error = QStringLiteral("no period with an intensity in the response");
    return best;
}

std::optional<IntensityReading> parseUkRegional(const QByteArray &json, int regionId, QString *error)
{
    const QJsonDocument doc = parse(json, error);
    if (doc.isNull())
        return std::nullopt;
    const QJsonArray data = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("data")).toArray();
    std::optional<IntensityReading> best;
    auto take = [&](const QJsonObject &period, const QJsonObject &region) {
        const QJsonValue f = region.value(QStringLiteral("intensity")).toObject().value(QStringLiteral("forecast"));
        if (!f.isDouble())
            return;
        IntensityReading r;
        r.gPerKwh = f.toDouble();
        r.time = utc(period.value(QStringLiteral("from")).toString());
        r.estimated = true;
        r.source = QStringLiteral("UK Carbon Intensity API, %1 (regional forecast)")
                       .arg(region.value(QStringLiteral("shortname")).toString());
        keepNewest(best, r);
    };
    for (const QJsonValue &v : data) {
        const QJsonObject o = v.toObject();
        if (o.contains(QStringLiteral("regions"))) { // pt24h: periods holding every region
            for (const QJsonValue &rv : o.value(QStringLiteral("regions")).toArray())
                if (rv.toObject().value(QStringLiteral("regionid")).toInt() == regionId)
                    take(o, rv.toObject());
        } else if (o.value(QStringLiteral("regionid")).toInt() == regionId) { // regionid/N: one region's periods
            for (const QJsonValue &pv : o.value(QStringLiteral("data")).toArray()) {
                QJsonObject region = pv.toObject();
                region.insert(QStringLiteral("shortname"), o.value(QStringLiteral("shortname")));
                take(pv.toObject(), region);
            }
        }
    }
    if (!best && error && error->isEmpty())
        *error = QStringLiteral("no forecast for region %1 in the response").arg(regionId);
    return best;
}

std::optional<IntensityReading> parseElectricityMaps(const QByteArray &json, QString *error)
{
    const QJsonDocument doc = parse(json, error);
    if (doc.isNull())
        return std::nullopt;
    const QJsonObject root = doc.object();
    std::optional<IntensityReading> best;
    auto take = [&](const QJsonObject &o) {
        const QJsonValue ci = o.value(QStringLiteral("carbonIntensity"));
        if (!ci.isDouble())
            return;
        IntensityReading r;
        r.gPerKwh = ci.toDouble();
        r.time = utc(o.value(QStringLiteral("datetime")).toString());
        r.estimated = o.value(QStringLiteral("isEstimated")).toBool();
        r.source = QStringLiteral("Electricity Maps, zone %1%2")
                       .arg(o.value(QStringLiteral("zone")).toString(root.value(QStringLiteral("zone")).toString()),
                            r.estimated ? QStringLiteral(" (estimated)") : QString());
        keepNewest(best, r);
    };
    if (root.contains(QStringLiteral("history"))) {
        for (const QJsonValue &v : root.value(QStringLiteral("history")).toArray())
            take(v.toObject());
    } else {
        take(root);
    }
    if (!best && error && error->isEmpty())
        *error = root.contains(QStringLiteral("error"))
                     ? QStringLiteral("Electricity Maps: %1").arg(root.value(QStringLiteral("error")).toString())
                     : QStringLiteral("no carbonIntensity in the response");
    return best;
}

} // namespace cs
