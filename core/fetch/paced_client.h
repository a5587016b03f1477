#pragma once

#include "fetch_clock.h"
#include "fetch_pacing.h"
#include "http_client.h"

#include <functional>
#include <string>
#include <vector>

namespace cs {

// Sends requests through an HttpClient at most one per FetchPacing::minGapMs, retrying 429, 5xx and transport
// failures with capped exponential backoff or the server's Retry-After (seconds or HTTP-date), whichever is
// longer. Returns the body of a 2xx answer; throws FetchError for anything else once retries are spent (or at
// once for a 4xx other than 429), FetchCancelled when `cancelled` says so (checked before each attempt and
// during every wait; a request in flight is finished unless `abort` says so too).
class PacedClient
{
public:
    struct Stats
    {
        long long requests = 0; // attempts sent, retries included
        long long retries = 0;
        long long waitedMs = 0; // in backoff and Retry-After waits (not the pacing gap)
    };
    // Called before each wait with a line such as "HTTP 429, retrying in 30 s (Retry-After)".
    using Note = std::function<void(const std::string &)>;

    PacedClient(HttpClient &http, FetchClock &clock, FetchPacing pacing);

    void setCancel(std::function<bool()> cancelled) { mCancelled = std::move(cancelled); }
    // Polled during a transfer: true abandons the request in flight (it is not cached; a rerun fetches it).
    void setAbort(std::function<bool()> abort) { mAbort = std::move(abort); }
    void setNote(Note note) { mNote = std::move(note); }
    // Texts that must never appear in a message (tokens, passwords): replaced by "***".
    void addSecret(const std::string &secret);

    std::string get(const HttpRequest &request);

    const Stats &stats() const { return mStats; }
    const FetchPacing &pacing() const { return mPacing; }
    FetchClock &clock() { return mClock; }
    std::string redacted(std::string text) const;

private:
    void waitForGap();
    bool cancelled() const { return mCancelled && mCancelled(); }

    HttpClient &mHttp;
    FetchClock &mClock;
    FetchPacing mPacing;
    std::function<bool()> mCancelled;
    std::function<bool()> mAbort;
    Note mNote;
    std::vector<std::string> mSecrets;
    long long mLastStartMs = -1;
    Stats mStats;
};

} // namespace cs
