#include "line_reader.h"

#include "byte_source.h"
#include "parse_error.h"

#include <algorithm>
#include <cstring>

namespace cs {

LineReader::LineReader(ByteSource &source, std::size_t maxLine)
    : mSource(source)
    , mMaxLine(maxLine)
    , mCapacity(source.bufferSize(4 << 20)) // a line longer than the buffer grows it up to maxLine
{
    mBuffer.reset(new char[mCapacity + padding]()); // zeroed: the padding is read, never garbage
}

bool LineReader::fill()
{
    if (mEof)
        return false;
    if (mBegin > 0) {
        std::memmove(mBuffer.get(), mBuffer.get() + mBegin, mEnd - mBegin);
        mEnd -= mBegin;
        mBegin = 0;
    }
    const std::size_t got = mSource.read(mBuffer.get() + mEnd, mCapacity - mEnd);
    if (got == 0) {
        mEof = true;
        return false;
    }
    mEnd += got;
    return true;
}

std::string_view LineReader::bufferedLines() const
{
    const char *b = mBuffer.get() + mBegin;
    std::size_t n = mEnd - mBegin;
    while (n > 0 && b[n - 1] != '\n') {
        // memrchr is a GNU extension; the tail after the last newline is one partial line, short to walk.
        --n;
    }
    return std::string_view(b, n);
}

void LineReader::consume(std::size_t bytes, long long lines)
{
    mBegin += bytes;
    mLine += lines;
}

void LineReader::tooLong(long long line) const
{
    throw ParseError(mSource.path(), static_cast<int>(line), 1,
                     "line longer than " + std::to_string(mMaxLine) + " bytes (not a line-based text file?)");
}

bool LineReader::fillMore()
{
    // The bytes after the last whole line are one line that has no end yet: no longer than the limit.
    if (mEnd - mBegin - bufferedLines().size() > mMaxLine)
        tooLong(mLine + 1 + std::count(mBuffer.get() + mBegin, mBuffer.get() + mEnd, '\n'));
    if (mBegin == 0 && mEnd == mCapacity) {
        if (mCapacity >= mMaxLine + 1)
            tooLong(mLine + 1);
        const std::size_t bigger = std::min(mCapacity * 2, mMaxLine + 1);
        std::unique_ptr<char[]> grown(new char[bigger + padding]());
        std::memcpy(grown.get(), mBuffer.get(), mEnd);
        mBuffer = std::move(grown);
        mCapacity = bigger;
    }
    return fill();
}

bool LineReader::next(std::string_view &line)
{
    std::size_t scanFrom = mBegin;
    for (;;) {
        const char *start = mBuffer.get() + scanFrom;
        const auto *nl = static_cast<const char *>(std::memchr(start, '\n', mEnd - scanFrom));
        if (nl) {
            const std::size_t lineEnd = static_cast<std::size_t>(nl - mBuffer.get());
            std::size_t len = lineEnd - mBegin;
            if (len > 0 && mBuffer[lineEnd - 1] == '\r')
                --len;
            line = std::string_view(mBuffer.get() + mBegin, len);
            mBegin = lineEnd + 1;
            ++mLine;
            mUnterminated = false;
            return true;
        }
        if (mBegin == 0 && mEnd == mCapacity && mCapacity < mMaxLine + 1) {
            // The line does not fit: grow (rare; small buffers only).
            const std::size_t bigger = std::min(mCapacity * 2, mMaxLine + 1);
            std::unique_ptr<char[]> grown(new char[bigger + padding]());
            std::memcpy(grown.get(), mBuffer.get(), mEnd);
            mBuffer = std::move(grown);
            mCapacity = bigger;
        }
        if (mEnd - mBegin > mMaxLine)
            tooLong(mLine + 1);
        const std::size_t pending = mEnd - mBegin;
        if (!fill()) {
            if (pending == 0)
                return false;
            std::size_t len = pending;
            if (mBuffer[mBegin + len - 1] == '\r')
                --len;
            line = std::string_view(mBuffer.get() + mBegin, len);
            mBegin = mEnd;
            ++mLine;
            mUnterminated = true;
            return true;
        }
        scanFrom = mBegin + pending;
    }
}

} // namespace cs
