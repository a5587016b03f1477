#pragma once

#include "import_options.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

class CsvReader;

// Small text helpers shared by the importers.
namespace importtext {

// The byte offset of the first byte that is not valid UTF-8, or npos.
std::size_t invalidUtf8(std::string_view text);
// "UTF-16" etc. where the head of a file shows it is not UTF-8 text (a BOM, NUL bytes); empty where fine.
std::string foreignEncoding(std::string_view head);

// A whole field as a finite number (std::from_chars, surrounding spaces allowed); nothing otherwise.
std::optional<double> number(std::string_view text);
// A whole field as a non-negative integer of digits only.
std::optional<long long> integer(std::string_view text);

// A time as written: an instant (Unix seconds/milliseconds, ISO with Z or an offset) or a local wall-clock time
// (ISO without an offset, counted in seconds as if it were UTC) that a zone turns into an instant.
struct TimeText
{
    UtcSeconds seconds = 0;
    bool local = false;
};
std::optional<TimeText> timeText(std::string_view text, TimeFormat format);
// A time in the given format; times without an offset are in `utcOffsetSeconds`.
std::optional<UtcSeconds> time(std::string_view text, TimeFormat format, int utcOffsetSeconds);
// Parses "+01:00", "-0530", "UTC", "Z" to seconds east of UTC.
std::optional<int> utcOffset(std::string_view text);

// A column picked by name (case-insensitive) or 1-based index; -1 where absent.
int findColumn(const std::vector<std::string> &header, const std::string &nameOrIndex);

// Checks the current record's fields are UTF-8; returns the index of the first bad field or -1.
int badEncodingField(const CsvReader &reader);

std::string lower(std::string_view text);

// A field as an error message quotes it: in double quotes, at most importlimits::maxQuotedChars characters and then
// "…", control characters and bytes that are not UTF-8 written as \n, \t, \xNN (never raw terminal escapes).
std::string quoted(std::string_view text);
// A number for a message, short: 1e+06, 0.5, 1234.
std::string numberText(double value);
// A list of names for a message ("a, b, c"): at most `most` of them, each quoted, then "… (N in all)".
std::string quotedList(const std::vector<std::string> &names, std::size_t most = 20);

} // namespace importtext
} // namespace cs
