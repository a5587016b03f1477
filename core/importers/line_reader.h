#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace cs {

class ByteSource;

// Splits a ByteSource into lines without copying them: a view into a 4 MiB buffer, valid until the next call.
// Handles LF and CRLF ends and a last line without a newline (which truncated() then reports).
class LineReader
{
public:
    explicit LineReader(ByteSource &source, std::size_t maxLine = 1 << 20);

    bool next(std::string_view &line);
    long long lineNumber() const { return mLine; }
    // The line just returned had no newline after it (the file ends there).
    bool lastLineUnterminated() const { return mUnterminated; }

private:
    bool fill();

    ByteSource &mSource;
    std::size_t mMaxLine;
    std::unique_ptr<char[]> mBuffer;
    std::size_t mCapacity;
    std::size_t mBegin = 0;
    std::size_t mEnd = 0;
    bool mEof = false;
    bool mUnterminated = false;
    long long mLine = 0;
};

} // namespace cs
