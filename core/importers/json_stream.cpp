#include "json_stream.h"

#include "byte_source.h"
#include "import_context.h"
#include "import_limits.h"
#include "json_input.h"
#include "parse_error.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <exception>
#include <filesystem>

namespace cs {

namespace {

using Type = JsonValue::Type;

int clampColumn(long long column) { return column > INT_MAX ? INT_MAX : static_cast<int>(column); }
int clampLine(long long line) { return line > INT_MAX ? INT_MAX : static_cast<int>(line); }

// nlohmann's SAX events turned into the Visitor's begin/value/end, building only what the visitor collects.
class Handler
{
public:
    using number_integer_t = nlohmann::json::number_integer_t;
    using number_unsigned_t = nlohmann::json::number_unsigned_t;
    using number_float_t = nlohmann::json::number_float_t;
    using string_t = nlohmann::json::string_t;
    using binary_t = nlohmann::json::binary_t;

    Handler(JsonStream::Visitor &visitor, JsonInput &input, const bool &stopped, const std::string &file)
        : mVisitor(visitor)
        , mInput(input)
        , mStopped(stopped)
        , mFile(file)
    {}

    std::uint64_t errorByte = 0;
    std::string errorMessage;
    bool failed = false;
    // The visitor's first exception, held until the end of the document: a syntax error anywhere takes
    // precedence over what the visitor found wrong (as when the whole document was parsed first).
    std::exception_ptr deferred;

    bool null() { return scalar(Type::Null, Start::Run, [](JsonValue &) {}); }
    bool boolean(bool v)
    {
        return scalar(Type::Bool, Start::Run, [v](JsonValue &j) { j.boolean = v; });
    }
    bool number_integer(number_integer_t v) { return number(static_cast<double>(v)); }
    bool number_unsigned(number_unsigned_t v) { return number(static_cast<double>(v)); }
    bool number_float(number_float_t v, const string_t &) { return number(v); }
    bool string(string_t &v)
    {
        return scalar(Type::String, Start::String, [&v](JsonValue &j) { j.text = std::move(v); });
    }
    bool binary(binary_t &) { return scalar(Type::Null, Start::Run, [](JsonValue &) {}); }
    bool start_object(std::size_t) { return deeper() && open(Type::Object); }
    bool start_array(std::size_t) { return deeper() && open(Type::Array); }
    bool end_object() { return --mDepth, close(); }
    bool end_array() { return --mDepth, close(); }
    bool key(string_t &k)
    {
        if (mSkipDepth > 0 || deferred)
            return true;
        if (!mBuild.empty() && !held(k.size()))
            return false;
        if (!mBuild.empty())
            mBuild.back().keys.push_back(std::move(k));
        else
            mFrames.back().key = std::move(k);
        return true;
    }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &ex)
    {
        failed = true;
        errorByte = position > 0 ? position - 1 : 0;
        errorMessage = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." -> the reason.
        const std::size_t at = errorMessage.find("syntax error");
        if (at != std::string::npos)
            errorMessage = errorMessage.substr(at);
        return false;
    }

private:
    struct Frame
    {
        bool array = false;
        bool stepped = false; // whether this container pushed a step onto the path (all but the root)
        long long next = 0;   // the index of the next element
        std::string key;      // the key of the next member
    };

    // One more level of nesting; past the limit the document is refused and the parse stops.
    bool deeper()
    {
        if (++mDepth <= importlimits::maxJsonDepth)
            return true;
        return stop("nested more than " + std::to_string(importlimits::maxJsonDepth) + " levels deep");
    }

    // Counts the memory of what is being collected; past the limit the document is refused and the parse stops.
    bool held(std::size_t bytes)
    {
        mHeld += sizeof(JsonValue) + bytes;
        if (mHeld <= importlimits::maxCollectedJsonBytes)
            return true;
        const JsonPlace at = mBuild.front().place;
        return stop("a value too large to read at once (more than " + std::to_string(importlimits::maxCollectedJsonBytes >> 20)
                    + " MiB in memory; is this the format it was taken for?)", &at);
    }

