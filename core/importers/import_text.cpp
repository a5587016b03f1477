#include "import_text.h"

#include "csv_reader.h"
#include "escaped_text.h"
#include "import_limits.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace cs::importtext {

std::size_t invalidUtf8(std::string_view text)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned cp = 0;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
        else return i;
        if (i + len > n)
            return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

std::string foreignEncoding(std::string_view head)
{
    if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF"))
        return "UTF-16 text (a byte-order mark)";
    if (head.find('\0') != std::string_view::npos)
        return "binary or UTF-16 data (NUL bytes)";
    return {};
}

static std::string_view trim(std::string_view t)
{
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t'))
        t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r'))
        t.remove_suffix(1);
    return t;
}

std::optional<double> number(std::string_view text)
{
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    if (text.front() == '+')
        text.remove_prefix(1);
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<long long> integer(std::string_view text)
{
    text = trim(text);
    if (text.empty() || text.front() < '0' || text.front() > '9')
        return std::nullopt;
    long long v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return v;
}

std::optional<int> utcOffset(std::string_view text)
{
    text = trim(text);
    if (text.empty() || text == "UTC" || text == "utc" || text == "Z" || text == "GMT")
        return 0;
    if (text.starts_with("UTC") || text.starts_with("GMT"))
        text.remove_prefix(3);
    if (text.empty() || (text[0] != '+' && text[0] != '-'))
        return std::nullopt;
    const int sign = text[0] == '-' ? -1 : 1;
    text.remove_prefix(1);
    std::string digits;
    for (char c : text)
        if (c != ':')
            digits += c;
    if (digits.size() != 2 && digits.size() != 4)
        return std::nullopt;
    const auto v = integer(digits);
    if (!v)
        return std::nullopt;
    const int hours = digits.size() == 4 ? static_cast<int>(*v / 100) : static_cast<int>(*v);
    const int minutes = digits.size() == 4 ? static_cast<int>(*v % 100) : 0;
    if (hours > 23 || minutes > 59)
        return std::nullopt;
    return sign * (hours * 3600 + minutes * 60);
}

// True where the ISO text carries its own offset (Z or +hh:mm after the time of day).
static bool hasOffset(std::string_view t)
{
    t = trim(t);
    if (t.empty())
        return false;
    if (t.back() == 'Z' || t.back() == 'z')
        return true;
    const std::size_t tPos = t.find_first_of("T ", 10);
    if (tPos == std::string_view::npos)
        return false;
    return t.find_first_of("+-", tPos) != std::string_view::npos;
}

std::optional<TimeText> timeText(std::string_view text, TimeFormat format)
{
    text = trim(text);
    if (format == TimeFormat::Auto) {
        const bool digitsOnly = !text.empty() && text.find_first_not_of("0123456789.") == std::string_view::npos;
        if (digitsOnly) {
            // Unix milliseconds are above 1e11 for any date after 1973; seconds stay below until 5138.
            const auto v = number(text);
            if (!v)
                return std::nullopt;
            format = *v >= 1e11 ? TimeFormat::UnixMilliseconds : TimeFormat::UnixSeconds;
        } else {
            format = TimeFormat::Iso;
        }
    }
    if (format == TimeFormat::UnixSeconds || format == TimeFormat::UnixMilliseconds) {
        const auto v = number(text);
        if (!v || *v < 0 || *v > 1e15)
            return std::nullopt;
        return TimeText{static_cast<UtcSeconds>(std::floor(format == TimeFormat::UnixMilliseconds ? *v / 1000.0 : *v)),
                        false};
    }
    const auto t = parseUtcTime(text);
    if (!t)
        return std::nullopt;
    return TimeText{*t, !hasOffset(text)};
}

std::optional<UtcSeconds> time(std::string_view text, TimeFormat format, int utcOffsetSeconds)
{
    const auto t = timeText(text, format);
    if (!t)
        return std::nullopt;
    return t->local ? t->seconds - utcOffsetSeconds : t->seconds;
}

int findColumn(const std::vector<std::string> &header, const std::string &nameOrIndex)
{
    if (nameOrIndex.empty())
        return -1;
    const std::string want = lower(nameOrIndex);
    for (std::size_t i = 0; i < header.size(); ++i)
        if (lower(trim(header[i])) == want)
            return static_cast<int>(i);
    if (const auto index = integer(nameOrIndex); index && *index >= 1 && *index <= static_cast<long long>(header.size()))
        return static_cast<int>(*index - 1);
    return -1;
}

int badEncodingField(const CsvReader &reader)
{
    for (std::size_t i = 0; i < reader.size(); ++i)
        if (invalidUtf8(reader.field(i)) != std::string_view::npos)
            return static_cast<int>(i);
    return -1;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string quoted(std::string_view text)
{
    return "\"" + escapedText(text, importlimits::maxQuotedChars) + "\"";
}

std::string numberText(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

std::string quotedList(const std::vector<std::string> &names, std::size_t most)
{
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < most; ++i)
        out += (i ? ", " : "") + quoted(names[i]);
    if (names.size() > most)
        out += ", \xE2\x80\xA6 (" + std::to_string(names.size()) + " in all)";
    return out;
}

} // namespace cs::importtext
