#pragma once

#include "utc_time.h"

namespace cs {

class ImportContext;

// Checks that a series' times strictly increase (or, for per-request traces, never decrease), reporting a time
// that goes backwards or repeats as a bad row at its line and column.
class TimeOrder
{
public:
    TimeOrder(ImportContext &context, bool allowEqual);

    // False where the row is bad (and skipped); throws where bad rows are not skipped.
    bool accept(UtcSeconds time, long long line, int column);

private:
    ImportContext &mContext;
    bool mAllowEqual;
    bool mAny = false;
    UtcSeconds mLast = 0;
    long long mLastLine = 0;
};

} // namespace cs
