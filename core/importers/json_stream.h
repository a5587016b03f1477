#pragma once

#include "json_value.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

class ByteSource;
class ImportContext;

// Streams a JSON document from the import's source through nlohmann's SAX parser to a Visitor that says, value
// by value, which containers to walk into, which values to materialise (one record at a time: a time-series
// point, a response's "meta") and which to skip. Nothing else is kept, so memory stays flat whatever the file
// size. Places (line:column) come from JsonInput, counted as the bytes go by.
class JsonStream
{
public:
    enum class Take { Skip, Collect, Enter };

    // One step of the way from the root to a value: a member's key, or an element's index (then >= 0).
    struct Step
    {
        std::string key;
        long long index = -1;
        bool is(std::string_view name) const { return index < 0 && key == name; }
    };
    using Path = std::vector<Step>;

    class Visitor
    {
    public:
        using Take = JsonStream::Take;
        using Path = JsonStream::Path;
        virtual ~Visitor() = default;
        // A value starts at `path` (empty: the root). Enter walks through a container (a scalar is then
        // collected); Collect builds the whole value and hands it to value(); Skip only checks its syntax.
        virtual Take begin(const Path &path, JsonValue::Type type, const JsonPlace &at) = 0;
        // A collected value, complete; the visitor may move from it.
        virtual void value(const Path &path, JsonValue &value) = 0;
        // An entered container closes.
        virtual void end(const Path &) {}
    };

    // Reads the import's own source: progress and cancel through the context.
    explicit JsonStream(ImportContext &context);
    // Reads `again`, a second reading of the same file (see rereadable()); cancel is still polled.
    JsonStream(ImportContext &context, ByteSource &again);

    // Streams the whole document to `visitor`, or up to stop(). Throws ParseError at the place of a syntax
    // error or of bytes that are not UTF-8, or for a file with no document; lets the visitor's exceptions
    // through.
    void run(Visitor &visitor);
    // Ends run() after the current value (a visitor that found what it looked for).
    void stop() { mStopped = true; }

    // Whether the file can be read again from its start (a regular file, not a pipe).
    static bool rereadable(ImportContext &context);
    // The root object's first member named `key`, collected by reading the file again from its start up to
    // that member (used where an importer needs it before a big array that comes first). Empty where the root
    // is not an object or has no such member. Throws ParseError for a syntax error met on the way.
    static std::optional<JsonValue> rootMember(ImportContext &context, std::string_view key);

    // An importer's whole run: its visitor over the import's source, then the visitor's finish().
    template <class Reader>
    static void readWith(ImportContext &context)
    {
        Reader reader(context);
        JsonStream(context).run(reader);
        reader.finish();
    }

private:
    ImportContext &mContext;
    ByteSource &mSource;
    bool mMainPass;
    bool mStopped = false;
};

} // namespace cs
