#include "json_tree.h"

#include "byte_source.h"
#include "import_context.h"
#include "import_text.h"

#include <nlohmann/json.hpp>

#include <iterator>

namespace cs {

namespace {

constexpr std::size_t maxJsonBytes = std::size_t(512) << 20;

// A char iterator that publishes how far nlohmann's lexer has read, so the SAX handler knows where it is.
struct CountingIterator
{
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    const char *p = nullptr;
    const char **cursor = nullptr;

    reference operator*() const { return *p; }
    CountingIterator &operator++()
    {
        ++p;
        *cursor = p;
        return *this;
    }
    CountingIterator operator++(int)
    {
        CountingIterator old = *this;
        ++*this;
        return old;
    }
    bool operator==(const CountingIterator &other) const { return p == other.p; }
    bool operator!=(const CountingIterator &other) const { return p != other.p; }
};

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

class Builder : public nlohmann::json_sax<nlohmann::json>
{
public:
    Builder(const std::string &text, const char *&cursor)
        : mText(text)
        , mCursor(cursor)
    {}

    JsonValue root;
    std::size_t errorByte = 0;
    std::string errorMessage;

    bool null() override { return scalar(JsonValue::Type::Null); }
    bool boolean(bool v) override
    {
        JsonValue j = make(JsonValue::Type::Bool);
        j.boolean = v;
        return add(std::move(j));
    }
    bool number_integer(number_integer_t v) override { return num(static_cast<double>(v)); }
    bool number_unsigned(number_unsigned_t v) override { return num(static_cast<double>(v)); }
    bool number_float(number_float_t v, const string_t &) override { return num(v); }
    bool string(string_t &v) override
    {
        JsonValue j = make(JsonValue::Type::String);
        j.text = std::move(v);
        return add(std::move(j));
    }
    bool binary(binary_t &) override { return scalar(JsonValue::Type::Null); }
    bool start_object(std::size_t) override { return open(JsonValue::Type::Object); }
    bool key(string_t &k) override
    {
        mStack.back().keys.push_back(std::move(k));
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(JsonValue::Type::Array); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &ex) override
    {
        errorByte = position;
        errorMessage = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> the reason.
        const std::size_t at = errorMessage.find("syntax error");
        if (at != std::string::npos)
            errorMessage = errorMessage.substr(at);
        return false;
    }

private:
    std::size_t here() const { return static_cast<std::size_t>(mCursor - mText.data()); }

    // Where the token just read starts: back from the lexer's position over a look-ahead character, then over
    // the token itself.
    std::size_t tokenStart(JsonValue::Type type) const
    {
        std::size_t end = here();
        if (type == JsonValue::Type::String) {
            std::size_t i = end >= 2 ? end - 2 : 0;
            while (i > 0 && !(mText[i] == '"' && mText[i - 1] != '\\'))
                --i;
            return i;
        }
        if (end > 0 && end <= mText.size() && !isNumberChar(mText[end - 1]) && type == JsonValue::Type::Number)
            --end;
        std::size_t i = end;
        while (i > 0 && (isNumberChar(mText[i - 1]) || (mText[i - 1] >= 'a' && mText[i - 1] <= 'z')))
            --i;
        return i;
    }
    JsonValue make(JsonValue::Type type) const
    {
        JsonValue j;
        j.type = type;
        j.offset = tokenStart(type);
        return j;
    }
    bool scalar(JsonValue::Type type) { return add(make(type)); }
    bool num(double v)
    {
        JsonValue j = make(JsonValue::Type::Number);
        j.number = v;
        return add(std::move(j));
    }
    bool add(JsonValue &&v)
    {
        if (mStack.empty())
            root = std::move(v);
        else
            mStack.back().items.push_back(std::move(v));
        return true;
    }
    bool open(JsonValue::Type type)
    {
        JsonValue j;
        j.type = type;
        j.offset = here() > 0 ? here() - 1 : 0;
        mStack.push_back(std::move(j));
        return true;
    }
    bool close()
    {
        JsonValue done = std::move(mStack.back());
        mStack.pop_back();
        return add(std::move(done));
    }

