#include "source_streambuf.h"

#include "byte_source.h"

namespace cs {

namespace {
constexpr std::size_t bufferSize = 1 << 18;
}

SourceStreambuf::SourceStreambuf(ByteSource &source)
    : mSource(source)
    , mBuffer(new char[bufferSize])
{
    setg(mBuffer.get(), mBuffer.get(), mBuffer.get());
}

SourceStreambuf::int_type SourceStreambuf::underflow()
{
    if (gptr() < egptr())
        return traits_type::to_int_type(*gptr());
    const std::size_t got = mSource.read(mBuffer.get(), bufferSize);
    if (got == 0)
        return traits_type::eof();
    setg(mBuffer.get(), mBuffer.get(), mBuffer.get() + got);
    return traits_type::to_int_type(*gptr());
}

} // namespace cs
