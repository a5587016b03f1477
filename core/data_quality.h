#pragma once

#include "time_series.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace cs {

struct DataQualityOptions
{
    // Zeros are doubtful in a carbon trace (no grid emits nothing; the GB national feed writes 0 for an hour it
    // has not measured) but normal in a request trace (an idle interval).
    bool zerosAreDoubtful = true;
    // This many equal values in a row or more is a run worth a look (a stuck meter, a value carried forward).
    std::size_t minRepeatedRun = 8;
};

// A stretch of consecutive points [from, to): `to` is the end of the last point's interval.
struct ValueRun
{
    UtcSeconds from = 0;
    UtcSeconds to = 0;
    std::size_t points = 0;
    double value = 0;
};

// What an imported series holds that a user should know before trusting a simulation on it. Pure: reports, never
// changes the data (ImportedSeries::series(true) is the choice to treat a zero actual as missing).
struct DataQualityReport
{
    std::string series;
    std::size_t points = 0;
    std::size_t zeros = 0;                 // zero values (only counted where zerosAreDoubtful)
    std::vector<ValueRun> zeroRuns;        // where they are
    std::vector<Gap> gaps;                 // missing intervals between the first point and the last
    long long missingIntervals = 0;        // intervals in all the gaps
    std::vector<ValueRun> repeatedRuns;    // runs of at least minRepeatedRun equal non-zero values

    bool clean() const { return zeros == 0 && gaps.empty() && repeatedRuns.empty(); }
    // One line for a status bar: "3 zeros, 2 gaps (5 missing intervals), 1 run of repeated values" or "no zeros,
    // gaps or repeated runs".
    std::string summary() const;
    // One line per finding with its times, at most `maxLines` (the rest counted in a last line).
    std::vector<std::string> details(std::size_t maxLines = 12) const;
};

DataQualityReport checkDataQuality(const TimeSeries &series, const DataQualityOptions &options = {});

} // namespace cs

namespace cs {

// The choice to treat an actual of 0 as not measured (as the Live feed does for GB national `actual = 0`): each
// zero of `actual` takes the forecast at the same time, or, without one, is dropped (a gap). Returns how many
// zeros were replaced or dropped.
std::size_t treatZeroActualAsMissing(TimeSeries &actual, const std::optional<TimeSeries> &forecast);

} // namespace cs