    // Refuses the document at the latest '{'/'[' (or `at`) and stops the parse (no later syntax error can come first).
    bool stop(const std::string &message, const JsonPlace *at = nullptr)
    {
        mInput.sync();
        const JsonPlace where = at ? *at : mInput.openStart();
        if (!deferred) // an error met earlier in the document comes first
            deferred = std::make_exception_ptr(ParseError(mFile, clampLine(where.line), clampColumn(where.column), message));
        return false;
    }

    bool number(double v)
    {
        // A number ends where the lexer reads a character past it, so it began where the latest run began.
        return scalar(Type::Number, Start::Run, [v](JsonValue &j) { j.number = v; });
    }

    // The path to a value that starts at the entered level; false for the root.
    bool pushStep()
    {
        if (mFrames.empty())
            return false;
        Frame &f = mFrames.back();
        if (f.array)
            mPath.push_back({std::string(), f.next++});
        else
            mPath.push_back({std::move(f.key), -1});
        return true;
    }

    // Calls the visitor; where it throws, keeps the exception and reads on, only checking the syntax.
    template<typename Call>
    auto visit(Call call) -> decltype(call())
    {
        try {
            return call();
        } catch (const ImportCancelled &) {
            throw;
        } catch (...) {
            deferred = std::current_exception();
            return decltype(call())();
        }
    }

    // Which token start places a scalar: a string's quote, or the start of a number or literal.
    enum class Start { String, Run };

    template<typename Fill>
    bool scalar(Type type, Start start, Fill fill)
    {
        if (mSkipDepth > 0 || deferred)
            return true;
        mInput.sync();
        const JsonPlace at = start == Start::String ? mInput.stringStart() : mInput.runStart();
        if (!mBuild.empty()) {
            JsonValue &j = mBuild.back().items.emplace_back();
            j.type = type;
            j.place = at;
            fill(j);
            return held(j.text.size());
        }
        const bool stepped = pushStep();
        if (visit([&] { return mVisitor.begin(mPath, type, at); }) != JsonStream::Take::Skip && !deferred) {
            JsonValue j;
            j.type = type;
            j.place = at;
            fill(j);
            visit([&] { mVisitor.value(mPath, j); });
        }
        if (stepped)
            mPath.pop_back();
        return !mStopped;
    }

    bool open(Type type)
    {
        if (deferred)
            return true;
        if (mSkipDepth > 0) {
            ++mSkipDepth;
            return true;
        }
        mInput.sync();
        const JsonPlace at = mInput.openStart();
        if (!mBuild.empty()) {
            if (mBuild.size() >= maxCollectedDepth) { // no record nests this deep; its tree would be freed recursively
                deferred = std::make_exception_ptr(ParseError(mFile, clampLine(at.line), clampColumn(at.column),
                    "nested more than " + std::to_string(maxCollectedDepth) + " levels deep"));
                return true;
            }
            JsonValue &j = mBuild.emplace_back();
            j.type = type;
            j.place = at;
            return held(0);
        }
        const bool stepped = pushStep();
        switch (visit([&] { return mVisitor.begin(mPath, type, at); })) {
        case JsonStream::Take::Skip:
            mSkipDepth = 1;
            mOuterStepped = stepped;
            break;
        case JsonStream::Take::Collect: {
            JsonValue &j = mBuild.emplace_back();
            j.type = type;
            j.place = at;
            mOuterStepped = stepped;
            mHeld = 0;
            break;
        }
        case JsonStream::Take::Enter:
            mFrames.push_back({type == Type::Array, stepped, 0, {}});
            break;
        }
        return !mStopped;
    }

