// The download's logic without a network: how a range is cut into calls around what is cached, Retry-After,
// backoff, pacing and when to give up, and the project's fetch cache.
#include "fetch_cache.h"
#include "fetch_error.h"
#include "fetch_pacing.h"
#include "fetch_period.h"
#include "paced_client.h"
#include "project_store.h"
#include "retry_after.h"
#include "scripted_http.h"
#include "store_error.h"
#include "ukci_source.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cs;

namespace {
constexpr UtcSeconds day = 86400;
constexpr UtcSeconds jan1 = 1672531200; // 2023-01-01T00:00:00Z

// A paced client over scripted replies, timed by a fake clock that records its waits and each request's sending time.
struct ScriptedClient
{
    explicit ScriptedClient(std::deque<HttpResponse> replies, FetchPacing pacing = withoutGap())
        : client(http, clock, pacing)
    {
        http.replies = std::move(replies);
        http.clock = &clock;
    }
    ScriptedHttp http;
    FakeClock clock;
    PacedClient client;
};
} // namespace

class TestFetchCore : public QObject
{
    Q_OBJECT

private slots:
    void aYearIn14DayCallsIs27Calls()
    {
        // 365 days = 26 x 14 + 1: 26 full calls and one of a day.
        const auto calls = missingPeriods(jan1, jan1 + 365 * day, {}, 14 * day);
        QCOMPARE(calls.size(), std::size_t(27));
        QCOMPARE(calls[0].from, jan1);
        QCOMPARE(calls[0].to, jan1 + 14 * day);
        QCOMPARE(calls[25].to, jan1 + 364 * day);
        QCOMPARE(calls[26].from, jan1 + 364 * day);
        QCOMPARE(calls[26].to, jan1 + 365 * day);
        // WattTime's 32 days: 11 x 32 = 352, then 13 days. Electricity Maps' 10 days: 36 x 10 + 5.
        QCOMPARE(missingPeriods(jan1, jan1 + 365 * day, {}, 32 * day).size(), std::size_t(12));
        QCOMPARE(missingPeriods(jan1, jan1 + 365 * day, {}, 10 * day).size(), std::size_t(37));
    }

    void cachedSpansAreSkippedAndTheRestKeepsItsBoundaries()
    {
        // The first 3 calls of a 60-day range (14-day calls) are cached: the rest resumes at day 42.
        std::vector<FetchPeriod> cached{{jan1, jan1 + 14 * day}, {jan1 + 14 * day, jan1 + 28 * day},
                                        {jan1 + 28 * day, jan1 + 42 * day}};
        const auto calls = missingPeriods(jan1, jan1 + 60 * day, cached, 14 * day);
        QCOMPARE(calls.size(), std::size_t(2));
        QCOMPARE(calls[0], (FetchPeriod{jan1 + 42 * day, jan1 + 56 * day}));
        QCOMPARE(calls[1], (FetchPeriod{jan1 + 56 * day, jan1 + 60 * day}));
        // A hole in the middle (days 10-12 cached, given out of order with an overlap) and a wider range.
        const auto holes = missingPeriods(jan1, jan1 + 20 * day,
                                          {{jan1 + 11 * day, jan1 + 12 * day}, {jan1 + 10 * day, jan1 + 11 * day + 5}}, 14 * day);
        QCOMPARE(holes.size(), std::size_t(2));
        QCOMPARE(holes[0], (FetchPeriod{jan1, jan1 + 10 * day}));
        QCOMPARE(holes[1], (FetchPeriod{jan1 + 12 * day, jan1 + 20 * day}));
        // Everything cached: nothing to fetch.
        QVERIFY(missingPeriods(jan1, jan1 + day, {{jan1 - day, jan1 + 2 * day}}, 14 * day).empty());
    }

