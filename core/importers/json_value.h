#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cs {

// Where a JSON value starts: 1-based line, and column in characters (UTF-8 sequences count once), as an editor
// shows it. Kept as 64-bit numbers: a minified file is one line that can be longer than an int.
struct JsonPlace
{
    long long line = 1;
    long long column = 1;
};

// One JSON value that an importer asked for (a time-series point, a response's "meta"), materialised with the
// place where it starts, so that an importer can say "file:line:column: expected a number" about a value that
// parsed but is wrong. The stream builds one at a time and drops it once the importer has read it.
struct JsonValue
{
    enum class Type { Null, Bool, Number, String, Array, Object };
    Type type = Type::Null;
    bool boolean = false;
    double number = 0;
    std::string text;
    std::vector<std::string> keys;   // objects: keys[i] names items[i]
    std::vector<JsonValue> items;    // arrays and objects
    JsonPlace place;

    bool isNull() const { return type == Type::Null; }
    bool isNumber() const { return type == Type::Number; }
    bool isString() const { return type == Type::String; }
    bool isArray() const { return type == Type::Array; }
    bool isObject() const { return type == Type::Object; }
    // The first member named `key` of an object; nullptr where absent or not an object.
    const JsonValue *find(std::string_view key) const;
    static const char *typeName(Type type);
    const char *typeName() const { return typeName(type); }
};

} // namespace cs
