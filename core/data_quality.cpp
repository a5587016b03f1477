#include "data_quality.h"

#include "number_checks.h"

#include <algorithm>

namespace cs {

namespace {

std::string plural(std::size_t n, const char *one, const char *many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string span(UtcSeconds from, UtcSeconds to)
{
    return formatUtcTime(from) + " to " + formatUtcTime(to);
}

// Consecutive points (one interval apart) for which `same` holds pairwise and `wanted` holds, as runs.
template <typename Wanted>
std::vector<ValueRun> runs(const TimeSeries &s, std::size_t minPoints, Wanted wanted)
{
    std::vector<ValueRun> out;
    const UtcSeconds step = s.intervalSeconds;
    std::size_t start = 0;
    for (std::size_t i = 1; i <= s.size(); ++i) {
        const bool continues = i < s.size() && s.values[i] == s.values[start] && s.times[i] - s.times[i - 1] == step;
        if (continues)
            continue;
        const std::size_t n = i - start;
        if (n >= minPoints && wanted(s.values[start]))
            out.push_back({s.times[start], s.times[i - 1] + step, n, s.values[start]});
        start = i;
    }
    return out;
}

} // namespace

DataQualityReport checkDataQuality(const TimeSeries &series, const DataQualityOptions &options)
{
    DataQualityReport r;
    r.series = series.name;
    r.points = series.size();
    if (series.empty())
        return r;
    if (options.zerosAreDoubtful) {
        r.zeroRuns = runs(series, 1, [](double v) { return v == 0; });
        for (const ValueRun &z : r.zeroRuns)
            r.zeros += z.points;
    }
    r.gaps = series.gaps();
    if (series.intervalSeconds > 0)
        for (const Gap &g : r.gaps)
            r.missingIntervals += (g.to - g.from) / series.intervalSeconds;
    const std::size_t minRun = std::max<std::size_t>(2, options.minRepeatedRun);
    r.repeatedRuns = runs(series, minRun, [](double v) { return v != 0; });
    return r;
}

std::string DataQualityReport::summary() const
{
    if (clean())
        return "no zeros, gaps or repeated runs";
    std::string out;
    auto add = [&out](const std::string &part) { out += (out.empty() ? "" : ", ") + part; };
    if (zeros > 0)
        add(plural(zeros, "zero", "zeros"));
    if (!gaps.empty())
        add(plural(gaps.size(), "gap", "gaps") + " (" + plural(static_cast<std::size_t>(missingIntervals),
                                                              "missing interval", "missing intervals") + ")");
    if (!repeatedRuns.empty())
        add(plural(repeatedRuns.size(), "run", "runs") + " of repeated values");
    return out;
}

std::vector<std::string> DataQualityReport::details(std::size_t maxLines) const
{
    std::vector<std::string> lines;
    for (const ValueRun &z : zeroRuns)
        lines.push_back(plural(z.points, "zero", "zeros") + " from " + span(z.from, z.to));
    for (const Gap &g : gaps)
        lines.push_back("no data from " + span(g.from, g.to));
    for (const ValueRun &run : repeatedRuns)
        lines.push_back(std::to_string(run.points) + " equal values (" + shortNumber(run.value) + ") from "
                        + span(run.from, run.to));
    if (lines.size() > maxLines) {
        const std::size_t more = lines.size() - maxLines;
        lines.resize(maxLines);
        lines.push_back("… and " + std::to_string(more) + " more");
    }
    return lines;
}

} // namespace cs

namespace cs {

std::size_t treatZeroActualAsMissing(TimeSeries &actual, const std::optional<TimeSeries> &forecast)
{
    std::size_t changed = 0, kept = 0;
    for (std::size_t i = 0; i < actual.size(); ++i) {
        if (actual.values[i] == 0) {
            ++changed;
            std::optional<double> replacement;
            if (forecast) {
                const auto at = std::lower_bound(forecast->times.begin(), forecast->times.end(), actual.times[i]);
                if (at != forecast->times.end() && *at == actual.times[i])
                    replacement = forecast->values[static_cast<std::size_t>(at - forecast->times.begin())];
            }
            if (!replacement)
                continue; // dropped: a gap
            actual.values[i] = *replacement;
        }
        actual.times[kept] = actual.times[i];
        actual.values[kept] = actual.values[i];
        ++kept;
    }
    actual.times.resize(kept);
    actual.values.resize(kept);
    return changed;
}

} // namespace cs
