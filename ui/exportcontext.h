#pragma once

#include "utc_time.h"

#include <QString>
#include <QStringList>

#include <cstddef>

namespace cs {

class ScenarioDocument;

// The period an export holds: the selected one, else the whole scenario, as UTC times and interval indices.
struct ExportPeriod
{
    UtcSeconds from = 0;     // inclusive
    UtcSeconds to = 0;       // exclusive
    std::size_t begin = 0;   // first interval of the scenario in the period
    std::size_t end = 0;     // one past the last
    bool selected = false;   // false: the whole scenario
};
ExportPeriod exportPeriod(const ScenarioDocument &document);

// "2023-06-01T00:00:00Z to 2023-06-02T00:00:00Z (selected period, 24 intervals)".
QString periodText(const ScenarioDocument &document);

// What an export is about, one fact per line: scenario, period, pool (each model with its energy in mJ and its
// error), baseline, policies and the app's version. Exports write them as '# ' comment lines.
QStringList exportContextLines(const ScenarioDocument &document);
QString csvCommentBlock(const ScenarioDocument &document);

// The app's version ("unknown" where the application has none set, as in tests).
QString appVersion();

} // namespace cs