    void retryAfterInSecondsAndAsHttpDate()
    {
        const UtcSeconds now = 1445412420; // 2015-10-21T07:27:00Z
        QCOMPARE(retryAfterSeconds("120", now), std::optional<long long>(120));
        QCOMPARE(retryAfterSeconds(" 0 ", now), std::optional<long long>(0));
        // 07:28:00 GMT is 60 s after 07:27:00.
        QCOMPARE(retryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT", now), std::optional<long long>(60));
        QCOMPARE(retryAfterSeconds("Wednesday, 21-Oct-15 07:29:00 GMT", now), std::optional<long long>(120));
        QCOMPARE(retryAfterSeconds("Wed, 21 Oct 2015 07:00:00 GMT", now), std::optional<long long>(0)); // past
        QCOMPARE(retryAfterSeconds("soon", now), std::nullopt);
        QCOMPARE(retryAfterSeconds("-5", now), std::nullopt);
        QCOMPARE(retryAfterSeconds("", now), std::nullopt);
    }

    void backoffDoublesUpToItsCapAndYieldsToALongerRetryAfter()
    {
        FetchPacing p;
        p.backoffBaseMs = 2000;
        p.backoffCapMs = 60000;
        QCOMPARE(retryDelayMs(p, 1, std::nullopt), 2000LL);
        QCOMPARE(retryDelayMs(p, 2, std::nullopt), 4000LL);
        QCOMPARE(retryDelayMs(p, 5, std::nullopt), 32000LL);
        QCOMPARE(retryDelayMs(p, 6, std::nullopt), 60000LL); // 64 s capped at 60 s
        QCOMPARE(retryDelayMs(p, 40, std::nullopt), 60000LL);
        QCOMPARE(retryDelayMs(p, 1, 30), 30000LL);   // Retry-After longer than the backoff
        QCOMPARE(retryDelayMs(p, 3, 1), 8000LL);     // shorter: the backoff stands
        QCOMPARE(retryDelayMs(p, 1, 300), 300000LL); // the cap is the backoff's, not the server's
    }

    void a429WaitsItsRetryAfterThenSucceeds()
    {
        ScriptedClient s({reply(429, "slow down", "7"), reply(200, "body")});
        QCOMPARE(s.client.get({"http://x/a"}), std::string("body"));
        QCOMPARE(s.http.sent.size(), std::size_t(2));
        QCOMPARE(s.clock.sleeps, (std::vector<long long>{7000}));
        QCOMPARE(s.client.stats().retries, 1LL);
    }

    void anHttpDateRetryAfterIsHonoured()
    {
        ScriptedClient s({reply(503, "", "Wed, 21 Oct 2015 07:28:30 GMT"), reply(200, "ok")});
        QCOMPARE(s.client.get({"http://x/a"}), std::string("ok"));
        QCOMPARE(s.clock.sleeps, (std::vector<long long>{90000})); // 07:27:00 -> 07:28:30
    }

    void serverErrorsBackOffExponentially()
    {
        HttpResponse timeout;
        timeout.transportError = "Operation timed out after 1000 milliseconds with 0 bytes received";
        HttpResponse truncated;
        truncated.status = 200;
        truncated.transportError = "truncated response body (the connection closed before its end)";
        FetchPacing pacing = withoutGap();
        pacing.backoffBaseMs = 1000;
        ScriptedClient s({reply(500), timeout, truncated, reply(502), reply(200, "ok")}, pacing);
        QCOMPARE(s.client.get({"http://x/a"}), std::string("ok"));
        QCOMPARE(s.clock.sleeps, (std::vector<long long>{1000, 2000, 4000, 8000}));
    }

    void requestsKeepTheMinimumGap()
    {
        FetchPacing pacing;
        pacing.minGapMs = 1500;
        ScriptedClient s({reply(200, "ok")}, pacing);
        s.client.get({"http://x/1"});
        s.clock.now += 400; // the caller's own work between two calls counts toward the gap
        s.client.get({"http://x/2"});
        s.client.get({"http://x/3"});
        QCOMPARE(s.http.sentAtMs, (std::vector<long long>{0, 1500, 3000}));
        QCOMPARE(s.clock.sleeps, (std::vector<long long>{1100, 1500}));
    }

    void aClientErrorStopsAtOnceNamingStatusAndUrlButNoSecret()
    {
        ScriptedClient s({reply(403, "{\"error\":\"token s3cr3t-token is not allowed\"}")}, FetchPacing{});
        s.client.addSecret("s3cr3t-token");
        HttpRequest r{"http://x/v3/carbon-intensity/past-range?zone=DE", {{"auth-token", "s3cr3t-token"}}};
        try {
            s.client.get(r);
            QFAIL("no error");
        } catch (const FetchError &e) {
            const QString message = QString::fromStdString(e.what());
            QCOMPARE(e.status(), 403);
            QVERIFY2(message.contains("HTTP 403"), qPrintable(message));
            QVERIFY2(message.contains("http://x/v3/carbon-intensity/past-range?zone=DE"), qPrintable(message));
            QVERIFY2(!message.contains("s3cr3t"), qPrintable(message));
        }
        QCOMPARE(s.http.sent.size(), std::size_t(1));
    }

    void retriesAreBoundedAndALongRetryAfterStops()
    {
        FetchPacing pacing = withoutGap();
        pacing.maxAttempts = 4;
        ScriptedClient failing({reply(503)}, pacing);
        QVERIFY_THROWS_EXCEPTION(FetchError, failing.client.get({"http://x/a"}));
        QCOMPARE(failing.http.sent.size(), std::size_t(4));
        QCOMPARE(failing.clock.sleeps.size(), std::size_t(3));

        ScriptedClient patient({reply(429, "", "7200")}, pacing);
        try {
            patient.client.get({"http://x/b"});
            QFAIL("no error");
        } catch (const FetchError &e) {
            QVERIFY2(QString(e.what()).contains("7200 s (Retry-After)"), e.what());
        }
        QCOMPARE(patient.http.sent.size(), std::size_t(1));
    }

    void cancelStopsBeforeTheNextAttempt()
    {
        ScriptedClient s({reply(503)});
        bool stop = false;
        s.client.setCancel([&] { return stop; });
        s.client.setNote([&](const std::string &) { stop = true; }); // cancelled while waiting for the retry
        QVERIFY_THROWS_EXCEPTION(FetchCancelled, s.client.get({"http://x/a"}));
        QCOMPARE(s.http.sent.size(), std::size_t(1));
    }

    void ukciUrlsForNationalRegionsAndPostcodes()
    {
        UkciSource source("http://127.0.0.1:9/");
        const FetchPeriod p{jan1, jan1 + 14 * day};
        QCOMPARE(source.request(source.target("national"), p).url,
                 std::string("http://127.0.0.1:9/intensity/2023-01-01T00:00Z/2023-01-15T00:00Z"));
        QCOMPARE(source.request(source.target("13"), p).url,
                 std::string("http://127.0.0.1:9/regional/intensity/2023-01-01T00:00Z/2023-01-15T00:00Z/regionid/13"));
        QCOMPARE(source.target("13").label, std::string("London"));
        QCOMPARE(source.request(source.target("bs7"), p).url,
                 std::string("http://127.0.0.1:9/regional/intensity/2023-01-01T00:00Z/2023-01-15T00:00Z/postcode/BS7"));
        QVERIFY_THROWS_EXCEPTION(InputError, source.target("18"));
        QVERIFY_THROWS_EXCEPTION(InputError, source.target("0"));
        QVERIFY_THROWS_EXCEPTION(InputError, source.target("BS7 8AA"));
    }

    void theCacheKeepsSpansAndPointsAcrossConnections()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath("p.csdb").toStdString();
        {
            ProjectStore store = ProjectStore::open(path);
            FetchCache cache(store.database());
            cache.store("ukci", "regionid/1", {jan1, jan1 + 3600}, {{jan1, std::nullopt, 10.0}, {jan1 + 1800, 5.0, 11.0}},
                        "http://x/1");
            QVERIFY_THROWS_EXCEPTION(StoreError, cache.store("ukci", "regionid/1", {jan1 + 3600, jan1 + 7200},
                                                             {{jan1 + 7200, 1.0, 1.0}}, "http://x/2"));
        }
        ProjectStore store = ProjectStore::open(path);
        FetchCache cache(store.database());
        const auto spans = cache.spans("ukci", "regionid/1");
        QCOMPARE(spans.size(), std::size_t(1)); // the refused span left nothing behind
        QCOMPARE(spans[0].from, jan1);
        QCOMPARE(spans[0].to, jan1 + 3600);
        QVERIFY(cache.spans("ukci", "regionid/2").empty());
        const auto points = cache.points("ukci", "regionid/1", jan1, jan1 + 3600);
        QCOMPARE(points.size(), std::size_t(2));
        QVERIFY(!points[0].actual);
        QCOMPARE(*points[0].forecast, 10.0);
        QCOMPARE(*points[1].actual, 5.0);
        QCOMPARE(cache.points("ukci", "regionid/1", jan1 + 1, jan1 + 3600).size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestFetchCore)
#include "test_fetch_core.moc"
