#include "heuristic_policy.h"

#include "parse_error.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <utility>

namespace cs {

PolicyKind HeuristicPolicy::kind()
{
    const auto make = [](const std::string &spec, const std::string &args) -> PolicyPtr {
        auto reading = Reading::Text;
        auto range = Range::Whole;
        std::stringstream options(args);
        std::string option;
        while (std::getline(options, option, ':')) {
            if (option == "text")
                reading = Reading::Text;
            else if (option == "printed")
                reading = Reading::Printed;
            else if (option == "daily")
                range = Range::Daily;
            else if (option == "whole")
                range = Range::Whole;
            else
                throw InputError("policy '" + spec + "': unknown option '" + option +
                                 "' (heuristic takes text or printed, and whole or daily)");
        }
        return std::make_unique<HeuristicPolicy>(reading, range);
    };
    return {"heuristic", "heuristic[:printed][:daily]",
            "Jung 2024; text reading (dirty grid -> small model) by default, C_low/C_high over the whole trace or "
            "each UTC day",
            {"heuristic", "heuristic:printed", "heuristic:daily", "heuristic:printed:daily"}, make};
}

HeuristicPolicy::HeuristicPolicy(Reading reading, Range range)
    : mReading(reading)
    , mRange(range)
{}

std::string HeuristicPolicy::spec() const
{
    std::string s = "heuristic";
    if (mReading == Reading::Printed)
        s += ":printed";
    if (mRange == Range::Daily)
        s += ":daily";
    return s;
}

std::string HeuristicPolicy::label() const
{
    std::string s = mReading == Reading::Printed ? "Heuristic (printed)" : "Heuristic";
    if (mRange == Range::Daily)
        s += ", daily range";
    return s;
}

int HeuristicPolicy::modelForPosition(const ModelPool &pool, double x, Reading reading)
{
    const double selected = selectedEnergy(pool, x, reading);
    int best = 0;
    for (int i = 1; i < pool.size(); ++i) {
        const double d = std::abs(pool.at(i).energyMj - selected), bestD = std::abs(pool.at(best).energyMj - selected);
        if (d < bestD || (d == bestD && pool.at(i).errorPct < pool.at(best).errorPct))
            best = i;
    }
    return best;
}

double HeuristicPolicy::selectedEnergy(const ModelPool &pool, double x, Reading reading)
{
    if (pool.models.empty())
        throw InputError("policy 'heuristic': the model pool is empty");
    double eLow = pool.models.front().energyMj, eHigh = eLow;
    for (const Model &m : pool.models) {
        eLow = std::min(eLow, m.energyMj);
        eHigh = std::max(eHigh, m.energyMj);
    }
    x = std::clamp(x, 0.0, 1.0);
    return reading == Reading::Text ? eHigh - x * (eHigh - eLow) : eLow + x * (eHigh - eLow);
}

HeuristicPolicy::SwitchPoints HeuristicPolicy::switchPoints(const ModelPool &pool, Reading reading)
{
    if (pool.models.empty())
        throw InputError("policy 'heuristic': the model pool is empty");
    // Models by energy; of models with equal energy only the lowest-error one can ever be nearest.
    std::vector<int> order(static_cast<std::size_t>(pool.size()));
    for (int i = 0; i < pool.size(); ++i)
        order[static_cast<std::size_t>(i)] = i;
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const Model &ma = pool.at(a), &mb = pool.at(b);
        return ma.energyMj != mb.energyMj ? ma.energyMj < mb.energyMj : ma.errorPct < mb.errorPct;
    });
    order.erase(std::unique(order.begin(), order.end(),
                            [&](int a, int b) { return pool.at(a).energyMj == pool.at(b).energyMj; }),
                order.end());
    const double eLow = pool.at(order.front()).energyMj, eHigh = pool.at(order.back()).energyMj;
    const double span = eHigh - eLow;
    if (reading == Reading::Text) // x rises as E_sel falls: walk from the most to the least energy
        std::reverse(order.begin(), order.end());

    SwitchPoints points;
    points.models.push_back(order.front());
    for (std::size_t k = 1; k < order.size(); ++k) {
        const double mid = (pool.at(order[k - 1]).energyMj + pool.at(order[k]).energyMj) / 2;
        points.bounds.push_back(reading == Reading::Text ? (eHigh - mid) / span : (mid - eLow) / span);
        points.models.push_back(order[k]);
    }
    points.pool = &pool;
    return points;
}

int HeuristicPolicy::SwitchPoints::at(double x) const
{
    std::size_t k = 0;
    while (k < bounds.size() && x > bounds[k])
        ++k;
    if (k < bounds.size() && x == bounds[k] && pool->at(models[k + 1]).errorPct < pool->at(models[k]).errorPct)
        ++k;
    return models[k];
}

namespace {

// The intensities' least and greatest over [first, last), and the position of `c` between them (0 where they meet).
struct IntensityRange
{
    double cLow = 0, cHigh = 0;
    IntensityRange(const Scenario &s, std::size_t first, std::size_t last)
    {
        const auto [lo, hi] = std::minmax_element(s.intensity.begin() + static_cast<std::ptrdiff_t>(first),
                                                  s.intensity.begin() + static_cast<std::ptrdiff_t>(last));
        cLow = *lo;
        cHigh = *hi;
    }
    double position(double c) const { return cHigh > cLow ? (c - cLow) / (cHigh - cLow) : 0.0; }
};

// The intervals [first, last) C_low and C_high are taken over for interval i: the whole scenario, or i's UTC day.
std::pair<std::size_t, std::size_t> rangeHolding(const Scenario &s, HeuristicPolicy::Range range, std::size_t i)
{
    if (range == HeuristicPolicy::Range::Whole)
        return {0, s.size()};
    const UtcSeconds day = utcDayStart(s.times.at(i));
    std::size_t first = i, last = i + 1;
    while (first > 0 && utcDayStart(s.times[first - 1]) == day)
        --first;
    while (last < s.size() && utcDayStart(s.times[last]) == day)
        ++last;
    return {first, last};
}

} // namespace

HeuristicPolicy::Position HeuristicPolicy::positionAt(const Scenario &scenario, const ModelPool &pool,
                                                      std::size_t i) const
{
    const auto [first, last] = rangeHolding(scenario, mRange, i);
    const IntensityRange range(scenario, first, last);
    Position p;
    p.cLow = range.cLow;
    p.cHigh = range.cHigh;
    p.x = range.position(scenario.intensity[i]);
    p.selectedEnergyMj = selectedEnergy(pool, p.x, mReading);
    return p;
}

Assignment HeuristicPolicy::assign(const Scenario &scenario, const ModelPool &pool) const
{
    Assignment out(scenario.size());
    if (scenario.empty())
        return out;
    if (pool.models.empty())
        throw InputError("policy '" + spec() + "': the model pool is empty");

    const SwitchPoints points = switchPoints(pool, mReading);
    // Positions x are taken within each range: the whole scenario, or one UTC day after another.
    for (std::size_t first = 0, last = 0; first < scenario.size(); first = last) {
        last = rangeHolding(scenario, mRange, first).second;
        const IntensityRange range(scenario, first, last);
        for (std::size_t i = first; i < last; ++i)
            out[i] = Choice{points.at(range.position(scenario.intensity[i]))};
    }
    return out;
}

} // namespace cs
