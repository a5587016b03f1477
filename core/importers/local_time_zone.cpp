#include "local_time_zone.h"

#include "import_text.h"
#include "parse_error.h"

#include <cstdio>

#include <date/tz.h>

#include <fstream>
#include <iterator>

namespace cs {

namespace {

std::string offsetText(int seconds)
{
    if (seconds == 0)
        return "UTC";
    const int a = seconds < 0 ? -seconds : seconds;
    char buf[16];
    if (a % 60)
        std::snprintf(buf, sizeof buf, "%c%02d:%02d:%02d", seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60, a % 60);
    else
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60);
    return buf;
}

// "2023-03-26 01:30" (seconds only where not zero): a wall-clock time as the user wrote it.
std::string wallText(UtcSeconds wall)
{
    const UtcSeconds day = utcDayStart(wall);
    const CivilDate d = civilFromDays(day / 86400);
    const auto s = static_cast<int>(wall - day);
    char buf[48];
    if (s % 60)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d", d.year, d.month, d.day, s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", d.year, d.month, d.day, s / 3600, s / 60 % 60);
    return buf;
}

// "01:00": the time of day only.
std::string clockText(UtcSeconds wall)
{
    return wallText(wall).substr(11);
}

// date's tzdb, read once from the system's zoneinfo folder (USE_OS_TZDB: never downloaded).
const date::tzdb &tzdb()
{
    try {
        return date::get_tzdb();
    } catch (const std::exception &e) {
        throw InputError(std::string("no time zone data on this system (install Debian's tzdata): ") + e.what());
    }
}

// date-tz (3.0.1) reads the transitions a TZif file lists but not its footer, the POSIX rule for later years:
// past the last listed change it would quietly use standard time. True where that footer has clock changes.
bool footerHasRules(const std::string &name)
{
    std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 6 || !bytes.starts_with("TZif") || bytes[4] < '2' || bytes.back() != '\n')
        return false;
    const std::size_t start = bytes.rfind('\n', bytes.size() - 2);
    return start != std::string::npos && bytes.find(',', start) != std::string::npos;
}

std::string unknownZone(const std::string &spec)
{
    const std::string want = importtext::lower(spec);
    std::string hint;
    int hints = 0;
    for (const date::time_zone &z : tzdb().zones) {
        const std::string l = importtext::lower(z.name());
        if (hints < 3 && (l == want || (l.size() > want.size() && l.ends_with(want) && l[l.size() - want.size() - 1] == '/'))) {
            hint += (hints++ ? ", " : "") + z.name();
        }
    }
    return "unknown time zone \"" + spec + "\"" + (hint.empty() ? "" : " (did you mean " + hint + "?)")
           + ": expected UTC, a fixed offset such as +01:00, or an IANA zone name such as Europe/London, "
             "America/New_York or Asia/Kolkata (`carbonscope-cli time-zones` lists the "
           + std::to_string(tzdb().zones.size()) + " names this system knows)";
}

} // namespace

LocalTimeZone LocalTimeZone::fixed(int secondsEastOfUtc)
{
    LocalTimeZone z;
    z.mOffset = secondsEastOfUtc;
    z.mName = offsetText(secondsEastOfUtc);
    return z;
}

LocalTimeZone LocalTimeZone::find(std::string_view spec)
{
    if (const auto offset = importtext::utcOffset(spec))
        return fixed(*offset);
    std::string name(spec);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
        name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '\t'))
        name.erase(0, 1);
    const date::time_zone *zone = nullptr;
    try {
        tzdb(); // no zone data: says so
        zone = date::locate_zone(std::string_view(name));
    } catch (const InputError &) {
        throw;
    } catch (const std::exception &) {
        throw InputError(unknownZone(name));
    }
    LocalTimeZone z;
    z.mZone = zone;
    z.mName = zone->name();
    z.mRulesBeyondData = footerHasRules(z.mName);
    return z;
}

bool LocalTimeZone::namedZonesSupported()
{
    return true;
}

std::vector<std::string> LocalTimeZone::names()
{
    std::vector<std::string> out;
    try {
        for (const date::time_zone &z : tzdb().zones)
            out.push_back(z.name());
    } catch (const InputError &) {
        // no zone data: no names
    }
    return out;
}

LocalTimeZone::Instant LocalTimeZone::toUtc(UtcSeconds wallClock, std::optional<UtcSeconds> notBefore) const
{
    if (!mZone)
        return {wallClock - mOffset, {}};
    const date::local_seconds local{std::chrono::seconds{wallClock}};
    const date::local_info info = mZone->get_info(local);
    switch (info.result) {
    case date::local_info::unique: {
        // date's last period runs to the year 32767; a footer with clock changes means the data ran out there.
        constexpr long long year10000 = 253402300800LL;
        if (mRulesBeyondData && info.first.end.time_since_epoch().count() > year10000)
            return {std::nullopt, wallText(wallClock) + " in " + mName + " is after "
                                      + formatUtcTime(info.first.begin.time_since_epoch().count())
                                      + ", the last clock change this system's time zone data lists (later ones "
                                        "would be guessed); write such times with an explicit offset"};
        return {wallClock - info.first.offset.count(), {}};
    }
    case date::local_info::ambiguous: {
        // first: the period before the change (the earlier instant); second: after it.
        const UtcSeconds early = wallClock - info.first.offset.count();
        const UtcSeconds late = wallClock - info.second.offset.count();
        return {!notBefore || early >= *notBefore ? early : late, {}};
    }
    case date::local_info::nonexistent: {
        const UtcSeconds change = info.second.begin.time_since_epoch().count();
        return {std::nullopt, wallText(wallClock) + " does not exist in " + mName + ": clocks go forward at "
                                  + clockText(change + info.first.offset.count()) + " (to "
                                  + clockText(change + info.second.offset.count()) + ")"};
    }
    }
    return {std::nullopt, "no time zone support"};
}

} // namespace cs
