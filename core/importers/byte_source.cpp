#include "byte_source.h"

#include "import_limits.h"
#include "parse_error.h"

#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace cs {

namespace {
constexpr std::size_t inputChunk = 1 << 20;
}

struct ByteSource::Codec
{
    z_stream z{};
    bool zInit = false;
    ZSTD_DStream *zstd = nullptr;
    ~Codec()
    {
        if (zInit)
            inflateEnd(&z);
        if (zstd)
            ZSTD_freeDStream(zstd);
    }
};

ByteSource::ByteSource(const std::string &path, Limits limits)
    : mPath(path)
    , mLimits(limits)
    , mCodec(std::make_unique<Codec>())
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path + ": is a folder, not a file");
    mFile = std::fopen(path.c_str(), "rb");
    if (!mFile)
        throw ParseError(path, 0, 0, std::string("cannot open the file (") + std::strerror(errno) + ")");
    const auto size = std::filesystem::file_size(path, ec);
    mFileSize = ec ? 0 : static_cast<std::uint64_t>(size);
    start();
}

ByteSource::ByteSource(std::string_view bytes, const std::string &displayName, Limits limits)
    : mPath(displayName)
    , mLimits(limits)
    , mMemory(bytes)
    , mCodec(std::make_unique<Codec>())
{
    mFileSize = bytes.size();
    start();
}

std::size_t ByteSource::bufferSize(std::size_t big) const
{
    if (mCompression != Compression::None || mFileSize >= big)
        return big;
    return std::max<std::size_t>(4096, static_cast<std::size_t>(mFileSize) + 1);
}

std::size_t ByteSource::fetch(char *buffer, std::size_t n)
{
    if (!mFile) {
        const std::size_t take = std::min(n, mMemory.size());
        std::copy_n(mMemory.data(), take, buffer);
        mMemory.remove_prefix(take);
        return take;
    }
    const std::size_t got = std::fread(buffer, 1, n, mFile);
    if (got == 0 && std::ferror(mFile))
        throw InputError(mPath + ": read error: " + std::strerror(errno));
    return got;
}

void ByteSource::start()
{
    // A small file gets a small buffer (the fuzzers open small files by the million).
    mChunk = bufferSize(inputChunk); // the compression is not known yet: the file's own size counts
    mIn.reset(new char[mChunk]);
    refill();
    const auto *b = reinterpret_cast<const unsigned char *>(mIn.get());
    if (mInLen >= 4 && b[0] == 0x28 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD) {
        mCompression = Compression::Zstd;
        mCodec->zstd = ZSTD_createDStream();
        ZSTD_initDStream(mCodec->zstd);
        // A frame may ask for a window of up to 2 GiB, allocated as it fills: bounded here.
        ZSTD_DCtx_setParameter(mCodec->zstd, ZSTD_d_windowLogMax, importlimits::maxZstdWindowLog);
    } else if (mInLen >= 2 && b[0] == 0x1F && b[1] == 0x8B) {
        mCompression = Compression::Gzip;
        // 15 + 32: zlib or gzip header, detected.
        if (inflateInit2(&mCodec->z, 15 + 32) != Z_OK)
            throw InputError(mPath + ": cannot start the gzip decoder");
        mCodec->zInit = true;
    }
}

ByteSource::~ByteSource()
{
    if (mFile)
        std::fclose(mFile);
}

bool ByteSource::refill()
{
    if (mEof)
        return false;
    if (mInPos < mInLen)
        return true;
    mInLen = fetch(mIn.get(), mChunk);
    mInPos = 0;
    if (mInLen == 0) {
        mEof = true;
        return false;
    }
    mFileRead += mInLen;
    return true;
}

std::size_t ByteSource::read(char *buffer, std::size_t n)
{
    switch (mCompression) {
    case Compression::Gzip: {
        const std::size_t got = readGzip(buffer, n);
        inflated(got);
        return got;
    }
    case Compression::Zstd: {
        const std::size_t got = readZstd(buffer, n);
        inflated(got);
        return got;
    }
    case Compression::None: break;
    }
    return readRaw(buffer, n);
}

