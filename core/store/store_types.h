#pragma once

#include "live_interval.h"

#include "utc_time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cs {

enum class SeriesKind { Carbon, Requests };

// What describes a stored series (its points are apart).
struct SeriesMeta
{
    std::string name;               // unique within its kind in one project
    std::string region;             // carbon: zone or region ("GB", "South West England", "CAISO_NORTH")
    std::string source;             // who published it ("UK Carbon Intensity API", "Electricity Maps")
    std::string unit;               // "gCO2/kWh", "gCO2eq/kWh", "requests"
    std::string provenance;         // file name, format and options it was imported with
    UtcSeconds intervalSeconds = 0; // detected from the points when 0
};

// A row of `list`: the metadata plus what the points span.
struct SeriesInfo
{
    long long id = 0;
    SeriesKind kind = SeriesKind::Carbon;
    SeriesMeta meta;
    std::string createdAt;          // ISO 8601 UTC
    long long points = 0;
    long long actualPoints = 0;     // carbon: points with an actual (measured) value
    long long forecastPoints = 0;   // carbon: points with a forecast value
    UtcSeconds first = 0;
    UtcSeconds last = 0;
};

// A carbon point: forecast and actual are kept apart; either may be missing (null), not both.
struct CarbonPoint
{
    UtcSeconds time = 0;
    std::optional<double> actual;
    std::optional<double> forecast;
};

// A scenario as stored: names, not data. Loading aligns the named traces (cs::alignTraces).
struct ScenarioSpec
{
    std::string name;
    std::string carbonSeries;
    std::string requestSeries;      // empty: one request per interval
    std::string pool;
    std::optional<UtcSeconds> from; // period [from, to); open where absent
    std::optional<UtcSeconds> to;
};

struct RunInfo
{
    long long id = 0;
    std::string scenario;
    std::string pool;
    std::string policySpec;
    std::string policyLabel;
    std::string createdAt;
    double co2G = 0;
    double energyKwh = 0;
    double errorPct = 0;
    double requests = 0;
    long long intervals = 0;
};

// One interval of a live session: core/live_interval.h (the engine, the store and the UI share it).

struct LiveSessionInfo
{
    long long id = 0;
    std::string label;
    std::string device;                   // "NVIDIA H100 80GB HBM3", "CPU"
    std::string policySpec;
    std::string poolName;
    std::string carbonSource;
    UtcSeconds intervalSeconds = 0;
    std::string startedAt;
    std::string endedAt;                  // empty while running
};

struct LiveSession
{
    LiveSessionInfo info;
    std::vector<LiveInterval> intervals;
};

} // namespace cs
