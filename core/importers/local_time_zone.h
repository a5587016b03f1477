#pragma once

#include "utc_time.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace date {
class time_zone;
}

namespace cs {

// The zone of times written without an offset: UTC, a fixed offset ("+05:30") or, where the build has Debian's
// libhowardhinnant-date (date/tz.h over the system's /usr/share/zoneinfo), an IANA name ("Europe/London").
// Turns a local wall-clock time into a UTC instant, settling the two cases a zone with clock changes has:
// - a time that occurs twice (clocks go back) is the earliest instant not before `notBefore` (the previous row's
//   instant, or one second after it where times must strictly increase): so 01:00 BST, then 01:00 GMT on the
//   next row of an hourly file, become two hours an hour apart; where both come before it, the later one;
// - a time that does not exist (clocks go forward) is an error naming the zone and the change.
class LocalTimeZone
{
public:
    // UTC.
    LocalTimeZone() = default;
    static LocalTimeZone fixed(int secondsEastOfUtc);
    // "UTC", "Z", "+01:00", "-0530", "UTC+01:00", or an IANA name. Throws InputError naming `spec` where it is
    // none of these, or where it is a name and the build lacks named zones.
    static LocalTimeZone find(std::string_view spec);

    // True where IANA names work (the build found date-tz).
    static bool namedZonesSupported();
    // The IANA names this build knows, sorted; empty without named zone support.
    static std::vector<std::string> names();

    const std::string &name() const { return mName; }
    bool isFixed() const { return mZone == nullptr; }

    struct Instant
    {
        std::optional<UtcSeconds> time; // the instant, or nothing with `error` set
        std::string error;              // "2023-03-26 01:30 does not exist in Europe/London: ..."
    };
    // `wallClock`: the local date and time counted in seconds as if it were UTC.
    Instant toUtc(UtcSeconds wallClock, std::optional<UtcSeconds> notBefore = std::nullopt) const;

private:
    std::string mName = "UTC";
    int mOffset = 0;                         // fixed zones
    const date::time_zone *mZone = nullptr;  // named zones (owned by date's tzdb, which lives for the program)
    bool mRulesBeyondData = false;           // the zone file's footer has DST rules that date-tz does not apply
};

} // namespace cs