void ByteSource::inflated(std::size_t produced)
{
    mOut += produced;
    if (mOut > mLimits.maxBytes)
        throw InputError(mPath + ": decompresses to more than " + std::to_string(mLimits.maxBytes)
                         + " bytes (the limit on a compressed file's size once decompressed)");
    if (mOut <= importlimits::decompressionRatioGraceBytes)
        return;
    // The compressed bytes the decoder has taken (the rest of the last read still waits in mIn).
    const std::uint64_t consumed = std::max<std::uint64_t>(1, mFileRead - (mInLen - mInPos));
    const double ratio = static_cast<double>(mOut) / static_cast<double>(consumed);
    if (ratio > mLimits.maxRatio)
        throw InputError(mPath + ": decompresses to " + std::to_string(static_cast<long long>(ratio))
                         + " bytes per compressed byte (" + std::to_string(mOut) + " bytes from "
                         + std::to_string(consumed) + "), more than the limit of "
                         + std::to_string(static_cast<long long>(mLimits.maxRatio))
                         + ": a decompression bomb? (no trace compresses that well)");
}

std::size_t ByteSource::readRaw(char *buffer, std::size_t n)
{
    // Large reads of a plain file go straight into the caller's buffer (one copy fewer).
    if (mInPos == mInLen && n >= inputChunk && !mEof) {
        const std::size_t got = fetch(buffer, n);
        if (got == 0)
            mEof = true;
        mFileRead += got;
        return got;
    }
    std::size_t done = 0;
    while (done < n && refill()) {
        const std::size_t take = std::min(n - done, mInLen - mInPos);
        std::memcpy(buffer + done, mIn.get() + mInPos, take);
        mInPos += take;
        done += take;
    }
    return done;
}

std::size_t ByteSource::readGzip(char *buffer, std::size_t n)
{
    z_stream &z = mCodec->z;
    z.next_out = reinterpret_cast<Bytef *>(buffer);
    z.avail_out = static_cast<uInt>(n);
    while (z.avail_out > 0) {
        if (!refill()) {
            if (!mStreamEnded)
                throw InputError(mPath + ": truncated gzip data (the file ends inside a compressed block)");
            break;
        }
        if (mStreamEnded) {
            // Concatenated gzip members are one stream (as gzip -d reads them).
            inflateReset(&z);
            mStreamEnded = false;
        }
        z.next_in = reinterpret_cast<Bytef *>(mIn.get() + mInPos);
        z.avail_in = static_cast<uInt>(mInLen - mInPos);
        const int rc = inflate(&z, Z_NO_FLUSH);
        mInPos = mInLen - z.avail_in;
        if (rc == Z_STREAM_END)
            mStreamEnded = true;
        else if (rc != Z_OK && rc != Z_BUF_ERROR)
            throw InputError(mPath + ": damaged gzip data (" + (z.msg ? z.msg : "inflate failed") + ")");
    }
    return n - z.avail_out;
}

std::size_t ByteSource::readZstd(char *buffer, std::size_t n)
{
    ZSTD_outBuffer out{buffer, n, 0};
    while (out.pos < out.size) {
        if (!refill()) {
            // At the end of the file: a finished frame ends the stream; otherwise let the decoder flush what it
            // holds, and a frame left open means the file was cut short.
            if (mStreamEnded)
                break;
            const std::size_t before = out.pos;
            ZSTD_inBuffer in{nullptr, 0, 0};
            const std::size_t rc = ZSTD_decompressStream(mCodec->zstd, &out, &in);
            if (ZSTD_isError(rc))
                throw InputError(mPath + ": damaged zstd data (" + ZSTD_getErrorName(rc) + ")");
            mStreamEnded = rc == 0;
            if (out.pos == before && !mStreamEnded)
                throw InputError(mPath + ": truncated zstd data (the file ends inside a frame)");
            continue;
        }
        ZSTD_inBuffer in{mIn.get() + mInPos, mInLen - mInPos, 0};
        const std::size_t rc = ZSTD_decompressStream(mCodec->zstd, &out, &in);
        mInPos += in.pos;
        if (ZSTD_getErrorCode(rc) == ZSTD_error_frameParameter_windowTooLarge)
            throw InputError(mPath + ": a zstd frame that needs a window larger than "
                             + std::to_string((1 << importlimits::maxZstdWindowLog) >> 20)
                             + " MiB to decompress (compressed with --long or --ultra?); recompress it with "
                               "zstd -19 or lower");
        if (ZSTD_isError(rc))
            throw InputError(mPath + ": damaged zstd data (" + ZSTD_getErrorName(rc) + ")");
        mStreamEnded = rc == 0;
    }
    return out.pos;
}

} // namespace cs
