#pragma once

#include "utc_time.h"

namespace cs {

class SeriesSink;

// Counts requests per interval while streaming: times come in non-decreasing order, so only the current bin is
// held. Intervals between two requests with none in them are written as 0 (no requests, not a gap).
class RequestBinner
{
public:
    // More than maxEmptyIntervals empty intervals between two requests is refused (ImportOptions says why).
    RequestBinner(SeriesSink &writer, UtcSeconds intervalSeconds, long long maxEmptyIntervals);

    void add(UtcSeconds time, double count = 1);
    void finish();

    UtcSeconds interval() const { return mInterval; }
    // The first second after the interval that holds t: a caller can sum a bin's requests itself and add() them
    // once (one call per bin, not per second or request).
    UtcSeconds binEnd(UtcSeconds t) const { return binOf(t) + mInterval; }

private:
    UtcSeconds binOf(UtcSeconds t) const;
    void checkCount() const;

    SeriesSink &mWriter;
    UtcSeconds mInterval;
    long long mMaxEmpty;
    bool mOpen = false;
    UtcSeconds mBin = 0;
    double mCount = 0;
};

} // namespace cs
