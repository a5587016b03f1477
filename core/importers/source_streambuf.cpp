#include "source_streambuf.h"

#include "byte_source.h"
#include "import_limits.h"
#include "parse_error.h"

#include <algorithm>
#include <climits>
#include <cstring>

namespace cs {

SourceStreambuf::SourceStreambuf(ByteSource &source, std::string displayName)
    : mSource(source)
    , mName(std::move(displayName))
    , mSize(source.bufferSize(1 << 18))
    , mBuffer(new char[mSize])
{
    setg(mBuffer.get(), mBuffer.get(), mBuffer.get());
}

SourceStreambuf::int_type SourceStreambuf::underflow()
{
    if (gptr() < egptr())
        return traits_type::to_int_type(*gptr());
    const std::size_t got = mSource.read(mBuffer.get(), mSize);
    if (got == 0)
        return traits_type::eof();
    checkLines(mBuffer.get(), got);
    setg(mBuffer.get(), mBuffer.get(), mBuffer.get() + got);
    return traits_type::to_int_type(*gptr());
}

// Runs over each chunk before the reader sees it, so that the reader never holds more than one chunk past a limit.
void SourceStreambuf::checkLines(const char *p, std::size_t n)
{
    const char *const end = p + n;
    while (p < end) {
        const auto *nl = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char *const stop = nl ? nl : end;
        mLineBytes += static_cast<std::size_t>(stop - p);
        if (mLineBytes > importlimits::maxLineBytes)
            refuse(1, "line longer than " + std::to_string(importlimits::maxLineBytes) + " bytes (not a CSV file?)");
        // Any of the delimiters counts (which one the file uses is not known yet). Counted in a loop the compiler
        // vectorises; only a line past the limit is walked again, to say where the field past it starts.
        // Locals, not members: a store through `this` could alias the chars read, and would stop that.
        std::size_t commas = 0, semicolons = 0, tabs = 0, chars = 0;
        for (const char *q = p; q < stop; ++q) {
            commas += *q == ',';
            semicolons += *q == ';';
            tabs += *q == '\t';
            chars += (static_cast<unsigned char>(*q) & 0xC0) != 0x80;
        }
        if (std::max({mCommas + commas, mSemicolons + semicolons, mTabs + tabs}) >= importlimits::maxFieldsPerRow)
            refuse(fieldPastLimit(p, stop, mCommas, mSemicolons, mTabs), "more than "
                   + std::to_string(importlimits::maxFieldsPerRow) + " fields in one line");
        mCommas += commas;
        mSemicolons += semicolons;
        mTabs += tabs;
        mLineChars += chars;
        if (!nl)
            return;
        ++mLine;
        mLineBytes = mLineChars = mCommas = mSemicolons = mTabs = 0;
        p = nl + 1;
    }
}

std::size_t SourceStreambuf::fieldPastLimit(const char *p, const char *stop, std::size_t commas,
                                            std::size_t semicolons, std::size_t tabs) const
{
    std::size_t column = mLineChars;
    for (const char *q = p; q < stop; ++q) {
        column += (static_cast<unsigned char>(*q) & 0xC0) != 0x80;
        const std::size_t n = *q == ',' ? ++commas : *q == ';' ? ++semicolons : *q == '\t' ? ++tabs : 0;
        if (n >= importlimits::maxFieldsPerRow)
            return column + 1;
    }
    return column + 1;
}

void SourceStreambuf::refuse(std::size_t column, const std::string &message)
{
    mOverLimit = true;
    throw ParseError(mName, mLine > INT_MAX ? INT_MAX : static_cast<int>(mLine),
                     column > INT_MAX ? INT_MAX : static_cast<int>(column), message);
}

} // namespace cs
