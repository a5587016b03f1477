#pragma once

#include "import_sink.h"
#include "time_series.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cs {

// A series imported into memory, as the store would hold it: carbon points keep actual and forecast apart.
struct ImportedSeries
{
    SeriesKind kind = SeriesKind::Carbon;
    SeriesMeta meta;                               // intervalSeconds set by finish()
    std::vector<UtcSeconds> times;
    std::vector<std::optional<double>> values;     // carbon: the actual (measured) intensity; requests: the count
    std::vector<std::optional<double>> forecast;   // carbon: the forecast intensity; requests: empty
    long long actualPoints = 0;
    long long forecastPoints = 0;

    // What a scenario uses, as ProjectStore::loadCarbonSeries does: the actual where the series has any, else the
    // forecast. zeroActualIsMissing: an actual of 0 is taken as not measured (the GB national feed writes 0 for a
    // morning it has not measured yet) and its point falls back to the forecast, or is a gap without one.
    TimeSeries series(bool zeroActualIsMissing = false) const;
    // The forecast beside an actual (nothing where the series has no forecast, or is its own forecast).
    std::optional<TimeSeries> forecastSeries() const;
};

// Collects an import's series in memory, bounded: past maxPoints points in all the import stops with an
// InputError (a year of 5-minute data is 105,120 points; the default, limits::maxScenarioIntervals, is what one
// scenario may hold, about 24 bytes a point, 40 MB at most).
class MemorySink : public ImportSink
{
public:
    // allowSinglePoint: a series of one point is kept with interval 0 (a live API's "latest" answer) rather than
    // refused for an interval that cannot be told.
    explicit MemorySink(std::size_t maxPoints = 0, bool allowSinglePoint = false);
    std::unique_ptr<SeriesSink> newSeries(SeriesKind kind, SeriesMeta meta, bool replace) override;

    // Finished series, in the order they were started.
    const std::vector<ImportedSeries> &series() const { return mSeries; }
    std::vector<ImportedSeries> takeSeries() { return std::move(mSeries); }

private:
    friend class MemorySeriesSink;
    std::vector<ImportedSeries> mSeries;
    std::size_t mMaxPoints;
    std::size_t mPoints = 0;
    bool mAllowSinglePoint = false;
};

} // namespace cs
