#include "source_streambuf.h"

#include "byte_source.h"

#include <algorithm>

namespace cs {

namespace {
// 256 KiB for large or compressed files; a small plain file gets a buffer its size (the fuzzers read millions).
std::size_t bufferSize(const ByteSource &source)
{
    constexpr std::size_t big = 1 << 18;
    if (source.compression() != ByteSource::Compression::None || source.fileSize() >= big)
        return big;
    return std::max<std::size_t>(4096, static_cast<std::size_t>(source.fileSize()) + 1);
}
}

SourceStreambuf::SourceStreambuf(ByteSource &source)
    : mSource(source)
    , mSize(bufferSize(source))
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
    setg(mBuffer.get(), mBuffer.get(), mBuffer.get() + got);
    return traits_type::to_int_type(*gptr());
}

} // namespace cs
