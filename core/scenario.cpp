#include "scenario.h"

#include "number_checks.h"
#include "parse_error.h"
#include "scenario_checks.h"

#include <algorithm>

namespace cs {

namespace {

// A series summed onto grid bins of `grid` seconds starting at `start`: per bin the sum of value × seconds
// (or of values, for counts) and the seconds covered.
struct Binned
{
    std::vector<double> sum;
    std::vector<UtcSeconds> covered;
};

Binned binSeries(const TimeSeries &s, UtcSeconds interval, UtcSeconds start, UtcSeconds grid, std::size_t bins,
                 bool timeWeighted)
{
    Binned b{std::vector<double>(bins, 0.0), std::vector<UtcSeconds>(bins, 0)};
    for (std::size_t i = 0; i < s.size(); ++i) {
        const UtcSeconds t = s.times[i];
        if (t < start || t + interval > start + grid * static_cast<UtcSeconds>(bins))
            continue;
        const auto bin = static_cast<std::size_t>((t - start) / grid);
        b.sum[bin] += timeWeighted ? s.values[i] * static_cast<double>(interval) : s.values[i];
        b.covered[bin] += interval;
    }
    return b;
}

UtcSeconds intervalOf(const TimeSeries &s, const char *what)
{
    if (s.intervalSeconds > 0)
        return s.intervalSeconds;
    throw InputError(std::string("the ") + what + " trace '" + s.source +
                     "' has too few points to tell its interval (two or more are needed)");
}

void checkPhase(const TimeSeries &s, UtcSeconds interval, UtcSeconds anchor, UtcSeconds grid, const char *what)
{
    for (const UtcSeconds t : s.times) {
        const UtcSeconds offset = ((t - anchor) % grid + grid) % grid;
        if (offset + interval > grid)
            throw InputError(std::string("the ") + what + " trace '" + s.source + "' has a point at " +
                             formatUtcTime(t) + " that straddles two " + std::to_string(grid / 60) +
                             "-minute intervals of the other trace; the traces' intervals do not line up");
    }
}

} // namespace

Scenario alignTraces(const TimeSeries &carbon, const std::optional<TimeSeries> &requests,
                     const std::optional<TimeSeries> &forecast)
{
    if (carbon.empty())
        throw InputError("the carbon trace '" + carbon.source + "' has no points");
    checkCarbonSeries(carbon);
    if (requests)
        checkRequestSeries(*requests);
    if (forecast)
        checkCarbonSeries(*forecast);
    const UtcSeconds ci = carbon.size() > 1 ? intervalOf(carbon, "carbon") : 0;
    UtcSeconds grid = ci;
    UtcSeconds ri = 0;
    if (requests) {
        if (requests->empty())
            throw InputError("the request trace '" + requests->source + "' has no points");
        ri = intervalOf(*requests, "request");
        if (ci == 0)
            intervalOf(carbon, "carbon");
        const UtcSeconds fine = std::min(ci, ri), coarse = std::max(ci, ri);
        if (coarse % fine != 0)
            throw InputError("the carbon interval (" + std::to_string(ci) + " s) and the request interval (" +
                             std::to_string(ri) + " s) do not fit: the longer must be a multiple of the shorter");
        grid = coarse;
    } else if (ci == 0) {
        intervalOf(carbon, "carbon");
    }

    // The grid is anchored on the coarser trace's times; the common period is where both traces have data.
    const TimeSeries &coarser = requests && ri > ci ? *requests : carbon;
    const UtcSeconds anchor = coarser.times.front();
    checkPhase(carbon, ci, anchor, grid, "carbon");
    if (requests)
        checkPhase(*requests, ri, anchor, grid, "request");

    auto floorToGrid = [&](UtcSeconds t) { return t - (((t - anchor) % grid) + grid) % grid; };
    UtcSeconds start = floorToGrid(carbon.times.front());
    UtcSeconds end = floorToGrid(carbon.times.back()) + grid;
    if (requests) {
        start = std::max(start, floorToGrid(requests->times.front()));
        end = std::min(end, floorToGrid(requests->times.back()) + grid);
        if (end <= start)
            throw InputError("the carbon trace (" + formatUtcTime(carbon.times.front()) + " to " +
                             formatUtcTime(carbon.times.back()) + ") and the request trace (" +
                             formatUtcTime(requests->times.front()) + " to " + formatUtcTime(requests->times.back()) +
                             ") do not overlap");
    }
    const UtcSeconds span = (end - start) / grid;
    if (span > static_cast<UtcSeconds>(limits::maxScenarioIntervals))
        throw InputError("the traces span " + std::to_string(span) + " intervals of " + std::to_string(grid) + " s ("
                         + formatUtcTime(start) + " to " + formatUtcTime(end) + "), more than the "
                         + std::to_string(limits::maxScenarioIntervals)
                         + " a scenario may hold: check the times, or use a coarser interval or a shorter period");
    const auto bins = static_cast<std::size_t>(span);

    const Binned c = binSeries(carbon, ci, start, grid, bins, true);
    Binned r, f;
    if (requests)
        r = binSeries(*requests, ri, start, grid, bins, false);
    if (forecast)
        f = binSeries(*forecast, forecast->intervalSeconds > 0 ? forecast->intervalSeconds : ci, start, grid, bins,
                      true);

    Scenario s;
    s.name = carbon.name + (requests ? " × " + requests->name : std::string());
    s.carbonSource = carbon.source;
    s.requestSource = requests ? requests->source : std::string();
    s.intervalSeconds = grid;
    s.times.reserve(bins);
    for (std::size_t b = 0; b < bins; ++b) {
        const UtcSeconds t = start + static_cast<UtcSeconds>(b) * grid;
        const bool complete = c.covered[b] == grid && (!requests || r.covered[b] == grid) &&
                              (!forecast || f.covered[b] == grid);
        if (!complete) {
            if (!s.gaps.empty() && s.gaps.back().to == t)
                s.gaps.back().to = t + grid;
            else
                s.gaps.push_back({t, t + grid});
            continue;
        }
        s.times.push_back(t);
        s.intensity.push_back(c.sum[b] / static_cast<double>(grid));
        s.requests.push_back(requests ? r.sum[b] : 1.0);
        if (forecast)
            s.forecast.push_back(f.sum[b] / static_cast<double>(grid));
    }
    return s;
}

Scenario sliceScenario(const Scenario &s, UtcSeconds from, UtcSeconds to)
{
    Scenario out;
    out.name = s.name;
    out.carbonSource = s.carbonSource;
    out.requestSource = s.requestSource;
    out.intervalSeconds = s.intervalSeconds;
    const auto first = std::lower_bound(s.times.begin(), s.times.end(), from) - s.times.begin();
    // A period that ends before it starts holds nothing (never a negative length).
    const auto last = std::max(first, std::lower_bound(s.times.begin(), s.times.end(), to) - s.times.begin());
    auto copy = [&](const std::vector<double> &v, std::vector<double> &o) {
        if (!v.empty())
            o.assign(v.begin() + first, v.begin() + last);
    };
    out.times.assign(s.times.begin() + first, s.times.begin() + last);
    copy(s.intensity, out.intensity);
    copy(s.requests, out.requests);
    copy(s.forecast, out.forecast);
    for (const Gap &g : s.gaps)
        if (g.to > from && g.from < to && from < to)
            out.gaps.push_back({std::max(g.from, from), std::min(g.to, to)});
    return out;
}

} // namespace cs
