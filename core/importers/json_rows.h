#pragma once

#include "json_value.h"
#include "utc_time.h"

#include <optional>
#include <string>
#include <string_view>

namespace cs {

class ImportContext;

// What the JSON importers share about their records: reports at a value's place (file:line:column), and the
// check of one time-series point.
class JsonRows
{
public:
    explicit JsonRows(ImportContext &context) : mContext(context) {}

    // Fails (always) or reports a bad row (skip mode) at `at`.
    [[noreturn]] void fail(const JsonPlace &at, const std::string &message) const;
    void badRow(const JsonPlace &at, const std::string &message) const;
    void warn(const JsonPlace &at, const std::string &message) const;

    // One {timeKey: ISO time, valueKey: carbon intensity, 0 to importlimits::maxIntensity} point of a time-series response, which must come after
    // `last` (none for the first point). A malformed point is reported as a bad row and gives nothing; a point
    // whose value is null or absent (not published: a gap) gives its time with no value.
    struct Point
    {
        UtcSeconds time;
        std::optional<double> value;
    };
    std::optional<Point> readPoint(const JsonValue &point, std::string_view timeKey, std::string_view valueKey,
                                   std::optional<UtcSeconds> last) const;

private:
    ImportContext &mContext;
};

} // namespace cs
