#pragma once

#include "utc_time.h"

#include <functional>

namespace cs {

// Time as the pacer and the retries see it: a real clock in use, a scripted one in tests (waits then cost no
// time and are counted exactly).
class FetchClock
{
public:
    virtual ~FetchClock() = default;
    // Milliseconds on a monotonic clock.
    virtual long long nowMs() = 0;
    // The wall-clock time, for Retry-After dates.
    virtual UtcSeconds utcNow() = 0;
    // Waits `ms`, polling `cancelled` at least every 100 ms; returns false where it was cancelled.
    virtual bool sleepMs(long long ms, const std::function<bool()> &cancelled) = 0;
};

class SystemFetchClock : public FetchClock
{
public:
    long long nowMs() override;
    UtcSeconds utcNow() override;
    bool sleepMs(long long ms, const std::function<bool()> &cancelled) override;
};

} // namespace cs
