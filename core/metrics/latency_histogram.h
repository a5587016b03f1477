#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace cs {

// Request latencies counted into fixed buckets, as a Prometheus histogram exposes them. The bounds run from
// 0.5 ms (a GPU at batch 1) to 10 s (a CPU far behind): both ends of what a live session serves.
class LatencyHistogram
{
public:
    // Upper bounds in milliseconds (exact in binary at these values, so `ms <= bound` never rounds wrongly).
    static constexpr std::array<double, 14> boundsMs{0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000,
                                                     10000};

    void observe(std::span<const double> latenciesMs);

    // Requests at or under boundsMs[i] (cumulative, as `le` buckets are); the +Inf bucket is count().
    std::uint64_t cumulative(std::size_t bound) const;
    std::uint64_t count() const { return mCount; }
    double sumSeconds() const { return mSumMs / 1000.0; }

private:
    std::array<std::uint64_t, boundsMs.size()> mBucket{}; // not cumulative: requests in (bound[i-1], bound[i]]
    std::uint64_t mCount = 0;
    double mSumMs = 0;
};

} // namespace cs
