#pragma once

#include "import_options.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// The one CSV sniffer: from a file's first record, whether it is a header, which column holds the time, which the
// value (and a forecast beside an "actual"). The generic CSV importers (CsvColumns) and the import dialog's
// preview (ImportDialog::guess) both ask it, so the preview shows what the import will do.
struct CsvSniff
{
    char delimiter = ',';
    bool hasHeader = false;
    std::vector<std::string> header; // the first record's fields, or "1", "2", ... without a header
    int timeColumn = -1;
    int valueColumn = -1;            // -1: none found
    bool valueNamed = false;         // found by one of the value names (not as the one other column)
    int forecastColumn = -1;         // carbon: a "forecast" column beside the value column
    // Where an option names a column that is not there, or no value column is found: what to say (the caller
    // adds the place); empty otherwise.
    std::string problem;
};

// Header names that mark the value column, best first (lower case; names of 4+ letters may be part of a header).
const std::vector<std::string> &carbonValueNames();
const std::vector<std::string> &requestValueNames();

// `first`: the first record's fields. The options' header, time and value columns override what is detected
// (the header by its first field: neither a time nor a number). `allowNoValue`: a time column alone is fine
// (one row per request).
CsvSniff sniffCsvRecord(const std::vector<std::string> &first, const ImportOptions &options,
                        const std::vector<std::string> &valueNames, bool allowNoValue);

// From a file's first bytes: the delimiter (the options', else detectCsvDelimiter's) and the first record, then
// sniffCsvRecord. For previews, not for reading rows.
CsvSniff sniffCsv(std::string_view head, const ImportOptions &options, const std::vector<std::string> &valueNames,
                  bool allowNoValue);

} // namespace cs
