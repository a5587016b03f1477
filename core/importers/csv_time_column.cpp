#include "csv_time_column.h"

#include "csv_reader.h"
#include "import_context.h"
#include "import_text.h"

namespace cs {

CsvTimeColumn::CsvTimeColumn(ImportContext &context, const ImportOptions &options, std::size_t column, bool allowEqual)
    : mContext(context)
    , mFormat(options.timeFormat)
    , mZone(options.timeZone.empty() ? LocalTimeZone::fixed(options.utcOffsetSeconds) : LocalTimeZone::find(options.timeZone))
    , mColumn(column)
    , mAllowEqual(allowEqual)
{}

std::optional<UtcSeconds> CsvTimeColumn::read(const CsvReader &r)
{
    const std::string_view field = r.field(mColumn);
    const auto text = importtext::timeText(field, mFormat);
    if (!text) {
        mContext.badRow(r.line(), r.column(mColumn), "expected a time, got " + importtext::quoted(field));
        return std::nullopt;
    }
    if (!text->local) {
        mLast = text->seconds;
        return mLast;
    }
    std::optional<UtcSeconds> notBefore;
    if (mLast)
        notBefore = mAllowEqual ? *mLast : *mLast + 1;
    const LocalTimeZone::Instant t = mZone.toUtc(text->seconds, notBefore);
    if (!t.time) {
        mContext.badRow(r.line(), r.column(mColumn), t.error);
        return std::nullopt;
    }
    mLast = t.time;
    return mLast;
}

} // namespace cs
