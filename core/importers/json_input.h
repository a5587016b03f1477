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
// whatever the file size). It keeps, incrementally, what a streaming importer needs to name exact places without
// the whole text: the line and column, where the latest string, number/literal and '{'/'[' began (a small mirror
// of the lexer's token boundaries), and whether the bytes are UTF-8. The bytes handed out are tracked in a tight
// loop when a place is asked for (sync()) or before the chunk is replaced, not one by one as the lexer reads.
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
            ++mIn->mPos;
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

    // Brings the places up to the bytes handed out so far; call before reading them.
    void sync()
    {
        if (mScan != mPos)
            track(mScan, mPos);
    }
    // Where the latest string (its opening quote), number or literal, and '{' or '[' began.
    const JsonPlace &stringStart() const { return mStringStart; }
    const JsonPlace &runStart() const { return mRunStart; }
    const JsonPlace &openStart() const { return mOpenStart; }
    // The place of the byte at `offset` (0-based, as nlohmann counts), which must be one of the last few read;
    // an offset at or past the end gives the place just after the last byte.
    JsonPlace placeOf(std::uint64_t offset);
    // Whether anything but white space has been read.
    bool sawContent()
    {
        sync();
        return mContent;
    }
    // After a parse error: where the first byte sequence that is not UTF-8 starts, if the file has one
    // (reading on to its end).
    std::optional<JsonPlace> encodingError();

private:
    bool refill();
    void track(const unsigned char *from, const unsigned char *to);
    void trackRange(const unsigned char *from, const unsigned char *to, bool ring);
    void utf8(unsigned char c, const JsonPlace &here);
    void utf8Cut();
    // The file offset of a byte of the buffer.
    std::uint64_t offsetOf(const unsigned char *p) const
    {
        return mBufferOffset + static_cast<std::uint64_t>(p - mBuffer.get());
    }

    ByteSource &mSource;
    std::function<void()> mRefilled;
    std::size_t mChunkBytes;
    std::unique_ptr<unsigned char[]> mBuffer;
    const unsigned char *mPos = nullptr;   // the next byte for the lexer
    const unsigned char *mEnd = nullptr;
    const unsigned char *mScan = nullptr;  // the next byte to track
    std::uint64_t mBufferOffset = 0;       // the file offset of mBuffer[0]
    bool mEof = false;

    JsonPlace mHere;            // the place of the next byte to track
    JsonPlace mRing[4];         // the places of the last bytes tracked, by offset % 4
    bool mContent = false;
    bool mInString = false;
    bool mEscape = false;
    bool mInRun = false;
    JsonPlace mStringStart, mRunStart, mOpenStart;
    std::uint64_t mTokenOffset = 0; // where the string or run being read began

    int mUtfNeed = 0;           // continuation bytes still expected
    int mUtfLength = 0;
    unsigned mUtfCode = 0;
    JsonPlace mUtfLead;
    std::optional<JsonPlace> mUtfBad;
};

} // namespace cs
