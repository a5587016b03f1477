#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// Reads delimited text record by record, keeping where each field starts so that errors can name the file,
// line and column. Handles quoted fields ("a,b" and "" inside quotes), CRLF line ends, a UTF-8 byte-order mark
// and blank lines. A quoted field may not span lines (no trace format needs it).
//
// Memory stays bounded whatever the input: a line is read in chunks and refused ("line longer than N bytes",
// file:line:1) as soon as it passes limits::maxLineBytes, so at most that much of it is ever held; a record of
// more than limits::maxFieldsPerRow fields is refused at the first field past the limit. Fields and their
// columns are worked out in one pass over the line.
// The delimiter of a record: ',' ';' tab or '|', whichever it holds most of outside quotes (',' where none). The
// one detection: CsvReader's, and the import preview's through sniffCsv.
char detectCsvDelimiter(std::string_view record);

class CsvReader
{
public:
    // delimiter 0: detect from the first record (detectCsvDelimiter).
    CsvReader(std::istream &in, std::string displayName, char delimiter = 0);

    // Reads the next non-blank record; false at the end of the input.
    bool next();

    int line() const { return mLine; }
    std::size_t size() const { return mFields.size(); }
    // Valid until the next call of next().
    std::string_view field(std::size_t i) const
    {
        return std::string_view(mFieldText).substr(mFields[i].offset, mFields[i].length);
    }
    int column(std::size_t i) const { return mFields[i].column; } // 1-based, in characters
    char delimiter() const { return mDelimiter; }
    const std::string &displayName() const { return mName; }

    // Throws ParseError at field i of the current record (or at the record's start for i >= size()).
    [[noreturn]] void fail(std::size_t i, const std::string &message) const;

private:
    bool readLine();
    void split();

    struct Field
    {
        std::size_t offset; // into mFieldText
        std::size_t length;
        int column;         // 1-based, in characters
    };

    std::istream &mIn;
    std::string mName;
    char mDelimiter;
    std::string mText;               // the current line, without its '\n' (at most limits::maxLineBytes)
    std::string mFieldText;          // the fields' text, unquoted, one after another
    std::vector<Field> mFields;
    std::vector<char> mChunk;        // what one read of the stream takes
    int mLine = 0;
};

} // namespace cs
