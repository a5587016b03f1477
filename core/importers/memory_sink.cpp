#include "memory_sink.h"

#include "number_checks.h"
#include "parse_error.h"

#include <algorithm>

namespace cs {

class MemorySeriesSink : public SeriesSink
{
public:
    MemorySeriesSink(MemorySink &sink, std::size_t index) : mSink(sink), mIndex(index) {}

    void appendCarbon(UtcSeconds time, std::optional<double> actual, std::optional<double> forecast) override
    {
        ImportedSeries &s = step(time);
        s.values.push_back(actual);
        s.forecast.push_back(forecast);
        s.actualPoints += actual.has_value();
        s.forecastPoints += forecast.has_value();
    }
    void appendCount(UtcSeconds time, double count) override { step(time).values.push_back(count); }
    void appendGap(UtcSeconds time) override { advance(time); }
    void reserve(std::size_t points) override
    {
        ImportedSeries &s = series();
        const std::size_t n = std::min(points, mSink.mMaxPoints - std::min(mSink.mMaxPoints, mSink.mPoints));
        s.times.reserve(s.times.size() + n);
        s.values.reserve(s.values.size() + n);
        if (s.kind == SeriesKind::Carbon)
            s.forecast.reserve(s.forecast.size() + n);
    }
    long long points() const override { return static_cast<long long>(series().times.size()); }

    UtcSeconds finish() override
    {
        ImportedSeries &s = series();
        const std::string &name = s.meta.name;
        if (s.times.empty())
            throw InputError("series \"" + name + "\": no data points");
        UtcSeconds interval = s.meta.intervalSeconds;
        if (interval <= 0) {
            if (mSteps.smallestStep() == 0 && mSink.mAllowSinglePoint)
                return 0;
            if (mSteps.smallestStep() == 0) // one row: nothing to measure a step by
                throw InputError("series \"" + name + "\": one point only, its interval cannot be told");
            if (!mSteps.stepsFit())
                throw InputError("times do not fall on one fixed interval (every step between rows must be a "
                                 "multiple of the smallest; series \"" + name + "\": smallest "
                                 + std::to_string(mSteps.smallestStep()) + " s, their common divisor "
                                 + std::to_string(mSteps.commonDivisor()) + " s)");
            interval = mSteps.smallestStep();
        }
        s.meta.intervalSeconds = interval;
        return interval;
    }

private:
    ImportedSeries &series() const { return mSink.mSeries[mIndex]; }

    // The step from the last row (a point or a gap) to `time`, for the interval.
    void advance(UtcSeconds time)
    {
        if (!mSteps.advance(time))
            throw InputError("series \"" + series().meta.name + "\": times must increase (" + formatUtcTime(time)
                             + " after " + formatUtcTime(mSteps.last()) + ")");
    }

    ImportedSeries &step(UtcSeconds time)
    {
        ImportedSeries &s = series();
        advance(time);
        if (++mSink.mPoints > mSink.mMaxPoints)
            throw InputError("series \"" + s.meta.name + "\": more than " + std::to_string(mSink.mMaxPoints)
                             + " points, the most one scenario holds in memory");
        s.times.push_back(time);
        return s;
    }

    MemorySink &mSink;
    std::size_t mIndex;
    IntervalTracker mSteps; // every row's time, a gap's included
};

MemorySink::MemorySink(std::size_t maxPoints, bool allowSinglePoint)
    : mMaxPoints(maxPoints ? maxPoints : limits::maxScenarioIntervals)
    , mAllowSinglePoint(allowSinglePoint)
{}

std::unique_ptr<SeriesSink> MemorySink::newSeries(SeriesKind kind, SeriesMeta meta, bool replace)
{
    if (meta.name.empty())
        throw InputError("a series needs a name");
    if (meta.unit.empty())
        meta.unit = kind == SeriesKind::Carbon ? "gCO2/kWh" : "requests";
    const auto same = std::find_if(mSeries.begin(), mSeries.end(), [&](const ImportedSeries &s) {
        return s.kind == kind && s.meta.name == meta.name;
    });
    if (same != mSeries.end()) {
        if (!replace)
            throw InputError(std::string("a ") + (kind == SeriesKind::Carbon ? "carbon" : "request")
                             + " series named \"" + meta.name + "\" exists already");
        mPoints -= same->times.size();
        mSeries.erase(same);
    }
    ImportedSeries s;
    s.kind = kind;
    s.meta = std::move(meta);
    mSeries.push_back(std::move(s));
    return std::make_unique<MemorySeriesSink>(*this, mSeries.size() - 1);
}

namespace {

TimeSeries emptyLike(const ImportedSeries &s, const std::string &name)
{
    TimeSeries ts;
    ts.name = name;
    ts.unit = s.meta.unit;
    ts.source = s.meta.source.empty() ? s.meta.provenance : s.meta.source;
    ts.intervalSeconds = s.meta.intervalSeconds;
    return ts;
}

} // namespace

TimeSeries ImportedSeries::series(bool zeroActualIsMissing) const
{
    TimeSeries ts = emptyLike(*this, meta.name);
    const bool useActual = kind == SeriesKind::Requests || actualPoints > 0;
    for (std::size_t i = 0; i < times.size(); ++i) {
        std::optional<double> v = useActual ? values[i] : forecast[i];
        if (kind == SeriesKind::Carbon && useActual && zeroActualIsMissing && v && *v == 0)
            v = forecast[i];
        if (v) {
            ts.times.push_back(times[i]);
            ts.values.push_back(*v);
        }
    }
    return ts;
}

std::optional<TimeSeries> ImportedSeries::forecastSeries() const
{
    if (kind != SeriesKind::Carbon || forecastPoints == 0 || actualPoints == 0)
        return std::nullopt;
    TimeSeries ts = emptyLike(*this, meta.name + " (forecast)");
    for (std::size_t i = 0; i < times.size(); ++i)
        if (forecast[i]) {
            ts.times.push_back(times[i]);
            ts.values.push_back(*forecast[i]);
        }
    return ts;
}

} // namespace cs
