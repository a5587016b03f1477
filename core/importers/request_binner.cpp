#include "request_binner.h"

#include "import_limits.h"
#include "parse_error.h"
#include "import_sink.h"

#include <string>

namespace cs {

RequestBinner::RequestBinner(SeriesSink &writer, UtcSeconds intervalSeconds, long long maxEmptyIntervals)
    : mWriter(writer)
    , mInterval(intervalSeconds > 0 ? intervalSeconds : 60)
    , mMaxEmpty(maxEmptyIntervals)
{}

UtcSeconds RequestBinner::binOf(UtcSeconds t) const
{
    const UtcSeconds r = t % mInterval;
    return t - (r < 0 ? r + mInterval : r);
}

void RequestBinner::add(UtcSeconds time, double count)
{
    if (mOpen && time >= mBin && time - mBin < mInterval) { // the current bin: no division
        mCount += count;
        checkCount();
        return;
    }
    const UtcSeconds bin = binOf(time);
    if (!mOpen) {
        mOpen = true;
        mBin = bin;
    } else if (bin != mBin) {
        if (bin > mBin && (bin - mBin) / mInterval > mMaxEmpty)
            throw InputError("requests at " + formatUtcTime(mBin) + " and next at " + formatUtcTime(bin) + ": more than "
                             + std::to_string(mMaxEmpty) + " empty intervals of " + std::to_string(mInterval)
                             + " s between them (a wrong time? or choose a larger --interval)");
        mWriter.appendCount(mBin, mCount);
        for (UtcSeconds b = mBin + mInterval; b < bin; b += mInterval)
            mWriter.appendCount(b, 0);
        mBin = bin;
        mCount = 0;
    }
    mCount += count;
    checkCount();
}

void RequestBinner::checkCount() const
{
    // Past 2^53 adding one more request would change nothing: stop well before, naming the interval.
    if (mCount > importlimits::maxRequestCount)
        throw InputError("more than " + std::to_string(static_cast<long long>(importlimits::maxRequestCount))
                         + " requests in the interval starting " + formatUtcTime(mBin));
}

void RequestBinner::finish()
{
    if (mOpen)
        mWriter.appendCount(mBin, mCount);
    mOpen = false;
}

} // namespace cs
