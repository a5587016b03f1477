#pragma once

// A scripted HttpClient and a clock whose waits cost nothing and are recorded, for the pacing and retry logic.
#include "fetch_clock.h"
#include "fetch_pacing.h"
#include "http_client.h"

#include <deque>
#include <string>
#include <vector>

class ScriptedHttp : public cs::HttpClient
{
public:
    std::deque<cs::HttpResponse> replies; // taken in order; the last one repeats
    std::vector<cs::HttpRequest> sent;
    std::vector<long long> sentAtMs;
    cs::FetchClock *clock = nullptr;

    cs::HttpResponse get(const cs::HttpRequest &request, const std::function<bool()> &) override
    {
        sent.push_back(request);
        sentAtMs.push_back(clock ? clock->nowMs() : 0);
        const cs::HttpResponse r = replies.front();
        if (replies.size() > 1)
            replies.pop_front();
        return r;
    }
};

inline cs::HttpResponse reply(int status, std::string body = "{}", std::string retryAfter = {})
{
    cs::HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.retryAfter = std::move(retryAfter);
    return r;
}

// Pacing with no gap between calls, so that a test's sleeps are its retries only.
inline cs::FetchPacing withoutGap()
{
    cs::FetchPacing p;
    p.minGapMs = 0;
    return p;
}

class FakeClock : public cs::FetchClock
{
public:
    long long now = 0;
    cs::UtcSeconds utc = 1445412420; // 2015-10-21T07:27:00Z
    std::vector<long long> sleeps;

    long long nowMs() override { return now; }
    cs::UtcSeconds utcNow() override { return utc + now / 1000; }
    bool sleepMs(long long ms, const std::function<bool()> &cancelled) override
    {
        sleeps.push_back(ms);
        now += ms;
        return !(cancelled && cancelled());
    }
};
