#include "json_input.h"

#include "byte_source.h"
#include "import_limits.h"
#include "parse_error.h"

#include <algorithm>
#include <climits>
#include <string>

namespace cs {

namespace {
// 256 KiB for large or compressed files; a small plain file gets a buffer its size (the fuzzers read millions).
std::size_t chunkSize(const ByteSource &source)
{
    constexpr std::size_t big = std::size_t(1) << 18;
    if (source.compression() != ByteSource::Compression::None || source.fileSize() >= big)
        return big;
    return std::max<std::size_t>(4096, static_cast<std::size_t>(source.fileSize()) + 1);
}
}

JsonInput::JsonInput(ByteSource &source, std::function<void()> refilled)
    : mSource(source)
    , mRefilled(std::move(refilled))
    , mChunkBytes(chunkSize(source))
    , mBuffer(new unsigned char[mChunkBytes])
{
    mPos = mEnd = mScan = mBuffer.get();
}

JsonInput::~JsonInput() = default;

bool JsonInput::refill()
{
    if (mEof)
        return false;
    sync(); // the chunk's last bytes, before it is replaced
    const std::size_t got = mSource.read(reinterpret_cast<char *>(mBuffer.get()), mChunkBytes);
    if (mRefilled)
        mRefilled();
    mBufferOffset += static_cast<std::uint64_t>(mEnd - mBuffer.get());
    mPos = mEnd = mScan = mBuffer.get();
    if (got == 0) {
        mEof = true;
        if (mUtfNeed)
            utf8Cut(); // the file ends inside a sequence
        return false;
    }
    mEnd = mPos + got;
    return true;
}

void JsonInput::track(const unsigned char *from, const unsigned char *to)
{
    // The last three bytes also record their places, for placeOf() (nlohmann reports an error at most two
    // bytes behind the last it read).
    const unsigned char *ringFrom = to - from > 3 ? to - 3 : from;
    trackRange(from, ringFrom, false);
    trackRange(ringFrom, to, true);
    mScan = to;
}

void JsonInput::trackRange(const unsigned char *p, const unsigned char *to, bool ring)
{
    JsonPlace here = mHere;
    bool inString = mInString, escape = mEscape, inRun = mInRun, content = mContent;
    while (p < to) {
        const unsigned char c = *p;
        if (!ring && mUtfNeed == 0 && !escape) {
            // Runs that change nothing but the column, in one tight loop: the plain characters of a string,
            // and spaces (a pretty-printed file is half indentation).
            const auto plain = [](unsigned char b) { return b >= 0x20 && b < 0x80 && b != '"' && b != '\\'; };
            if (inString ? plain(c) : c == ' ') {
                const unsigned char *q = p + 1;
                if (inString)
                    while (q < to && plain(*q))
                        ++q;
                else
                    while (q < to && *q == ' ')
                        ++q;
                here.column += q - p;
                inRun = inRun && inString;
                p = q;
                continue;
            }
        }
        if (ring)
            mRing[(mBufferOffset + static_cast<std::uint64_t>(p - mBuffer.get())) & 3] = here;
        ++p;
        if (c >= 0x80) {
            utf8(c, here);
            if (!inString && !inRun) { // outside a string nlohmann refuses it; where it starts is enough
                content = inRun = true;
                mRunStart = here;
                mTokenOffset = offsetOf(p - 1);
            }
            if ((c & 0xC0) != 0x80)
                ++here.column;
            continue;
        }
        if (mUtfNeed)
            utf8Cut();
        const JsonPlace at = here;
        if (c == '\n') {
            ++here.line;
            here.column = 1;
        } else {
            ++here.column;
        }
        if (inString) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case ' ': case '\t': case '\n': case '\r':
            inRun = false;
            continue;
        case '"':
            inString = true;
            mStringStart = at;
            mTokenOffset = offsetOf(p - 1);
            break;
        case '{': case '[':
            mOpenStart = at;
            break;
        case '}': case ']': case ',': case ':':
            break;
        default:
            if (!inRun) {
                inRun = true;
                mRunStart = at;
                mTokenOffset = offsetOf(p - 1);
            }
            content = true;
            continue;
        }
        content = true;
        inRun = false;
    }
    mHere = here;
    mInString = inString;
    mEscape = escape;
    mInRun = inRun;
    mContent = content;
    // nlohmann's lexer holds the whole token it reads: a string or number may not grow past the limit (checked at
    // least once a chunk, so the lexer holds at most the limit and a chunk).
    if ((inString || inRun) && offsetOf(to) - mTokenOffset > importlimits::maxJsonTokenBytes) {
        const JsonPlace &at = inString ? mStringStart : mRunStart;
        throw ParseError(mSource.path(), at.line > INT_MAX ? INT_MAX : static_cast<int>(at.line),
                         at.column > INT_MAX ? INT_MAX : static_cast<int>(at.column),
                         std::string(inString ? "a JSON string" : "a JSON number or literal") + " longer than "
                             + std::to_string(importlimits::maxJsonTokenBytes) + " bytes");
    }
}

JsonPlace JsonInput::placeOf(std::uint64_t offset)
{
    sync();
    const std::uint64_t tracked = mBufferOffset + static_cast<std::uint64_t>(mScan - mBuffer.get());
    if (offset >= tracked || tracked - offset > 3)
        return mHere;
    return mRing[offset & 3];
}

// As importtext::invalidUtf8: a sequence is bad from its first byte, where it is cut short, overlong, a
// surrogate or past U+10FFFF.
void JsonInput::utf8(unsigned char c, const JsonPlace &here)
{
    if (mUtfNeed) {
        if ((c & 0xC0) == 0x80) {
            mUtfCode = (mUtfCode << 6) | (c & 0x3F);
            if (--mUtfNeed == 0) {
                const unsigned cp = mUtfCode;
                if ((mUtfLength == 2 && cp < 0x80) || (mUtfLength == 3 && cp < 0x800)
                    || (mUtfLength == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                    if (!mUtfBad)
                        mUtfBad = mUtfLead;
            }
            return;
        }
        utf8Cut(); // and this byte starts afresh
    }
    if ((c & 0xE0) == 0xC0) {
        mUtfLength = 2;
        mUtfCode = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        mUtfLength = 3;
        mUtfCode = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        mUtfLength = 4;
        mUtfCode = c & 0x07;
    } else {
        if (!mUtfBad)
            mUtfBad = here;
        return;
    }
    mUtfNeed = mUtfLength - 1;
    mUtfLead = here;
}

void JsonInput::utf8Cut()
{
    if (!mUtfBad)
        mUtfBad = mUtfLead;
    mUtfNeed = 0;
}

std::optional<JsonPlace> JsonInput::encodingError()
{
    // The first bad sequence of the whole file, as when the file was checked before parsing: read on to the
    // end (nlohmann may also have stopped inside a sequence that is known bad only at its last byte).
    sync();
    while (!mUtfBad && (mPos < mEnd || refill())) {
        mPos = mEnd;
        sync();
    }
    return mUtfBad;
}

} // namespace cs