    const std::string &mText;
    const char *&mCursor;
    std::vector<JsonValue> mStack;
};

} // namespace

const JsonValue *JsonValue::find(std::string_view key) const
{
    if (type != Type::Object)
        return nullptr;
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key)
            return &items[i];
    return nullptr;
}

const char *JsonValue::typeName() const
{
    switch (type) {
    case Type::Null: return "null";
    case Type::Bool: return "a boolean";
    case Type::Number: return "a number";
    case Type::String: return "a string";
    case Type::Array: return "an array";
    case Type::Object: return "an object";
    }
    return "?";
}

JsonTree::JsonTree(ImportContext &context)
    : mContext(context)
{
    char buffer[1 << 16];
    for (;;) {
        const std::size_t got = context.source().read(buffer, sizeof buffer);
        if (got == 0)
            break;
        if (mText.size() + got > maxJsonBytes)
            context.fail(0, 0, "JSON document larger than 512 MiB (API responses are far smaller)");
        mText.append(buffer, got);
        context.progress();
    }
    if (mText.find_first_not_of(" \t\r\n") == std::string::npos)
        context.fail(1, 1, "empty file: expected a JSON document");
    if (const std::size_t bad = importtext::invalidUtf8(mText); bad != std::string::npos) {
        const auto [line, column] = lineColumn(bad);
        context.fail(line, column, "wrong encoding: the JSON text is not UTF-8");
    }
    const char *cursor = mText.data();
    Builder builder(mText, cursor);
    CountingIterator first{mText.data(), &cursor};
    CountingIterator last{mText.data() + mText.size(), &cursor};
    const bool ok = nlohmann::json::sax_parse(first, last, &builder);
    if (!ok) {
        const std::size_t at = builder.errorByte > 0 ? builder.errorByte - 1 : 0;
        const auto [line, column] = lineColumn(std::min(at, mText.size()));
        context.fail(line, column, builder.errorMessage.empty() ? "invalid JSON" : builder.errorMessage);
    }
    mRoot = std::move(builder.root);
}

std::pair<int, int> JsonTree::lineColumn(std::size_t offset) const
{
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < mText.size(); ++i) {
        const auto c = static_cast<unsigned char>(mText[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

void JsonTree::fail(const JsonValue &value, const std::string &message) const
{
    const auto [line, column] = lineColumn(value.offset);
    mContext.fail(line, column, message);
}

void JsonTree::badRow(const JsonValue &value, const std::string &message) const
{
    const auto [line, column] = lineColumn(value.offset);
    mContext.badRow(line, column, message);
}

std::optional<JsonTree::Point> JsonTree::readPoint(const JsonValue &p, std::string_view timeKey,
                                                   std::string_view valueKey, std::optional<UtcSeconds> last) const
{
    if (!p.isObject()) {
        badRow(p, std::string("expected a point object, got ") + p.typeName());
        return std::nullopt;
    }
    const JsonValue *when = p.find(timeKey);
    const JsonValue *value = p.find(valueKey);
    if (!when || !when->isString()) {
        badRow(when ? *when : p, "expected \"" + std::string(timeKey) + "\" as an ISO 8601 time string");
        return std::nullopt;
    }
    const auto t = parseUtcTime(when->text);
    if (!t) {
        badRow(*when, "expected a time, got \"" + when->text + "\"");
        return std::nullopt;
    }
    if (!value || value->isNull())
        return Point{when, *t, std::nullopt}; // not published: a gap
    if (!value->isNumber() || value->number < 0) {
        badRow(*value, "expected \"" + std::string(valueKey) + "\" as a non-negative number, got " +
                           (value->isNumber() ? "a negative number" : value->typeName()));
        return std::nullopt;
    }
    if (last && *t <= *last) {
        badRow(*when, *t == *last ? "duplicate time " + formatUtcTime(*t)
                                  : "time goes backwards: " + formatUtcTime(*t) + " after " + formatUtcTime(*last));
        return std::nullopt;
    }
    return Point{when, *t, value->number};
}

} // namespace cs
