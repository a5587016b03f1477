#include "scenarioloader.h"

#include "parse_error.h"
#include "scenario_checks.h"
#include "series_name.h"

#include <QCoreApplication>
#include <QFile>

#include <sstream>

// Q_INIT_RESOURCE must be called outside any namespace; the resources live in this static library.
static void initCarbonScopeResources()
{
    Q_INIT_RESOURCE(carbonscope);
}

namespace cs {

namespace {

std::string readResource(const QString &path)
{
    initCarbonScopeResources();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InputError("cannot open the embedded resource " + path.toStdString());
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

QString intervalText(UtcSeconds s)
{
    if (s % 3600 == 0)
        return QCoreApplication::translate("cs", "%1 h").arg(s / 3600);
    return QCoreApplication::translate("cs", "%1 min").arg(s / 60);
}

} // namespace

QString defaultCarbonResource()
{
    return QStringLiteral(":/data/carbon_south_west_england_2023-06.csv");
}

QString defaultRequestsResource()
{
    return QStringLiteral(":/data/requests_wikipedia_en_2023-06.csv");
}

LoadedScenario makeScenario(const TimeSeries &carbon, const std::optional<TimeSeries> &requests, const QString &name)
{
    LoadedScenario loaded;
    loaded.scenario = alignTraces(carbon, requests);
    loaded.scenario.name = name.toStdString();
    const Scenario &s = loaded.scenario;
    QString text = QCoreApplication::translate("cs", "%1: carbon %2 (%3)")
                       .arg(name, QString::fromStdString(carbon.source.empty() ? carbon.name : carbon.source),
                            intervalText(carbon.intervalSeconds));
    if (requests)
        text += QCoreApplication::translate("cs", ", requests %1 (%2)")
                    .arg(QString::fromStdString(requests->source.empty() ? requests->name : requests->source),
                         intervalText(requests->intervalSeconds));
    else
        text += QCoreApplication::translate("cs", ", one request per interval");
    text += QCoreApplication::translate("cs", "; %1 intervals of %2 (intensity time-weighted, requests summed)")
                .arg(s.size())
                .arg(intervalText(s.intervalSeconds));
    if (!s.gaps.empty())
        text += QCoreApplication::translate("cs", "; %n gap(s) left out", nullptr, static_cast<int>(s.gaps.size()));
    // What the alignment cut off a trace to the period both cover is said, never done silently.
    for (const std::string &cut : {describeCutOff(carbon, s, "carbon"),
                                   requests ? describeCutOff(*requests, s, "request") : std::string()})
        if (!cut.empty())
            text += QStringLiteral("; ") + QString::fromStdString(cut);
    loaded.description = text;
    return loaded;
}

QString defaultScenarioName()
{
    return QCoreApplication::translate("cs", "South West England + Wikipedia (en), June 2023");
}

namespace {

// A default trace from the resources, named after its file ("y" or "South West England", its column, says little).
TimeSeries readDefault(const QString &resource, const std::string &path, bool carbon)
{
    const std::string bytes = readResource(resource);
    TimeSeries s = readTraceText(bytes, path, {.kind = carbon ? SeriesKind::Carbon : SeriesKind::Requests}).series;
    s.name = readableSeriesName(path, s.name);
    return s;
}

} // namespace

TimeSeries defaultCarbonTrace()
{
    return readDefault(defaultCarbonResource(), "data/carbon_south_west_england_2023-06.csv", true);
}

TimeSeries defaultRequestTrace()
{
    return readDefault(defaultRequestsResource(), "data/requests_wikipedia_en_2023-06.csv", false);
}

LoadedScenario loadDefaultScenario()
{
    return makeScenario(defaultCarbonTrace(), defaultRequestTrace(), defaultScenarioName());
}

} // namespace cs
