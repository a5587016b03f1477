#pragma once

// What an import stored, read back and checked; abort() (a libFuzzer finding, with the input saved) where it is
// not sound: a value that is not finite, times that do not strictly rise, or fewer or more points stored than the
// import reported writing.
#include "import_options.h"
#include "project_store.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace fuzzcheck {

[[noreturn]] inline void fail(const char *what, const std::string &series)
{
    std::fprintf(stderr, "fuzz read-back: series '%s': %s\n", series.c_str(), what);
    std::abort();
}

template <typename Points, typename TimeOf>
void requireRisingTimes(const Points &points, TimeOf timeOf, const std::string &name)
{
    for (std::size_t i = 1; i < points.size(); ++i)
        if (!(timeOf(points[i - 1]) < timeOf(points[i])))
            fail("times do not strictly rise", name);
}

// Points of one stored series, its values and times checked.
inline long long checkedCarbonPoints(cs::ProjectStore &store, const std::string &name)
{
    const std::vector<cs::CarbonPoint> points = store.loadCarbonPoints(name);
    for (const cs::CarbonPoint &p : points) {
        if (!p.actual && !p.forecast)
            fail("a point with neither actual nor forecast", name);
        if ((p.actual && !std::isfinite(*p.actual)) || (p.forecast && !std::isfinite(*p.forecast)))
            fail("an intensity that is not finite", name);
    }
    requireRisingTimes(points, [](const cs::CarbonPoint &p) { return p.time; }, name);
    // The series as a simulation reads it: the same checks on its values and times.
    const cs::TimeSeries series = store.loadCarbonSeries(name);
    for (double v : series.values)
        if (!std::isfinite(v))
            fail("an intensity that is not finite (as a series)", name);
    requireRisingTimes(series.times, [](cs::UtcSeconds t) { return t; }, name);
    return static_cast<long long>(points.size());
}

inline long long checkedRequestPoints(cs::ProjectStore &store, const std::string &name)
{
    const cs::TimeSeries series = store.loadRequestSeries(name);
    if (series.times.size() != series.values.size())
        fail("as many times as counts were not read back", name);
    for (double v : series.values)
        if (!std::isfinite(v))
            fail("a request count that is not finite", name);
    requireRisingTimes(series.times, [](cs::UtcSeconds t) { return t; }, name);
    return static_cast<long long>(series.size());
}

} // namespace fuzzcheck

inline void checkStoredImport(cs::ProjectStore &store, cs::SeriesKind kind, const cs::ImportResult &result)
{
    if (result.series.empty())
        fuzzcheck::fail("an import that succeeded and wrote no series", "(none)");
    long long stored = 0;
    for (const std::string &name : result.series)
        stored += kind == cs::SeriesKind::Carbon ? fuzzcheck::checkedCarbonPoints(store, name)
                                                 : fuzzcheck::checkedRequestPoints(store, name);
    if (stored != result.points)
        fuzzcheck::fail("the points stored differ from the points the import reported", result.series.front());
}
