#pragma once

#include "json_value.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>

namespace cs {

class ByteSource;

// The import's bytes for nlohmann's JSON lexer, read from the ByteSource a chunk at a time (memory stays flat
// whatever the file size). As each byte is handed out it keeps, incrementally, what a streaming importer needs
// to name exact places without the whole text: the line and column, where the latest string, number/literal
// and '{'/'[' began (a small mirror of the lexer's token boundaries), and whether the bytes are UTF-8.
class JsonInput
{
public:
    // `refilled` runs after each chunk is read: progress and cancel (it may throw to stop the import).
    JsonInput(ByteSource &source, std::function<void()> refilled);
    ~JsonInput();
    JsonInput(const JsonInput &) = delete;
    JsonInput &operator=(const JsonInput &) = delete;

    // An input iterator over the bytes, as nlohmann's iterator input adapter reads them (compare with end(),
    // dereference, advance). Copies share the one reading position.
    class Iterator
    {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = char;
        using difference_type = std::ptrdiff_t;
        using pointer = const char *;
        using reference = char;

        Iterator() = default;
        explicit Iterator(JsonInput *input) : mIn(input) {}
        char operator*() const { return static_cast<char>(*mIn->mPos); }
        Iterator &operator++()
        {
            mIn->take(*mIn->mPos++);
            return *this;
        }
        bool operator==(const Iterator &other) const { return done() == other.done(); }
        bool operator!=(const Iterator &other) const { return !(*this == other); }

    private:
        bool done() const { return !mIn || (mIn->mPos == mIn->mEnd && !mIn->refill()); }
        JsonInput *mIn = nullptr;
    };
    Iterator begin() { return Iterator(this); }
    Iterator end() { return Iterator(); }

    // Where the latest string (its opening quote), number or literal, and '{' or '[' began.
    const JsonPlace &stringStart() const { return mStringStart; }
    const JsonPlace &runStart() const { return mRunStart; }
    const JsonPlace &openStart() const { return mOpenStart; }
    // The place of the byte at `offset` (0-based, as nlohmann counts), which must be one of the last few read;
    // an offset at or past the end gives the place just after the last byte.
    JsonPlace placeOf(std::uint64_t offset) const;
    // Whether anything but white space has been read.
    bool sawContent() const { return mContent; }
    // After a parse error: where the first byte sequence that is not UTF-8 starts, if the file has one
    // (reading on to its end).
    std::optional<JsonPlace> encodingError();

private:
    bool refill();
    void take(unsigned char c)
    {
        const JsonPlace here = mHere;
        mRing[mTaken++ & 3] = here;
        if (c < 0x80) {
            if (mUtfNeed) [[unlikely]]
                utf8Cut();
            if (c == '\n') {
                ++mHere.line;
                mHere.column = 1;
            } else {
                ++mHere.column;
            }
            if (mInString) {
                if (mEscape)
                    mEscape = false;
                else if (c == '\\')
                    mEscape = true;
                else if (c == '"')
                    mInString = false;
                return;
            }
            switch (c) {
            case ' ': case '\t': case '\n': case '\r':
                mInRun = false;
                return;
            case '"':
                mInString = true;
                mStringStart = here;
                break;
            case '{': case '[':
                mOpenStart = here;
                break;
            case '}': case ']': case ',': case ':':
                break;
            default:
                mContent = true;
                if (!mInRun) {
                    mInRun = true;
                    mRunStart = here;
                }
                return;
            }
            mContent = true;
            mInRun = false;
            return;
        }
        if ((c & 0xC0) != 0x80)
            ++mHere.column;
        utf8(c, here);
        if (!mInString && !mInRun) { // outside a string nlohmann refuses it; where it starts is enough
            mContent = true;
            mInRun = true;
            mRunStart = here;
        }
    }
    void utf8(unsigned char c, const JsonPlace &here);
    void utf8Cut();

    ByteSource &mSource;
    std::function<void()> mRefilled;
    std::unique_ptr<unsigned char[]> mBuffer;
    const unsigned char *mPos = nullptr;
    const unsigned char *mEnd = nullptr;
    bool mEof = false;

    std::uint64_t mTaken = 0;   // bytes handed out
    JsonPlace mHere;            // the place of the next byte
    JsonPlace mRing[4];         // the places of the last bytes handed out, by offset % 4
    bool mContent = false;
    bool mInString = false;
    bool mEscape = false;
    bool mInRun = false;
    JsonPlace mStringStart, mRunStart, mOpenStart;

    int mUtfNeed = 0;           // continuation bytes still expected
    int mUtfLength = 0;
    unsigned mUtfCode = 0;
    JsonPlace mUtfLead;
    std::optional<JsonPlace> mUtfBad;
};

} // namespace cs