    bool close()
    {
        if (deferred)
            return true;
        if (mSkipDepth > 0) {
            if (--mSkipDepth == 0 && mOuterStepped)
                mPath.pop_back();
            return !mStopped;
        }
        if (!mBuild.empty()) {
            JsonValue done = std::move(mBuild.back());
            mBuild.pop_back();
            if (!mBuild.empty()) {
                mBuild.back().items.push_back(std::move(done));
                return true;
            }
            visit([&] { mVisitor.value(mPath, done); });
            if (mOuterStepped)
                mPath.pop_back();
            return !mStopped;
        }
        visit([&] { mVisitor.end(mPath); });
        if (mFrames.back().stepped)
            mPath.pop_back();
        mFrames.pop_back();
        return !mStopped;
    }

    static constexpr std::size_t maxCollectedDepth = 256;

    std::size_t mDepth = 0;      // nesting at this point of the document
    std::size_t mHeld = 0;       // memory of the value being collected, as counted by held()
    JsonStream::Visitor &mVisitor;
    JsonInput &mInput;
    const bool &mStopped;
    const std::string &mFile;
    std::vector<Frame> mFrames;   // the containers walked into
    JsonStream::Path mPath;       // steps to them, and to the value being collected or skipped
    std::vector<JsonValue> mBuild; // the value being collected: the outermost container first
    int mSkipDepth = 0;
    bool mOuterStepped = false;
};

} // namespace

JsonStream::JsonStream(ImportContext &context)
    : mContext(context)
    , mSource(context.source())
    , mMainPass(true)
{}

JsonStream::JsonStream(ImportContext &context, ByteSource &again)
    : mContext(context)
    , mSource(again)
    , mMainPass(false)
{}

void JsonStream::run(Visitor &visitor)
{
    JsonInput input(mSource, [this] {
        if (mMainPass) {
            mContext.progress();
        } else if (const ImportProgress &progress = mContext.options().progress) {
            // A second reading: the bar stays where the main reading is, but cancel still works.
            if (!progress(mContext.source().fileBytesRead(), mContext.source().fileSize()))
                throw ImportCancelled();
        }
    });
    Handler handler(visitor, input, mStopped, mContext.displayName());
    const bool ok = nlohmann::json::sax_parse(input.begin(), input.end(), &handler);
    if (ok || !handler.failed) {
        if (handler.deferred)
            std::rethrow_exception(handler.deferred);
        return; // the whole document, or stopped by the visitor
    }
    const JsonPlace at = input.placeOf(handler.errorByte);
    if (!input.sawContent())
        mContext.fail(1, 1, "empty file: expected a JSON document");
    if (const auto bad = input.encodingError())
        mContext.fail(bad->line, clampColumn(bad->column), "wrong encoding: the JSON text is not UTF-8");
    mContext.fail(at.line, clampColumn(at.column),
                  handler.errorMessage.empty() ? "invalid JSON" : handler.errorMessage);
}

bool JsonStream::rereadable(ImportContext &context)
{
    std::error_code ec;
    return !context.source().inMemory() && std::filesystem::is_regular_file(context.source().path(), ec);
}

std::optional<JsonValue> JsonStream::rootMember(ImportContext &context, std::string_view key)
{
    class Finder : public Visitor
    {
    public:
        Finder(JsonStream &stream, std::string_view key)
            : mStream(stream)
            , mKey(key)
        {}
        std::optional<JsonValue> found;

        Take begin(const Path &path, JsonValue::Type type, const JsonPlace &) override
        {
            if (path.empty()) {
                if (type == JsonValue::Type::Object)
                    return Take::Enter;
                mStream.stop();
                return Take::Skip;
            }
            return path.size() == 1 && path[0].is(mKey) ? Take::Collect : Take::Skip;
        }
        void value(const Path &path, JsonValue &v) override
        {
            if (!path.empty()) {
                found = std::move(v);
                mStream.stop();
            }
        }

    private:
        JsonStream &mStream;
        std::string_view mKey;
    };
    ByteSource again(context.source().path(), context.source().limits());
    JsonStream stream(context, again);
    Finder finder(stream, key);
    stream.run(finder);
    return std::move(finder.found);
}

} // namespace cs
