#include "modelshare.h"

#include <algorithm>
#include <cmath>

namespace cs {

ModelShares modelShares(const Scenario &s, const std::vector<int> &choices, const std::vector<int> &rankOf,
                        TimeBucket bucket)
{
    ModelShares out;
    out.bucket = bucket;
    out.percent.assign(rankOf.size(), {});
    std::vector<double> served(rankOf.size(), 0.0);
    double total = 0;
    const auto closeBucket = [&] {
        for (std::size_t r = 0; r < served.size(); ++r) {
            out.percent[r].push_back(total > 0 ? served[r] / total * 100.0 : 0.0);
            served[r] = 0;
        }
        total = 0;
    };
    UtcSeconds end = 0;
    for (std::size_t i = 0; i < s.size() && i < choices.size(); ++i) {
        if (out.starts.empty() || s.times[i] >= end) {
            if (!out.starts.empty())
                closeBucket();
            out.starts.push_back(bucketStart(bucket, s.times[i]));
            end = bucketEnd(bucket, out.starts.back());
        }
        const int m = choices[i];
        const double requests = s.requests[i];
        if (m < 0 || static_cast<std::size_t>(m) >= rankOf.size() || !std::isfinite(requests) || requests <= 0)
            continue;
        served[static_cast<std::size_t>(rankOf[static_cast<std::size_t>(m)])] += requests;
        total += requests;
    }
    if (!out.starts.empty())
        closeBucket();
    return out;
}

bool showsModelShares(double spanSeconds, double intervalSeconds, int pixels)
{
    constexpr double Day = 86400;
    if (spanSeconds > 10 * Day)
        return true;
    const double intervals = spanSeconds / std::max(1.0, intervalSeconds);
    return spanSeconds >= 3 * Day && pixels < 3 * intervals;
}

} // namespace cs
