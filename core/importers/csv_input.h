#pragma once

#include "csv_reader.h"
#include "source_streambuf.h"

#include <istream>
#include <string>
#include <vector>

namespace cs {

class ImportContext;

// core's CsvReader over the import's (possibly compressed) source, with the checks every CSV importer needs:
// an empty file, a foreign encoding, bytes that are not UTF-8, and progress/cancel after every record.
class CsvInput
{
public:
    CsvInput(ImportContext &context, char delimiter);

    // The next record; false at the end. A record with bytes that are not UTF-8 is a bad row (skipped or thrown).
    bool next();
    CsvReader &reader() { return mReader; }
    std::vector<std::string> fields() const;
    // Reads the first record or fails with "empty file: expected ...".
    void first(const std::string &expected);
    // The record first() read is data, not a header: nextRow() returns it first.
    void keepFirst() { mPending = true; }
    // A header of `fields` fields was read: a data row with more (that are not empty) is a bad row, since what
    // they hold would be dropped unseen. Empty extras (a trailing delimiter, as spreadsheets write) are fine.
    void setHeaderFields(std::size_t fields) { mHeaderFields = fields; }
    // The next data row with at least `need` fields, counted in the result's rows; false at the end. A shorter
    // row is a bad row ("truncated line") at the end of its last field. Past the options' maxRows data rows the
    // read stops at the next row's line.
    bool nextRow(std::size_t need);
    // Rows the file holds if they are all as long as the current one: a hint for SeriesSink::reserve.
    std::size_t rowsLikeThis() const;

private:
    // Reports a row's non-empty field past the header as a bad row; true where there is one.
    bool hasExtraField();

    ImportContext &mContext;
    SourceStreambuf mBuf;
    std::istream mStream;
    CsvReader mReader;
    bool mPending = false;
    std::size_t mHeaderFields = 0; // 0: not checked
};

} // namespace cs
