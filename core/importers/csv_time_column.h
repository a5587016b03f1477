#pragma once

#include "import_options.h"
#include "local_time_zone.h"

#include <cstddef>
#include <optional>

namespace cs {

class CsvReader;
class ImportContext;

// A generic CSV's time column, read row by row in the options' time format and zone. Local times are settled
// against the previous row's instant (LocalTimeZone::toUtc), so a local hour that repeats when clocks go back
// reads as two hours. A field that is no time, or a local time the zone skips, is a bad row at its place.
class CsvTimeColumn
{
public:
    // Throws InputError where the options' zone is unknown. `allowEqual`: rows may share a time (per-request
    // traces), so a repeated local time stays at the same instant; otherwise each row must come after the last.
    CsvTimeColumn(ImportContext &context, const ImportOptions &options, std::size_t column, bool allowEqual);

    // The current row's time; nothing where the row is bad (reported, and thrown unless bad rows are skipped).
    std::optional<UtcSeconds> read(const CsvReader &reader);

    std::size_t column() const { return mColumn; }
    const LocalTimeZone &zone() const { return mZone; }

private:
    ImportContext &mContext;
    TimeFormat mFormat;
    LocalTimeZone mZone;
    std::size_t mColumn;
    bool mAllowEqual;
    std::optional<UtcSeconds> mLast;
};

} // namespace cs
