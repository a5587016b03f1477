#include "intensityresponse.h"

#include "import_runner.h"
#include "memory_sink.h"
#include "parse_error.h"

#include <QDir>
#include <QTemporaryFile>

namespace cs {

namespace {

// One parser per format: the response goes through the same core importer `import` uses (ukci, electricitymaps),
// from a private temporary file (the importers read files; a response is a few kilobytes).
std::optional<ImportedSeries> importResponse(const QByteArray &json, const std::string &format,
                                             const std::string &region, QString *error,
                                             std::vector<RowWarning> *warnings = nullptr)
{
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/carbonscope_response_XXXXXX.json"));
    if (!file.open() || file.write(json) != json.size() || !file.flush()) {
        if (error)
            *error = QStringLiteral("cannot keep the response for reading: %1").arg(file.errorString());
        return std::nullopt;
    }
    ImportOptions options;
    options.kind = SeriesKind::Carbon;
    options.format = format;
    options.region = region;
    try {
        MemorySink sink(0, true);
        ImportResult result = ImportRunner::importInto(sink, file.fileName().toStdString(), options);
        if (sink.series().empty())
            throw InputError("the response holds no series");
        if (warnings)
            *warnings = std::move(result.warnings);
        return sink.takeSeries().front();
    } catch (const std::exception &e) {
        if (error) {
            *error = QString::fromUtf8(e.what()).replace(file.fileName(), QStringLiteral("the response"));
            const QByteArray body = json.trimmed();
            if (!body.startsWith('{') && !body.startsWith('['))
                error->prepend(QStringLiteral("not JSON: "));
        }
        return std::nullopt;
    }
}

QDateTime utc(UtcSeconds t)
{
    return QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
}

// The newest point's reading: its actual where measured (an actual of 0 is not a measurement: the API has
// returned it for missing data), else its forecast.
std::optional<IntensityReading> newest(const ImportedSeries &s, bool actualsCount)
{
    for (std::size_t i = s.times.size(); i-- > 0;) {
        const std::optional<double> actual = s.values[i];
        const std::optional<double> forecast = s.forecast.empty() ? std::nullopt : s.forecast[i];
        IntensityReading r;
        r.time = utc(s.times[i]);
        if (actualsCount && actual && *actual > 0) {
            r.gPerKwh = *actual;
        } else if (forecast) {
            r.gPerKwh = *forecast;
            r.estimated = true;
        } else {
            continue;
        }
        return r;
    }
    return std::nullopt;
}

} // namespace

std::optional<IntensityReading> parseUkNational(const QByteArray &json, QString *error)
{
    const std::optional<ImportedSeries> s = importResponse(json, "ukci", {}, error);
    std::optional<IntensityReading> r = s ? newest(*s, true) : std::nullopt;
    if (r)
        r->source = r->estimated ? QStringLiteral("UK Carbon Intensity API, national (forecast)")
                                 : QStringLiteral("UK Carbon Intensity API, national (actual)");
    else if (s && error && error->isEmpty())
        *error = QStringLiteral("no period with an intensity in the response");
    return r;
}

std::optional<IntensityReading> parseUkRegional(const QByteArray &json, int regionId, QString *error)
{
    const std::optional<ImportedSeries> s = importResponse(json, "ukci", std::to_string(regionId), error);
    std::optional<IntensityReading> r = s ? newest(*s, false) : std::nullopt;
    if (r) {
        // The importer names the region "South West England (region 11)".
        QString name = QString::fromStdString(s->meta.region);
        name = name.left(name.lastIndexOf(QStringLiteral(" (region ")));
        r->source = QStringLiteral("UK Carbon Intensity API, %1 (regional forecast)").arg(name);
    } else if (s && error && error->isEmpty()) {
        *error = QStringLiteral("no forecast for region %1 in the response").arg(regionId);
    }
    return r;
}

std::optional<IntensityReading> parseElectricityMaps(const QByteArray &json, QString *error)
{
    // carbon-intensity/latest answers one point, {"zone","carbonIntensity","datetime","isEstimated",...}: read as
    // a history of one. An error answer ({"error": ...}) is said as Electricity Maps says it.
    const QByteArray trimmed = json.trimmed();
    const bool onePoint = trimmed.startsWith('{') && !trimmed.contains("\"history\"");
    if (onePoint && !trimmed.contains("\"carbonIntensity\"")) {
        if (error)
            *error = trimmed.contains("\"error\"") ? QStringLiteral("Electricity Maps: %1").arg(QString::fromUtf8(trimmed))
                                                   : QStringLiteral("no carbonIntensity in the response");
        return std::nullopt;
    }
    std::vector<RowWarning> warnings;
    const std::optional<ImportedSeries> s = importResponse(
        onePoint ? QByteArray("{\"history\":[") + trimmed + QByteArray("]}") : json, "electricitymaps", {}, error,
        &warnings);
    if (!s || s->times.empty())
        return std::nullopt;
    IntensityReading r;
    r.time = utc(s->times.back());
    r.gPerKwh = s->values.back().value_or(s->forecast.empty() ? 0 : s->forecast.back().value_or(0));
    // The importer counts estimated points; the newest is taken as one where the response marks any (exact for
    // /latest, which holds one point).
    for (const RowWarning &w : warnings)
        r.estimated = r.estimated || w.message.find("isEstimated: true") != std::string::npos;
    r.source = QStringLiteral("Electricity Maps, zone %1%2")
                   .arg(QString::fromStdString(s->meta.region), r.estimated ? QStringLiteral(" (estimated)") : QString());
    return r;
}

} // namespace cs
