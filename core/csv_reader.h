#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// Reads delimited text record by record, keeping where each field starts so that errors can name the file,
// line and column. Handles quoted fields ("a,b" and "" inside quotes), CRLF line ends, a UTF-8 byte-order mark
// and blank lines. A quoted field may not span lines (no trace format needs it).
class CsvReader
{
public:
    // delimiter 0: detect from the first record (',' ';' or tab, whichever is most frequent outside quotes).
    CsvReader(std::istream &in, std::string displayName, char delimiter = 0);

    // Reads the next non-blank record; false at the end of the input.
    bool next();

    int line() const { return mLine; }
    std::size_t size() const { return mFields.size(); }
    std::string_view field(std::size_t i) const { return mFields[i]; }
    int column(std::size_t i) const { return mColumns[i]; } // 1-based, in characters
    char delimiter() const { return mDelimiter; }
    const std::string &displayName() const { return mName; }

    // Throws ParseError at field i of the current record (or at the record's start for i >= size()).
    [[noreturn]] void fail(std::size_t i, const std::string &message) const;

private:
    void split();

    std::istream &mIn;
    std::string mName;
    char mDelimiter;
    std::string mText;
    std::vector<std::string> mFields;
    std::vector<int> mColumns;
    int mLine = 0;
};

} // namespace cs
