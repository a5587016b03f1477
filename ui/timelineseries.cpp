#include "timelineseries.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cs {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
}

void stepSeries(const Scenario &s, const std::vector<double> &v, double offset, std::vector<double> *keys,
                std::vector<double> *values)
{
    const auto n = s.size();
    keys->clear();
    values->clear();
    keys->reserve(n + 8);
    values->reserve(n + 8);
    const double iv = static_cast<double>(s.intervalSeconds);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(s.times[i]);
        if (i > 0 && s.times[i] != s.times[i - 1] + s.intervalSeconds) {
            const double end = static_cast<double>(s.times[i - 1]) + iv;
            keys->push_back(end);
            values->push_back(v[i - 1] + offset);
            keys->push_back(end);
            values->push_back(NaN);
        }
        keys->push_back(t);
        values->push_back(v[i] + offset);
    }
    if (n > 0) {
        keys->push_back(static_cast<double>(s.times[n - 1]) + iv);
        values->push_back(v[n - 1] + offset);
    }
}

void cumulativeSeries(const Scenario &s, const std::vector<double> &cumulative, double unit,
                      std::vector<double> *keys, std::vector<double> *values)
{
    keys->assign(1, s.empty() ? 0.0 : static_cast<double>(s.times.front()));
    values->assign(1, 0.0);
    for (std::size_t i = 0; i < s.size() && i < cumulative.size(); ++i) {
        keys->push_back(static_cast<double>(s.times[i] + s.intervalSeconds));
        values->push_back(cumulative[i] / unit);
    }
}

int intervalAt(const Scenario &s, double t)
{
    if (s.empty())
        return -1;
    const auto it = std::upper_bound(s.times.begin(), s.times.end(), static_cast<UtcSeconds>(std::floor(t)));
    if (it == s.times.begin())
        return -1;
    const auto i = static_cast<int>(it - s.times.begin()) - 1;
    return t < static_cast<double>(s.times[static_cast<std::size_t>(i)] + s.intervalSeconds) ? i : -1;
}

bool visibleValueRange(const QCPGraphDataContainer &data, double lower, double upper, bool step, double *min,
                       double *max)
{
    const auto byKey = [](const QCPGraphData &d, double key) { return d.key < key; };
    // The last point at or before `lower` (its value is drawn into view), then every point before `upper`; a line
    // also draws its segment towards the first point at or after `upper`, a step line does not.
    auto begin = std::lower_bound(data.constBegin(), data.constEnd(), lower, byKey);
    if (begin != data.constBegin() && (begin == data.constEnd() || begin->key > lower))
        --begin;
    auto end = std::lower_bound(begin, data.constEnd(), upper, byKey);
    if (!step && end != data.constEnd())
        ++end;
    *min = std::numeric_limits<double>::infinity();
    *max = -std::numeric_limits<double>::infinity();
    for (auto it = begin; it != end; ++it) {
        if (std::isfinite(it->value)) {
            *min = std::min(*min, it->value);
            *max = std::max(*max, it->value);
        }
    }
    return std::isfinite(*min);
}

} // namespace cs
