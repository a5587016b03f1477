#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cs {

// Seconds since 1970-01-01T00:00:00Z. All times in CarbonScope are UTC instants.
using UtcSeconds = std::int64_t;

// Parses ISO 8601 ("2023-06-01T00:00:00", "...Z", "...+01:00", "2023-06-01T00:00Z", fractional seconds)
// and "YYYY-MM-DD HH:MM[:SS]" with an optional offset. A time without offset is UTC.
// Returns nothing when the text is not such a time.
std::optional<UtcSeconds> parseUtcTime(std::string_view text);

// "2023-06-01T00:00:00Z"
std::string formatUtcTime(UtcSeconds t);

// Days since the epoch of a proleptic Gregorian date, and back (Howard Hinnant's algorithms).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);
struct CivilDate { int year; unsigned month; unsigned day; };
CivilDate civilFromDays(std::int64_t days);

// Start of the UTC calendar day holding t.
inline UtcSeconds utcDayStart(UtcSeconds t)
{
    const UtcSeconds day = 86400;
    return t >= 0 ? t - t % day : t - ((t % day) + day) % day;
}

} // namespace cs
