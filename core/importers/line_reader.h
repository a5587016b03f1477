#pragma once

#include "import_limits.h"

#include <memory>
#include <string>
#include <string_view>

namespace cs {

class ByteSource;

// Splits a ByteSource into lines without copying them: a view into a 4 MiB buffer, valid until the next call.
// Handles LF and CRLF ends and a last line without a newline (which truncated() then reports). A line longer than
// maxLine is refused (ParseError "line longer than N bytes") before more of it is read.
class LineReader
{
public:
    explicit LineReader(ByteSource &source, std::size_t maxLine = importlimits::maxLineBytes);

    // Bytes past the buffered text that stay readable (zeros or stale text), so that a vector scan may load a
    // whole block from the start of the last line without a bounds check.
    static constexpr std::size_t padding = 64;

    bool next(std::string_view &line);

    // For a hot loop that scans lines in place: the buffered text up to and including its last '\n' (empty when
    // no whole line is buffered), then consume() what was used, and fillMore() to read on. next() and these mix.
    std::string_view bufferedLines() const;
    void consume(std::size_t bytes, long long lines);
    // Reads more into the buffer (growing it for a long line); false at the end of the input.
    bool fillMore();
    // Throws the ParseError for line `line` being longer than the limit.
    [[noreturn]] void tooLong(long long line) const;
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
