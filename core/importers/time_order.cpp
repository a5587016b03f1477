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
            mContext.badRow(line, column, "time goes backwards: " + formatUtcTime(time) + " after "
                                              + formatUtcTime(mLast) + " (line " + std::to_string(mLastLine) + ")");
            return false;
        }
        if (time == mLast && !mAllowEqual) {
            mContext.badRow(line, column, "duplicate time " + formatUtcTime(time) + " (line "
                                              + std::to_string(mLastLine) + " has it too)");
            return false;
        }
    }
    mAny = true;
    mLast = time;
    mLastLine = line;
    return true;
}

} // namespace cs
