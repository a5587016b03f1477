#pragma once

#include "store_types.h"

#include <cstddef>
#include <memory>

namespace cs {

// One series being written by an importer: points in strictly increasing time. finish() works out the interval
// (the smallest step, which every step must be a multiple of) unless the metadata states it, and throws where
// there are no points or the steps do not fit.
class SeriesSink
{
public:
    virtual ~SeriesSink() = default;
    virtual void appendCarbon(UtcSeconds time, std::optional<double> actual, std::optional<double> forecast) = 0;
    virtual void appendCount(UtcSeconds time, double count) = 0;
    // A row with no value at `time` (after the last point): no point, but a sink that works out the interval
    // counts its step, so that "10, (empty), 30" half-hourly is half-hourly with a gap, not hourly.
    virtual void appendGap(UtcSeconds) {}
    // About this many points will come (a hint: more or fewer may): a sink in memory makes room for them at once
    // instead of growing its columns again and again.
    virtual void reserve(std::size_t) {}
    virtual long long points() const = 0;
    // Returns the interval of the series.
    virtual UtcSeconds finish() = 0;
};

// Where an import's series go: a project (StoreSink, inside the runner's transaction) or memory (MemorySink, for
// the CLI's --carbon/--requests and the GUI's import, which never touch SQLite on the way in). Importers see only
// this, so a parser's tests need no database.
class ImportSink
{
public:
    virtual ~ImportSink() = default;
    // replace: a series of the same name already there is replaced; otherwise that is an error.
    virtual std::unique_ptr<SeriesSink> newSeries(SeriesKind kind, SeriesMeta meta, bool replace) = 0;
};

} // namespace cs
