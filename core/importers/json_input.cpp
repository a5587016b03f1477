#include "json_input.h"

#include "byte_source.h"

namespace cs {

namespace {
constexpr std::size_t chunkBytes = std::size_t(1) << 18;
}

JsonInput::JsonInput(ByteSource &source, std::function<void()> refilled)
    : mSource(source)
    , mRefilled(std::move(refilled))
    , mBuffer(new unsigned char[chunkBytes])
{}

JsonInput::~JsonInput() = default;

bool JsonInput::refill()
{
    if (mEof)
        return false;
    const std::size_t got = mSource.read(reinterpret_cast<char *>(mBuffer.get()), chunkBytes);
    if (mRefilled)
        mRefilled();
    if (got == 0) {
        mEof = true;
        if (mUtfNeed)
            utf8Cut(); // the file ends inside a sequence
        return false;
    }
    mPos = mBuffer.get();
    mEnd = mPos + got;
    return true;
}

JsonPlace JsonInput::placeOf(std::uint64_t offset) const
{
    if (offset >= mTaken || mTaken - offset > 4)
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
    while (!mUtfBad) {
        if (mPos == mEnd && !refill())
            break;
        take(*mPos++);
    }
    return mUtfBad;
}

} // namespace cs
