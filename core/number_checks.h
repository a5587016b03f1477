#pragma once

#include <cstddef>
#include <string>

namespace cs {

// The documented range of every number that enters (docs/reliability.md). The bounds keep every product and sum
// the simulator, the optimiser and the eco tier form far inside double range, so a finite input gives a finite
// result; each is generous for its quantity.
namespace limits {
inline constexpr double maxIntensity = 10'000;         // gCO2/kWh (the dirtiest grids are near 1,000)
inline constexpr double maxRequestsPerInterval = 1e15; // requests in one interval; fractions allowed (expected values)
inline constexpr double maxEnergyMj = 1e9;             // energy per inference, mJ (1 MJ)
inline constexpr double maxErrorPct = 100;             // error, percent
inline constexpr double maxLatencyMs = 86'400'000;     // latency per request, ms (one day)
inline constexpr double maxThroughputPerS = 1e12;      // inferences per second per GPU
inline constexpr double maxMoney = 1e9;                // a price per request or per user-month, a carbon price per
                                                       // tonne, a user's value per request, ms or kg
inline constexpr double maxUsers = 1e12;               // subscribers
inline constexpr double maxGrams = 1e30;               // a CO2 cap or budget, g
inline constexpr long long maxDurationSeconds = 3660LL * 86400; // a policy's window: ten years

// Text input, so that memory stays bounded whatever the file: one line of text (CSV, TSV, Twitter) may hold at
// most maxLineBytes bytes before its '\n' (a '\r' and a byte-order mark count), and one CSV record at most
// maxFieldsPerRow fields. core's CsvReader and the importers (core/importers/import_limits.h) share them.
inline constexpr std::size_t maxLineBytes = std::size_t(1) << 20;
inline constexpr std::size_t maxFieldsPerRow = 10'000;
// Intervals in one scenario (the aligned grid, gaps included) and points of one series loaded into memory:
// bounds what a simulation holds whatever the times say (two points a century apart on a 1 s grid would be
// 3e9 intervals). A million half-hours is 57 years.
inline constexpr std::size_t maxScenarioIntervals = 1'000'000;
// A pool JSON file (a pool lists a few models; 1 MiB holds thousands).
inline constexpr std::size_t maxPoolFileBytes = std::size_t(1) << 20;
} // namespace limits

// A number for a message: six significant digits ("1e+305", "0.5", "nan"), never hundreds of digits.
std::string shortNumber(double value);

// Empty where `value` is finite and within [lo, hi]; else what is wrong with it, e.g. "nan is not a finite number"
// or "1e+305 is above the largest allowed, 10000".
std::string rangeProblem(double value, double lo, double hi);

// Throw InputError "NAME: <problem>" where the value is not finite or outside [lo, hi]; return the value.
double requireFinite(double value, const std::string &name);
double requireRange(double value, double lo, double hi, const std::string &name);

// Throw InputError where a computed quantity overflowed (not finite): "WHAT is not a finite number (inf); the
// inputs overflow double arithmetic". For results that must be finite before they are printed or used.
double requireFiniteResult(double value, const std::string &what);

} // namespace cs
