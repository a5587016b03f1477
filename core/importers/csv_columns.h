#pragma once

#include "import_options.h"

#include <string>
#include <vector>

namespace cs {

class CsvInput;
class ImportContext;

// Works out a generic CSV's layout from its first record: whether it is a header, which column holds the time
// and which the values, and the time format (options override each). Used by the generic carbon and request
// importers.
class CsvColumns
{
public:
    // `valueNames`: header names that mark the value column, best first (lower case, matched as substrings).
    // `allowNoValue`: a file with a time column only is fine (per-request timestamps).
    CsvColumns(ImportContext &context, const ImportOptions &options, CsvInput &input, const std::vector<std::string> &valueNames,
               bool allowNoValue);

    bool hasHeader() const { return mHasHeader; }
    const std::vector<std::string> &header() const { return mHeader; }
    int timeColumn() const { return mTime; }
    int valueColumn() const { return mValue; }   // -1: none
    int forecastColumn() const { return mForecast; } // -1: none (carbon CSVs with actual and forecast)
    int fieldCount() const { return static_cast<int>(mHeader.size()); }

private:
    bool mHasHeader = false;
    std::vector<std::string> mHeader;
    int mTime = -1;
    int mValue = -1;
    int mForecast = -1;
};

} // namespace cs
