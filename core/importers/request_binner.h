#pragma once

#include "utc_time.h"

namespace cs {

class SeriesWriter;

// Counts requests per interval while streaming: times come in non-decreasing order, so only the current bin is
// held. Intervals between two requests with none in them are written as 0 (no requests, not a gap).
class RequestBinner
{
public:
    // More empty intervals than this between two requests is refused (a stray year 2200 in a minute trace would
    // otherwise write a hundred million zeros).
    static constexpr long long maxFill = 1'000'000;

    RequestBinner(SeriesWriter &writer, UtcSeconds intervalSeconds);

    void add(UtcSeconds time, double count = 1);
    void finish();

    UtcSeconds interval() const { return mInterval; }

private:
    UtcSeconds binOf(UtcSeconds t) const;

    SeriesWriter &mWriter;
    UtcSeconds mInterval;
    bool mOpen = false;
    UtcSeconds mBin = 0;
    double mCount = 0;
};

} // namespace cs
