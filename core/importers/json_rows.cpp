#include "json_rows.h"

#include "import_context.h"
#include "import_limits.h"
#include "import_text.h"

#include <climits>

namespace cs {

namespace {
int column(const JsonPlace &at) { return at.column > INT_MAX ? INT_MAX : static_cast<int>(at.column); }
}

void JsonRows::fail(const JsonPlace &at, const std::string &message) const
{
    mContext.fail(at.line, column(at), message);
}

void JsonRows::badRow(const JsonPlace &at, const std::string &message) const
{
    mContext.badRow(at.line, column(at), message);
}

void JsonRows::warn(const JsonPlace &at, const std::string &message) const
{
    mContext.warn(at.line, column(at), message);
}

std::optional<JsonRows::Point> JsonRows::readPoint(const JsonValue &p, std::string_view timeKey,
                                                   std::string_view valueKey, std::optional<UtcSeconds> last) const
{
    if (!p.isObject()) {
        badRow(p.place, std::string("expected a point object, got ") + p.typeName());
        return std::nullopt;
    }
    const JsonValue *when = p.find(timeKey);
    const JsonValue *value = p.find(valueKey);
    if (!when || !when->isString()) {
        badRow((when ? *when : p).place, "expected \"" + std::string(timeKey) + "\" as an ISO 8601 time string");
        return std::nullopt;
    }
    const auto t = parseUtcTime(when->text);
    if (!t) {
        badRow(when->place, "expected a time, got " + importtext::quoted(when->text));
        return std::nullopt;
    }
    if (!value || value->isNull())
        return Point{*t, std::nullopt}; // not published: a gap
    if (!value->isNumber() || value->number < 0) {
        badRow(value->place, "expected \"" + std::string(valueKey) + "\" as a non-negative number, got " +
                                 (value->isNumber() ? "a negative number" : value->typeName()));
        return std::nullopt;
    }
    if (value->number > importlimits::maxIntensity) {
        badRow(value->place, "expected \"" + std::string(valueKey) + "\" of at most "
                                 + importtext::numberText(importlimits::maxIntensity) + ", got "
                                 + importtext::numberText(value->number));
        return std::nullopt;
    }
    if (last && *t <= *last) {
        badRow(when->place, *t == *last ? "duplicate time " + formatUtcTime(*t)
                                        : "time goes backwards: " + formatUtcTime(*t) + " after "
                                              + formatUtcTime(*last));
        return std::nullopt;
    }
    return Point{*t, value->number};
}

} // namespace cs
