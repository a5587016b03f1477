#include "fetch_pacing.h"

#include <algorithm>

namespace cs {

long long retryDelayMs(const FetchPacing &pacing, int failedAttempts, std::optional<long long> retryAfterSeconds)
{
    long long backoff = std::max<long long>(0, pacing.backoffBaseMs);
    for (int i = 1; i < failedAttempts && backoff < pacing.backoffCapMs; ++i)
        backoff *= 2;
    backoff = std::min(backoff, pacing.backoffCapMs);
    if (retryAfterSeconds)
        backoff = std::max(backoff, *retryAfterSeconds * 1000);
    return backoff;
}

} // namespace cs
