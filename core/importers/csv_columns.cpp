#include "csv_columns.h"

#include "csv_input.h"
#include "csv_sniff.h"
#include "import_context.h"

namespace cs {

CsvColumns::CsvColumns(ImportContext &context, const ImportOptions &o, CsvInput &input, const std::vector<std::string> &valueNames,
                       bool allowNoValue)
{
    const CsvSniff s = sniffCsvRecord(input.fields(), o, valueNames, allowNoValue);
    if (!s.problem.empty())
        context.fail(input.reader().line(), 0, s.problem); // the header as a whole, not one field
    mHasHeader = s.hasHeader;
    mHeader = s.header;
    mTime = s.timeColumn;
    mValue = s.valueColumn;
    mForecast = s.forecastColumn;
    // The header's names, so that a caller names its series as the file does without sniffing it again.
    auto nameOf = [&](int column) { return mHasHeader && column >= 0 ? mHeader[static_cast<std::size_t>(column)] : ""; };
    context.result().valueColumn = nameOf(mValue);
    context.result().forecastColumn = nameOf(mForecast);
}

} // namespace cs
