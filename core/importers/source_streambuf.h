#pragma once

#include <memory>
#include <streambuf>
#include <string>

namespace cs {

class ByteSource;

// An std::streambuf over a ByteSource, so that core's CsvReader (an istream reader) reads compressed files too.
// It also keeps the reader's memory bounded: a line longer than importlimits::maxLineBytes, or with more than
// importlimits::maxFieldsPerRow separators, throws ParseError (file:line:1) before the reader collects it.
class SourceStreambuf : public std::streambuf
{
public:
    SourceStreambuf(ByteSource &source, std::string displayName);

    // A limit was passed (the ParseError thrown through the stream is about the input, not one bad row).
    bool overLimit() const { return mOverLimit; }

protected:
    int_type underflow() override;

private:
    void checkLines(const char *p, std::size_t n);
    [[noreturn]] void refuse(std::size_t column, const std::string &message);
    // The column (in characters) where the field past the limit starts, on a segment that passes the limit after
    // the line's earlier segments held `commas`, `semicolons` and `tabs`.
    std::size_t fieldPastLimit(const char *p, const char *stop, std::size_t commas, std::size_t semicolons,
                               std::size_t tabs) const;

    ByteSource &mSource;
    std::string mName;
    std::size_t mSize;
    std::unique_ptr<char[]> mBuffer;
    long long mLine = 1;          // the line the next byte belongs to
    std::size_t mLineBytes = 0;   // bytes of that line so far
    std::size_t mLineChars = 0;   // characters of that line so far
    std::size_t mCommas = 0, mSemicolons = 0, mTabs = 0;
    bool mOverLimit = false;
};

} // namespace cs
