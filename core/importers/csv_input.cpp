#include "csv_input.h"

#include "byte_source.h"
#include "import_context.h"
#include "import_text.h"

#include <algorithm>

namespace cs {

CsvInput::CsvInput(ImportContext &context, char delimiter)
    : mContext(context)
    , mBuf(context.source(), context.displayName())
    , mStream(&mBuf)
    , mReader(mStream, context.displayName(), delimiter)
{
    // Decoder errors (truncated gzip) surface as exceptions, not as a quiet end of file.
    mStream.exceptions(std::ios::badbit);
}

bool CsvInput::next()
{
    for (;;) {
        bool got = false;
        try {
            got = mReader.next();
        } catch (const ParseError &e) {
            if (mBuf.overLimit())
                throw; // the input, not one row: nothing after it can be read
            // An unterminated quote: the whole line is bad.
            mContext.badRow(e.line(), e.column(), e.message());
            continue;
        }
        if (!got)
            return false;
        mContext.progress();
        const int bad = importtext::badEncodingField(mReader);
        if (bad >= 0) {
            const std::string_view f = mReader.field(static_cast<std::size_t>(bad));
            const std::size_t at = importtext::invalidUtf8(f);
            int col = mReader.column(static_cast<std::size_t>(bad));
            for (std::size_t i = 0; i < at; ++i)
                col += (static_cast<unsigned char>(f[i]) & 0xC0) != 0x80;
            mContext.badRow(mReader.line(), col,
                            "wrong encoding: byte 0x" + [&] {
                                static const char *hex = "0123456789ABCDEF";
                                const auto b = static_cast<unsigned char>(f[at]);
                                return std::string{hex[b >> 4], hex[b & 15]};
                            }() + " is not UTF-8 (save the file as UTF-8)");
            continue;
        }
        return true;
    }
}

std::vector<std::string> CsvInput::fields() const
{
    std::vector<std::string> out;
    out.reserve(mReader.size());
    for (std::size_t i = 0; i < mReader.size(); ++i)
        out.emplace_back(mReader.field(i));
    return out;
}

bool CsvInput::nextRow(std::size_t need)
{
    for (;;) {
        if (mPending)
            mPending = false;
        else if (!next())
            return false;
        const std::size_t maxRows = mContext.options().maxRows;
        if (maxRows > 0 && static_cast<std::size_t>(mContext.result().rows) == maxRows)
            mContext.fail(mReader.line(), 1, "more than " + std::to_string(maxRows) + " data rows: a trace may hold "
                          "at most " + std::to_string(maxRows) + " points, so that memory stays bounded (bin a finer "
                          "trace to a coarser interval, or cut it to a shorter period)");
        ++mContext.result().rows;
        const std::size_t n = mReader.size();
        if (n < need) {
            mContext.badRow(mReader.line(), mReader.column(n - 1) + static_cast<int>(mReader.field(n - 1).size()),
                            "truncated line: expected " + std::to_string(need) + " fields, got " + std::to_string(n));
            continue;
        }
        if (mHeaderFields > 0 && n > mHeaderFields && hasExtraField())
            continue;
        return true;
    }
}

std::size_t CsvInput::rowsLikeThis() const
{
    std::size_t bytes = mReader.size(); // the delimiters and the line end
    for (std::size_t i = 0; i < mReader.size(); ++i)
        bytes += mReader.field(i).size();
    return static_cast<std::size_t>(mContext.source().fileSize() / std::max<std::size_t>(bytes, 1));
}

bool CsvInput::hasExtraField()
{
    const std::size_t n = mReader.size();
    for (std::size_t i = mHeaderFields; i < n; ++i)
        if (mReader.field(i).find_first_not_of(' ') != std::string_view::npos) {
            mContext.badRow(mReader.line(), mReader.column(mHeaderFields),
                            "this row has " + std::to_string(n) + " fields, the header names "
                                + std::to_string(mHeaderFields) + " (a field beyond the header is not read)");
            return true;
        }
    return false;
}

void CsvInput::first(const std::string &expected)
{
    if (!next())
        mContext.fail(1, 1, "empty file: expected " + expected);
}

} // namespace cs
