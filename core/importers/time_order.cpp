#include "time_order.h"

#include "import_context.h"

#include <string>

namespace cs {

TimeOrder::TimeOrder(ImportContext &context, bool allowEqual)
    : mContext(context)
    , mAllowEqual(allowEqual)
{}

bool TimeOrder::accept(UtcSeconds time, long long line, int column)
{
    if (mAny) {
        if (time < mLast) {
            mContext.badRow(line, column, "time goes backwards: " + formatUtcTime(time) + " comes after "
                                              + formatUtcTime(mLast) + " (line " + std::to_string(mLastLine) + "; times "
                                              + (mAllowEqual ? "may not go back)" : "must be strictly increasing)"));
            return false;
        }
        if (time == mLast && !mAllowEqual) {
            mContext.badRow(line, column, "duplicate time " + formatUtcTime(time) + " (first on line "
                                              + std::to_string(mLastLine) + ")");
            return false;
        }
    }
    mAny = true;
    mLast = time;
    mLastLine = line;
    return true;
}

} // namespace cs
