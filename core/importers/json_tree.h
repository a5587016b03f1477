#pragma once

#include "utc_time.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cs {

class ImportContext;

// A JSON value that remembers where it starts in the text, so that an importer can say "file:line:column:
// expected a number" about a value that parsed but is wrong (nlohmann's DOM keeps no positions; this tree is
// built from its SAX events).
struct JsonValue
{
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string text;
    std::vector<std::string> keys;   // objects: keys[i] names items[i]
    std::vector<JsonValue> items;    // arrays and objects
    std::size_t offset = 0;          // byte offset of the value's first character

    bool isNull() const { return type == Type::Null; }
    bool isNumber() const { return type == Type::Number; }
    bool isString() const { return type == Type::String; }
    bool isArray() const { return type == Type::Array; }
    bool isObject() const { return type == Type::Object; }
    // The member named `key` of an object; nullptr where absent or not an object.
    const JsonValue *find(std::string_view key) const;
    const char *typeName() const;
};

// A whole JSON document read from the import's source (API responses: bounded, read into memory; 512 MiB cap).
class JsonTree
{
public:
    // Throws ParseError at the place of a syntax error, or for an empty file.
    explicit JsonTree(ImportContext &context);

    const JsonValue &root() const { return mRoot; }
    std::pair<int, int> lineColumn(std::size_t offset) const;
    // Fails (always) or reports a bad row (skip mode) at `value`.
    [[noreturn]] void fail(const JsonValue &value, const std::string &message) const;
    void badRow(const JsonValue &value, const std::string &message) const;

    // One {timeKey: ISO time, valueKey: number >= 0} point of a time-series response, which must come after
    // `last` (none for the first point). A malformed point is reported as a bad row and gives nothing; a point
    // whose value is null or absent (not published: a gap) gives its time with no value.
    struct Point
    {
        const JsonValue *when;
        UtcSeconds time;
        std::optional<double> value;
    };
    std::optional<Point> readPoint(const JsonValue &point, std::string_view timeKey, std::string_view valueKey,
                                   std::optional<UtcSeconds> last) const;

private:
    ImportContext &mContext;
    std::string mText;
    JsonValue mRoot;
};

} // namespace cs
