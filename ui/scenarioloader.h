#pragma once

#include "scenario.h"
#include "trace_file.h"

#include <QString>

#include <optional>

namespace cs {

struct LoadedScenario
{
    Scenario scenario;
    QString description;
};

// The embedded default scenario: South West England's carbon intensity and English Wikipedia's hourly requests,
// June 2023 (data/SOURCES.md), read from the Qt resources into core's stream readers.
LoadedScenario loadDefaultScenario();
// The default scenario's name as the user sees it.
QString defaultScenarioName();
// The default scenario's two traces, unaligned.
TimeSeries defaultCarbonTrace();
TimeSeries defaultRequestTrace();

// Aligns traces with core's alignTraces and says, in one line, what was aligned, which gaps were found and what
// part of either trace the alignment cut off (describeCutOff: a year of carbon on a month of requests).
LoadedScenario makeScenario(const TimeSeries &carbon, const std::optional<TimeSeries> &requests, const QString &name);

// The resource paths of the default scenario's files.
QString defaultCarbonResource();
QString defaultRequestsResource();

} // namespace cs
