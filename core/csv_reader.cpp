#include "csv_reader.h"

#include "parse_error.h"

namespace cs {

CsvReader::CsvReader(std::istream &in, std::string displayName, char delimiter)
    : mIn(in)
    , mName(std::move(displayName))
    , mDelimiter(delimiter)
{}

static char detectDelimiter(const std::string &text)
{
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted)
            commas += c == ',', semicolons += c == ';', tabs += c == '\t';
    }
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

bool CsvReader::next()
{
    while (std::getline(mIn, mText)) {
        ++mLine;
        if (mLine == 1 && mText.starts_with("\xEF\xBB\xBF"))
            mText.erase(0, 3);
        if (!mText.empty() && mText.back() == '\r')
            mText.pop_back();
        if (mText.find_first_not_of(" \t") == std::string::npos)
            continue;
        if (mDelimiter == 0)
            mDelimiter = detectDelimiter(mText);
        split();
        return true;
    }
    return false;
}

void CsvReader::split()
{
    mFields.clear();
    mColumns.clear();
    std::size_t pos = 0;
    while (true) {
        mColumns.push_back(utf8Columns(std::string_view(mText).substr(0, pos)) + 1);
        std::string field;
        if (pos < mText.size() && mText[pos] == '"') {
            const std::size_t open = pos++;
            while (true) {
                if (pos >= mText.size())
                    throw ParseError(mName, mLine, utf8Columns(std::string_view(mText).substr(0, open)) + 1,
                                     "unterminated quoted field");
                if (mText[pos] == '"') {
                    if (pos + 1 < mText.size() && mText[pos + 1] == '"') {
                        field += '"';
                        pos += 2;
                        continue;
                    }
                    ++pos;
                    break;
                }
                field += mText[pos++];
            }
            while (pos < mText.size() && mText[pos] != mDelimiter)
                ++pos; // text after the closing quote is ignored, as spreadsheets do
        } else {
            const std::size_t end = mText.find(mDelimiter, pos);
            field = mText.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
            pos = end == std::string::npos ? mText.size() : end;
        }
        mFields.push_back(std::move(field));
        if (pos >= mText.size())
            break;
        ++pos; // the delimiter
    }
}

void CsvReader::fail(std::size_t i, const std::string &message) const
{
    // Past the last field: the column just after the end of the line, where the missing field should start.
    throw ParseError(mName, mLine, i < mColumns.size() ? mColumns[i] : utf8Columns(mText) + 1, message);
}

} // namespace cs
