#include "utc_time.h"

#include <cstdio>

namespace cs {

std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), m, d};
}

namespace {

// A cursor over the text that reads fixed-width digit groups and single characters.
struct Reader
{
    std::string_view s;
    std::size_t pos = 0;

    bool atEnd() const { return pos >= s.size(); }
    bool peek(char c) const { return pos < s.size() && s[pos] == c; }
    bool take(char c)
    {
        if (!peek(c))
            return false;
        ++pos;
        return true;
    }
    bool digits(int count, int &out)
    {
        out = 0;
        for (int i = 0; i < count; ++i) {
            if (pos >= s.size() || s[pos] < '0' || s[pos] > '9')
                return false;
            out = out * 10 + (s[pos++] - '0');
        }
        return true;
    }
};

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysInMonth(int y, int m)
{
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

} // namespace

std::optional<UtcSeconds> parseUtcTime(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '"'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == '\r'))
        text.remove_suffix(1);

    Reader r{text};
    int year, month, day, hour = 0, minute = 0, second = 0;
    if (!r.digits(4, year) || !r.take('-') || !r.digits(2, month) || !r.take('-') || !r.digits(2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > daysInMonth(year, month))
        return std::nullopt;

    if (!r.atEnd()) {
        if (!r.take('T') && !r.take(' '))
            return std::nullopt;
        if (!r.digits(2, hour) || !r.take(':') || !r.digits(2, minute))
            return std::nullopt;
        if (r.take(':')) {
            if (!r.digits(2, second))
                return std::nullopt;
            if (r.take('.') || r.take(',')) { // fractional seconds: read, and dropped below one second
                int digit;
                if (!r.digits(1, digit))
                    return std::nullopt;
                while (r.digits(1, digit)) {}
            }
        }
    }
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;

    int offsetSeconds = 0;
    if (!r.atEnd()) {
        r.take(' ');
        if (r.take('Z') || r.take('z')) {
        } else if (r.peek('+') || r.peek('-')) {
            const int sign = r.take('-') ? -1 : (r.take('+'), 1);
            int oh, om = 0;
            if (!r.digits(2, oh))
                return std::nullopt;
            if (r.take(':')) {
                if (!r.digits(2, om))
                    return std::nullopt;
            } else if (!r.atEnd() && !r.digits(2, om)) {
                return std::nullopt;
            }
            if (oh > 23 || om > 59)
                return std::nullopt;
            offsetSeconds = sign * (oh * 3600 + om * 60);
        } else {
            return std::nullopt;
        }
    }
    if (!r.atEnd())
        return std::nullopt;

    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
}

std::string formatUtcTime(UtcSeconds t)
{
    const UtcSeconds dayStart = utcDayStart(t);
    const CivilDate d = civilFromDays(dayStart / 86400);
    const auto secs = static_cast<int>(t - dayStart);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", d.year, d.month, d.day, secs / 3600,
                  secs / 60 % 60, secs % 60);
    return buf;
}

} // namespace cs
