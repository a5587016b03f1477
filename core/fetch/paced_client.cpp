#include "paced_client.h"

#include "fetch_error.h"
#include "import_text.h"
#include "retry_after.h"

namespace cs {
namespace {

bool retryable(const HttpResponse &r)
{
    if (!r.transportError.empty())
        return r.transportError.rfind("response body larger", 0) != 0; // a body too large stays too large
    return r.status == 429 || r.status >= 500;
}

std::string describe(const HttpResponse &r)
{
    if (!r.transportError.empty())
        return r.transportError;
    std::string text = "HTTP " + std::to_string(r.status);
    if (!r.body.empty())
        text += " " + importtext::quoted(std::string_view(r.body).substr(0, 200));
    return text;
}

} // namespace

PacedClient::PacedClient(HttpClient &http, FetchClock &clock, FetchPacing pacing)
    : mHttp(http)
    , mClock(clock)
    , mPacing(pacing)
{
}

void PacedClient::addSecret(const std::string &secret)
{
    if (!secret.empty())
        mSecrets.push_back(secret);
}

std::string PacedClient::redacted(std::string text) const
{
    for (const std::string &secret : mSecrets)
        for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3))
            text.replace(at, secret.size(), "***");
    return text;
}

void PacedClient::waitForGap()
{
    if (mLastStartMs < 0)
        return;
    const long long due = mLastStartMs + mPacing.minGapMs;
    const long long now = mClock.nowMs();
    if (due > now && !mClock.sleepMs(due - now, mCancelled))
        throw FetchCancelled();
}

std::string PacedClient::get(const HttpRequest &requestIn)
{
    HttpRequest request = requestIn;
    request.timeoutSeconds = mPacing.timeoutSeconds;
    for (int attempt = 1;; ++attempt) {
        if (cancelled())
            throw FetchCancelled();
        waitForGap();
        mLastStartMs = mClock.nowMs();
        ++mStats.requests;
        HttpResponse response = mHttp.get(request, mAbort);
        if (response.transportError.empty() && response.status >= 200 && response.status < 300)
            return std::move(response.body);
        if (response.transportError == "aborted")
            throw FetchCancelled();

        response.body = redacted(std::move(response.body)); // before it is cut short: no half secret shows
        const std::string what = redacted(describe(response) + " from " + request.url);
        if (!retryable(response))
            throw FetchError(what, response.status);
        if (attempt >= mPacing.maxAttempts)
            throw FetchError(what + " (gave up after " + std::to_string(attempt) + " attempts)", response.status);
        const std::optional<long long> retryAfter = response.retryAfter.empty()
            ? std::nullopt : retryAfterSeconds(response.retryAfter, mClock.utcNow());
        if (retryAfter && *retryAfter > mPacing.maxRetryAfterS)
            throw FetchError(what + ": the server asks to wait " + std::to_string(*retryAfter)
                                 + " s (Retry-After), more than " + std::to_string(mPacing.maxRetryAfterS)
                                 + " s; rerun later to resume",
                             response.status);
        const long long delay = retryDelayMs(mPacing, attempt, retryAfter);
        if (mNote)
            mNote(what + ", retrying in "
                  + (delay < 1000 ? std::to_string(delay) + " ms" : std::to_string((delay + 999) / 1000) + " s")
                  + (retryAfter && *retryAfter * 1000 >= delay ? " (Retry-After)" : ""));
        ++mStats.retries;
        mStats.waitedMs += delay;
        if (!mClock.sleepMs(delay, mCancelled))
            throw FetchCancelled();
    }
}

} // namespace cs
