#pragma once

#include "store_types.h"
#include "time_series.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cs {

class Database;
class Statement;

// The carbon_series/carbon_points and request_series/request_points tables of a project (ProjectStore's part for
// series). Importers stream into them through SeriesWriter; this reads, writes whole series, removes and exports.
class SeriesTable
{
public:
    explicit SeriesTable(Database &db) : mDb(db) {}

    std::vector<SeriesInfo> list(std::optional<SeriesKind> kind = std::nullopt);
    bool has(SeriesKind kind, const std::string &name);
    SeriesInfo info(SeriesKind kind, const std::string &name);
    long long id(SeriesKind kind, const std::string &name); // StoreError where there is none

    void saveCarbon(const SeriesMeta &meta, const std::vector<CarbonPoint> &points, bool replace);
    void saveCarbon(const TimeSeries &series, const std::string &region, bool replace);
    void saveRequests(const TimeSeries &series, bool replace);

    TimeSeries loadCarbon(const std::string &name);
    std::optional<TimeSeries> loadCarbonForecast(const std::string &name);
    std::vector<CarbonPoint> loadCarbonPoints(const std::string &name);
    TimeSeries loadRequests(const std::string &name);

    void remove(SeriesKind kind, const std::string &name);
    void exportCsv(SeriesKind kind, const std::string &name, std::ostream &out);

private:
    // The row reader: one series with its point counts and time span (the columns of list()'s query).
    static SeriesInfo readInfo(const Statement &s, SeriesKind kind);
    // One column of a series' points (actual, forecast or count) as a TimeSeries with the series' metadata.
    TimeSeries loadValues(const SeriesInfo &info, const std::string &name, const std::string &pointsSql);

    Database &mDb;
};

} // namespace cs
