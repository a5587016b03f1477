#pragma once

// Answers templated from recorded API responses (../shared/data): each field, nesting and value of the real
// answer is kept, and the recorded day (or month) repeats over whatever dates a request asks for. The value at a
// time is a function of the time alone, so a test knows what the server served at any instant.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>

namespace recorded {

inline QJsonDocument sharedJson(const char *name)
{
    QFile f(QStringLiteral(CARBONSCOPE_SHARED_DATA "/") + QLatin1String(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing shared data file %s", name);
    return QJsonDocument::fromJson(f.readAll());
}

inline std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// "2024-01-01T00:00Z" / "2024-01-01T00:00:00Z" / "2024-01-01T00:00:00.000Z" and back.
inline std::optional<std::int64_t> parseTime(const std::string &text)
{
    std::tm tm{};
    int seconds = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min) != 5)
        return std::nullopt;
    if (text.size() > 17 && text[16] == ':')
        seconds = std::atoi(text.c_str() + 17);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<std::int64_t>(timegm(&tm)) + seconds;
}
inline QString isoMinutes(std::int64_t t)
{
    char buf[32];
    const std::time_t tt = static_cast<std::time_t>(t);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%MZ", std::gmtime(&tt));
    return QString::fromLatin1(buf);
}
inline QString isoMillis(std::int64_t t)
{
    char buf[40];
    const std::time_t tt = static_cast<std::time_t>(t);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", std::gmtime(&tt));
    return QString::fromLatin1(buf);
}
inline QString isoOffset(std::int64_t t)
{
    char buf[40];
    const std::time_t tt = static_cast<std::time_t>(t);
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", std::gmtime(&tt));
    return QString::fromLatin1(buf);
}

// --- UK Carbon Intensity API, one region: the recorded all-regions day (48 half-hours, 2023-12-30T23:30Z on) ---
inline const QJsonArray &ukciDay()
{
    static const QJsonArray day = sharedJson("uk_ci_regional_intensity_2024-01-01_pt24h_data_array.json").array();
    return day;
}
inline QJsonObject ukciRegionEntry(int id, std::int64_t t)
{
    const QJsonArray regions = ukciDay()[int(floorDiv(t, 1800) % 48)].toObject()["regions"].toArray();
    for (const QJsonValue &r : regions)
        if (r.toObject()["regionid"].toInt() == id)
            return r.toObject();
    qFatal("region %d not in the recorded day", id);
}
// What the server serves as region `id`'s forecast for the half-hour starting at t.
inline double ukciForecast(int id, std::int64_t t) { return ukciRegionEntry(id, t)["intensity"].toObject()["forecast"].toDouble(); }

// GET /regional/intensity/{from}/{to}/regionid/{id}: {"data":[{"regionid","dnoregion","shortname","data":[...]}]}.
// Like the API, it also answers the half-hour that ends at {from}.
inline QByteArray ukciRegionBody(int id, std::int64_t from, std::int64_t to)
{
    QJsonArray periods;
    for (std::int64_t t = from - 1800; t < to; t += 1800) {
        const QJsonObject r = ukciRegionEntry(id, t);
        periods.append(QJsonObject{{"from", isoMinutes(t)}, {"to", isoMinutes(t + 1800)},
                                   {"intensity", r["intensity"]}, {"generationmix", r["generationmix"]}});
    }
    // In the API's own order (regionid, dnoregion, shortname, then data), which QJsonObject would sort away.
    const QJsonObject first = ukciRegionEntry(id, from);
    const auto text = [](const QJsonValue &v) { return QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1); };
    return "{\"data\":[{\"regionid\":" + QByteArray::number(id) + ",\"dnoregion\":" + text(first["dnoregion"])
        + ",\"shortname\":" + text(first["shortname"]) + ",\"data\":"
        + QJsonDocument(periods).toJson(QJsonDocument::Compact) + "}]}";
}

// --- UK CI national: the recorded day 2026-08-06 (forecast and actual) ---
inline QJsonObject ukciNationalEntry(std::int64_t t)
{
    static const QJsonArray day = sharedJson("uk_ci_national_intensity_date_2026-08-06.json").object()["data"].toArray();
    return day[int(floorDiv(t, 1800) % 48)].toObject()["intensity"].toObject();
}
inline QByteArray ukciNationalBody(std::int64_t from, std::int64_t to)
{
    QJsonArray data;
    for (std::int64_t t = from - 1800; t < to; t += 1800)
        data.append(QJsonObject{{"from", isoMinutes(t)}, {"to", isoMinutes(t + 1800)}, {"intensity", ukciNationalEntry(t)}});
    return QJsonDocument(QJsonObject{{"data", data}}).toJson(QJsonDocument::Compact);
}

// --- Electricity Maps: the recorded FR day (24 hours); past-range answers its points under "data" ---
inline QJsonObject emPoint(std::int64_t t)
{
    static const QJsonArray day = sharedJson("electricitymaps_api_history_FR_2024-07-04.json").object()["history"].toArray();
    return day[int(floorDiv(t, 3600) % 24)].toObject();
}
inline double emIntensity(std::int64_t t) { return emPoint(t)["carbonIntensity"].toDouble(); }
inline QByteArray emPastRangeBody(const QString &zone, std::int64_t from, std::int64_t to)
{
    QJsonArray data;
    for (std::int64_t t = from; t <= to; t += 3600) { // past-range's end is inclusive
        QJsonObject p = emPoint(t);
        p["zone"] = zone;
        p["datetime"] = isoMillis(t);
        data.append(p);
    }
    return QJsonDocument(QJsonObject{{"zone", zone}, {"data", data}}).toJson(QJsonDocument::Compact);
}

// --- WattTime: the recorded CAISO_NORTH month (5-minute MOER, stored in g/kWh), served in lbs/MWh ---
inline const QVector<double> &wattTimeGramsPerKwh()
{
    static const QVector<double> values = [] {
        QVector<double> v;
        QFile f(QStringLiteral(CARBONSCOPE_SHARED_DATA "/watttime_caiso_north_moer_2023-06-08_to_07-08_5min_gkwh.csv"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing the WattTime CSV");
        f.readLine();
        while (!f.atEnd()) {
            const QList<QByteArray> fields = f.readLine().trimmed().split(',');
            if (fields.size() == 2)
                v.append(fields[1].toDouble());
        }
        return v;
    }();
    return values;
}
inline double wattTimeGrams(std::int64_t t)
{
    const auto &v = wattTimeGramsPerKwh();
    return v[int(floorDiv(t, 300) % v.size())];
}
inline QByteArray wattTimeBody(const QString &region, std::int64_t from, std::int64_t to)
{
    QJsonArray data;
    for (std::int64_t t = from; t < to; t += 300)
        data.append(QJsonObject{{"point_time", isoOffset(t)}, {"value", wattTimeGrams(t) / 0.45359237}});
    const QJsonObject meta{{"data_point_period_seconds", 300}, {"region", region}, {"signal_type", "co2_moer"},
                           {"units", "lbs_co2_per_mwh"}, {"warnings", QJsonArray{}},
                           {"model", QJsonObject{{"date", "2023-03-01"}}}};
    return QJsonDocument(QJsonObject{{"data", data}, {"meta", meta}}).toJson(QJsonDocument::Compact);
}

} // namespace recorded
