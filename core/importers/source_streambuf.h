#pragma once

#include <memory>
#include <streambuf>

namespace cs {

class ByteSource;

// An std::streambuf over a ByteSource, so that core's CsvReader (an istream reader) reads compressed files too.
class SourceStreambuf : public std::streambuf
{
public:
    explicit SourceStreambuf(ByteSource &source);

protected:
    int_type underflow() override;

private:
    ByteSource &mSource;
    std::size_t mSize;
    std::unique_ptr<char[]> mBuffer;
};

} // namespace cs
