#include "policy_args.h"

#include "number_checks.h"
#include "parse_error.h"

#include <charconv>
#include <cmath>
#include <set>
#include <sstream>

namespace cs {

namespace {

std::optional<double> parseDouble(const std::string &text)
{
    double value = 0;
    const char *begin = text.data();
    const char *end = begin + text.size();
    if (begin != end && *begin == '+')
        ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (begin == end || ec != std::errc() || ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace

PolicyArgs::PolicyArgs(std::string spec, const std::string &args)
    : mSpec(std::move(spec))
{
    std::stringstream in(args);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (item.empty())
            continue;
        const auto eq = item.find('=');
        const std::string key = item.substr(0, eq);
        const std::string value = eq == std::string::npos ? std::string() : item.substr(eq + 1);
        if (!mValues.emplace(key, value).second)
            throw InputError("policy '" + mSpec + "': '" + key + "' given twice");
    }
}

bool PolicyArgs::has(const std::string &key) const
{
    return mValues.contains(key);
}

std::optional<double> PolicyArgs::optionalNumber(const std::string &key, double max) const
{
    const auto it = mValues.find(key);
    if (it == mValues.end())
        return std::nullopt;
    const auto value = parseDouble(it->second);
    if (!value || *value < 0)
        throw InputError("policy '" + mSpec + "': " + key + "='" + it->second + "' is not a number >= 0");
    if (*value > max)
        throw InputError("policy '" + mSpec + "': " + key + "=" + it->second + " is above the largest allowed, " +
                         shortNumber(max));
    return value;
}

double PolicyArgs::number(const std::string &key, double max) const
{
    const auto value = optionalNumber(key, max);
    if (!value)
        throw InputError("policy '" + mSpec + "': needs " + key + "=NUMBER");
    return *value;
}

std::string PolicyArgs::text(const std::string &key, const std::string &fallback) const
{
    const auto it = mValues.find(key);
    return it == mValues.end() ? fallback : it->second;
}

std::optional<long long> PolicyArgs::duration(const std::string &key) const
{
    const auto it = mValues.find(key);
    if (it == mValues.end())
        return std::nullopt;
    std::string text = it->second;
    double unit = 1;
    if (!text.empty()) {
        switch (text.back()) {
        case 'd': unit = 86400; break;
        case 'h': unit = 3600; break;
        case 'm': unit = 60; break;
        case 's': unit = 1; break;
        default: unit = 0; break;
        }
        if (unit != 0)
            text.pop_back();
        else
            unit = 1;
    }
    const auto value = parseDouble(text);
    if (!value || *value <= 0)
        throw InputError("policy '" + mSpec + "': " + key + "='" + it->second
                         + "' is not a duration such as 7d, 36h, 90m or 3600s");
    // Whole seconds from 1 s to ten years: checked before rounding, which would overflow or give 0.
    const double seconds = *value * unit;
    if (seconds < 0.5 || seconds > static_cast<double>(limits::maxDurationSeconds))
        throw InputError("policy '" + mSpec + "': " + key + "=" + it->second
                         + " is outside the durations allowed, 1s to 3660d");
    return static_cast<long long>(std::llround(seconds));
}

void PolicyArgs::allowOnly(const std::string &allowed) const
{
    std::set<std::string> keys;
    std::stringstream in(allowed);
    std::string key;
    while (std::getline(in, key, ','))
        keys.insert(key);
    for (const auto &[k, v] : mValues)
        if (!keys.contains(k))
            throw InputError("policy '" + mSpec + "': unknown argument '" + k + "' (known: " + allowed + ")");
}

} // namespace cs
