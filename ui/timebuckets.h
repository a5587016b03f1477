#pragma once

#include "utc_time.h"

namespace cs {

// Calendar buckets for bars over time: a day, a week (Monday to Monday, UTC) or a calendar month (UTC). The
// daily CO2 plot picks the bucket from the span in view, so a year shows about 52 or 12 groups, not 365.
enum class TimeBucket { Day, Week, Month };

// Days up to two months in view, weeks up to seven months, months beyond.
TimeBucket bucketForSpan(double seconds);
// The model-share bars (the Timeline's "Model chosen" zoomed out): days up to three months in view, ISO weeks up to
// two years, months beyond (a week bar would be under ~2 px wide there, and weeks by the thousand slow the frame).
TimeBucket shareBucketForSpan(double seconds);
UtcSeconds bucketStart(TimeBucket bucket, UtcSeconds t);
UtcSeconds bucketEnd(TimeBucket bucket, UtcSeconds start); // the next bucket's start
// The bucket's centre, where its bar stands (and where a readout looks the bar up).
double bucketMid(TimeBucket bucket, UtcSeconds start);

} // namespace cs
