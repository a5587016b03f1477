#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

namespace cs {

// How far a compressed file may inflate (ImportOptions::maxDecompressedBytes and maxDecompressionRatio).
struct DecompressionLimits
{
    std::uint64_t maxBytes = std::uint64_t(64) << 30;
    double maxRatio = 1000;
};

// A file's bytes, decompressed on the fly where it is zstd or gzip (told from its first bytes, not its name).
// Reads in chunks: memory stays flat whatever the file size. Progress is counted in bytes of the file itself.
class ByteSource
{
public:
    enum class Compression { None, Gzip, Zstd };

    using Limits = DecompressionLimits;

    // Throws ParseError naming the file where it cannot be opened (InputError for a folder).
    explicit ByteSource(const std::string &path, Limits limits = {});
    // Bytes in memory (kept by the caller while this reads them), named `displayName` in messages.
    ByteSource(std::string_view bytes, const std::string &displayName, Limits limits = {});
    ~ByteSource();
    ByteSource(const ByteSource &) = delete;
    ByteSource &operator=(const ByteSource &) = delete;

    // Up to n decompressed bytes; 0 at the end. Throws InputError for truncated or damaged compressed data.
    std::size_t read(char *buffer, std::size_t n);

    std::uint64_t fileBytesRead() const { return mFileRead; }
    std::uint64_t fileSize() const { return mFileSize; }
    Compression compression() const { return mCompression; }
    const std::string &path() const { return mPath; }
    bool inMemory() const { return !mFile; } // read from bytes in memory: path() is only a name
    // A reader's buffer for this source: `big` for a large or compressed file, else the file's size and one
    // byte more (at least 4 KiB), so that the fuzzers' millions of tiny files do not each zero a big buffer.
    std::size_t bufferSize(std::size_t big) const;
    const Limits &limits() const { return mLimits; }
    // Decompressed bytes handed out so far.
    std::uint64_t bytesOut() const { return mOut; }

private:
    void start(); // the first chunk, and the compression it shows
    std::size_t fetch(char *buffer, std::size_t n); // the file's or the memory's next bytes
    std::size_t readRaw(char *buffer, std::size_t n);
    std::size_t readGzip(char *buffer, std::size_t n);
    std::size_t readZstd(char *buffer, std::size_t n);
    bool refill();
    // Counts `produced` decompressed bytes; throws InputError past the limits.
    void inflated(std::size_t produced);

    std::string mPath;
    Limits mLimits;
    std::uint64_t mOut = 0;
    std::FILE *mFile = nullptr;  // nullptr: the bytes are mMemory
    std::string_view mMemory;
    std::uint64_t mFileSize = 0;
    std::uint64_t mFileRead = 0;
    Compression mCompression = Compression::None;
    // Compressed input waiting for the decoder.
    std::unique_ptr<char[]> mIn;
    std::size_t mChunk = 0;
    std::size_t mInPos = 0;
    std::size_t mInLen = 0;
    bool mEof = false;
    bool mStreamEnded = false;
    struct Codec;
    std::unique_ptr<Codec> mCodec;
};

} // namespace cs
