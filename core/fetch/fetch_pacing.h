#pragma once

#include <optional>

namespace cs {

// How politely a download asks: a minimum gap between requests, and how failures (HTTP 429 and 5xx, timeouts,
// refused connections, truncated bodies) are retried.
struct FetchPacing
{
    long long minGapMs = 1000;        // between the starts of two requests to one API
    int maxAttempts = 6;              // per request, the first one included
    long long backoffBaseMs = 2000;   // the first retry waits this long, doubling with each further one ...
    long long backoffCapMs = 120000;  // ... up to this
    long long maxRetryAfterS = 3600;  // a longer Retry-After stops the download (rerun later to resume)
    int timeoutSeconds = 60;          // one request, connect to last byte
};

// The wait before the next attempt after `failedAttempts` (>= 1) failures: the exponential backoff, or the
// server's Retry-After where that is longer.
long long retryDelayMs(const FetchPacing &pacing, int failedAttempts, std::optional<long long> retryAfterSeconds);

} // namespace cs
