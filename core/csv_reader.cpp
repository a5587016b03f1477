#include "csv_reader.h"

#include "number_checks.h"
#include "parse_error.h"

namespace cs {

CsvReader::CsvReader(std::istream &in, std::string displayName, char delimiter)
    : mIn(in)
    , mName(std::move(displayName))
    , mDelimiter(delimiter)
{}

char detectCsvDelimiter(std::string_view text)
{
    int commas = 0, semicolons = 0, tabs = 0, pipes = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted)
            commas += c == ',', semicolons += c == ';', tabs += c == '\t', pipes += c == '|';
    }
    if (pipes > commas && pipes > semicolons && pipes > tabs)
        return '|';
    if (tabs > commas && tabs >= semicolons)
        return '\t';
    if (semicolons > commas)
        return ';';
    return ',';
}

static int utf8Columns(std::string_view text)
{
    int n = 0;
    for (unsigned char c : text)
        n += (c & 0xC0) != 0x80;
    return n;
}

namespace {
// One read of the stream takes at most this much; a line is put together from such chunks.
constexpr std::size_t chunkBytes = std::size_t(1) << 16;
}

// Reads the next line into mText (without its '\n'), refusing it once it passes limits::maxLineBytes: never more
// than the limit plus one chunk is held. False at the end of the input.
bool CsvReader::readLine()
{
    if (mChunk.empty())
        mChunk.resize(chunkBytes + 1);
    mText.clear();
    bool any = false;
    while (true) {
        mIn.getline(mChunk.data(), static_cast<std::streamsize>(mChunk.size()));
        const auto got = static_cast<std::size_t>(mIn.gcount());
        // getline stores at most chunkBytes characters; it sets failbit where the line goes on past them (or where
        // nothing at all was left), and extracts but does not store the '\n' that ends the line.
        const bool full = mIn.fail() && !mIn.eof() && !mIn.bad() && got == chunkBytes;
        const bool ended = !mIn.fail() && !mIn.eof(); // the '\n' was read (and counted in got)
        const std::size_t stored = ended ? got - 1 : got;
        if (got == 0 && !full && !ended) // the end of the input (or a read error)
            return any;
        if (mText.size() + stored > limits::maxLineBytes)
            throw ParseError(mName, mLine + 1, 1,
                             "line longer than " + std::to_string(limits::maxLineBytes) + " bytes (not a CSV file?)");
        mText.append(mChunk.data(), stored);
        any = true;
        if (!full)
            return true;
        mIn.clear(mIn.rdstate() & ~std::ios::failbit);
    }
}

bool CsvReader::next()
{
    while (readLine()) {
        ++mLine;
        if (mLine == 1 && mText.starts_with("\xEF\xBB\xBF"))
            mText.erase(0, 3);
        if (!mText.empty() && mText.back() == '\r')
            mText.pop_back();
        if (mText.find_first_not_of(" \t") == std::string::npos)
            continue;
        if (mDelimiter == 0)
            mDelimiter = detectCsvDelimiter(mText);
        split();
        return true;
    }
    return false;
}

// One pass over the line: each field's text is copied (unquoted) to mFieldText while its characters are counted,
// so that every field's column is known without rescanning the line.
void CsvReader::split()
{
    mFields.clear();
    mFieldText.clear();
    const std::size_t n = mText.size();
    std::size_t pos = 0;
    int column = 1; // of the character at pos
    auto advance = [&](std::size_t to) { // moves pos to `to`, counting the characters passed
        for (; pos < to; ++pos)
            column += (static_cast<unsigned char>(mText[pos]) & 0xC0) != 0x80;
    };
    while (true) {
        if (mFields.size() == limits::maxFieldsPerRow)
            throw ParseError(mName, mLine, column,
                             "more than " + std::to_string(limits::maxFieldsPerRow) + " fields in one line");
        const std::size_t offset = mFieldText.size();
        const int start = column;
        if (pos < n && mText[pos] == '"') {
            advance(pos + 1);
            while (true) {
                if (pos >= n)
                    throw ParseError(mName, mLine, start, "unterminated quoted field");
                if (mText[pos] == '"') {
                    if (pos + 1 < n && mText[pos + 1] == '"') {
                        mFieldText += '"';
                        advance(pos + 2);
                        continue;
                    }
                    advance(pos + 1);
                    break;
                }
                mFieldText += mText[pos];
                advance(pos + 1);
            }
            const std::size_t end = mText.find(mDelimiter, pos);
            advance(end == std::string::npos ? n : end); // text after the closing quote is ignored, as spreadsheets do
        } else {
            const std::size_t end = mText.find(mDelimiter, pos);
            const std::size_t stop = end == std::string::npos ? n : end;
            mFieldText.append(mText, pos, stop - pos);
            advance(stop);
        }
        mFields.push_back({offset, mFieldText.size() - offset, start});
        if (pos >= n)
            break;
        advance(pos + 1); // the delimiter
    }
}

void CsvReader::fail(std::size_t i, const std::string &message) const
{
    // Past the last field: the column just after the end of the line, where the missing field should start.
    throw ParseError(mName, mLine, i < mFields.size() ? mFields[i].column : utf8Columns(mText) + 1, message);
}

} // namespace cs
