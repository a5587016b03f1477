#include "request_binner.h"

#include "series_writer.h"

namespace cs {

RequestBinner::RequestBinner(SeriesWriter &writer, UtcSeconds intervalSeconds)
    : mWriter(writer)
    , mInterval(intervalSeconds > 0 ? intervalSeconds : 60)
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
        return;
    }
    const UtcSeconds bin = binOf(time);
    if (!mOpen) {
        mOpen = true;
        mBin = bin;
    } else if (bin != mBin) {
        mWriter.appendCount(mBin, mCount);
        for (UtcSeconds b = mBin + mInterval; b < bin; b += mInterval)
            mWriter.appendCount(b, 0);
        mBin = bin;
        mCount = 0;
    }
    mCount += count;
}

void RequestBinner::finish()
{
    if (mOpen)
        mWriter.appendCount(mBin, mCount);
    mOpen = false;
}

} // namespace cs
