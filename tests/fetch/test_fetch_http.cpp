// libcurl against a loopback server, and whole downloads from each API's templated recorded answers into a
// project: what is stored equals what was served, each call is asked once, logins and expired tokens.
#include "curl_http_client.h"
#include "electricitymaps_source.h"
#include "fetch_error.h"
#include "fetcher.h"
#include "loopback_http.h"
#include "paced_client.h"
#include "project_store.h"
#include "recorded_bodies.h"
#include "ukci_source.h"
#include "watttime_source.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cs;

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t jan1 = 1672531200; // 2023-01-01T00:00:00Z

FetchPacing fastPacing()
{
    FetchPacing p;
    p.minGapMs = 0;
    p.backoffBaseMs = 10;
    p.backoffCapMs = 40;
    p.timeoutSeconds = 5;
    return p;
}

// A project in a temporary folder and libcurl behind the pacing, as the Download dialog and `fetch` use them.
struct FetchRig
{
    QTemporaryDir dir;
    ProjectStore store = ProjectStore::open(dir.filePath("p.csdb").toStdString());
    CurlHttpClient curl;
    SystemFetchClock clock;
    PacedClient client;

    explicit FetchRig(const FetchPacing &pacing = fastPacing()) : client(curl, clock, pacing) {}
};

std::string queryValue(const std::string &path, const std::string &key)
{
    const QRegularExpression re(QString::fromStdString("[?&]" + key + "=([^&]*)"));
    const auto m = re.match(QString::fromStdString(path));
    return m.hasMatch() ? QUrl::fromPercentEncoding(m.captured(1).toLatin1()).toStdString() : std::string();
}

} // namespace

class TestFetchHttp : public QObject
{
    Q_OBJECT

private slots:
    void curlReportsTruncatedBodiesTimeoutsAndRetryAfter()
    {
        LoopbackHttp server([](const std::string &path, int, const std::string &) {
            LoopbackReply r;
            r.body = "{\"data\":[1,2,3,4,5,6,7,8]}";
            if (path == "/cut")
                r.truncate = true;
            if (path == "/slow")
                r.delayMs = 3000;
            if (path == "/busy") {
                r.status = 429;
                r.headers = {{"Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"}};
            }
            return r;
        });
        CurlHttpClient curl;
        HttpRequest ok{server.base() + "/ok", {{"auth-token", "t0k"}}};
        const HttpResponse whole = curl.get(ok, {});
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body, std::string("{\"data\":[1,2,3,4,5,6,7,8]}"));
        QVERIFY(whole.transportError.empty());
        QVERIFY(QString::fromStdString(server.heads().back()).contains("auth-token: t0k"));

        const HttpResponse cut = curl.get({server.base() + "/cut"}, {});
        QVERIFY2(QString::fromStdString(cut.transportError).contains("truncated"), cut.transportError.c_str());

        HttpRequest slow{server.base() + "/slow"};
        slow.timeoutSeconds = 1;
        const HttpResponse late = curl.get(slow, {});
        QVERIFY2(QString::fromStdString(late.transportError).contains("timed out", Qt::CaseInsensitive),
                 late.transportError.c_str());

        const HttpResponse busy = curl.get({server.base() + "/busy"}, {});
        QCOMPARE(busy.status, 429);
        QCOMPARE(busy.retryAfter, std::string("Wed, 21 Oct 2015 07:28:00 GMT"));

        HttpRequest login{server.base() + "/login"};
        login.basicUser = "ada";
        login.basicPassword = "pw";
        curl.get(login, {});
        QVERIFY(QString::fromStdString(server.heads().back()).contains("Authorization: Basic YWRhOnB3")); // ada:pw
        QVERIFY(!QString::fromStdString(server.paths().back()).contains("pw"));

        const HttpResponse refused = curl.get({"http://127.0.0.1:1/x"}, {});
        QCOMPARE(refused.status, 0);
        QVERIFY(!refused.transportError.empty());
    }

    void ukciNationalThroughErrorsEqualsWhatWasServed()
    {
        // 20 days = a 14-day call and a 6-day call; the first call is answered 503, then a truncated body, then
        // 429 with Retry-After 0, then a slow answer past the timeout, before its data.
        LoopbackHttp server([](const std::string &path, int count, const std::string &) {
            LoopbackReply r;
            const QStringList parts = QString::fromStdString(path).split('/');
            const std::int64_t from = *recorded::parseTime(parts[2].toStdString());
            const std::int64_t to = *recorded::parseTime(parts[3].toStdString());
            r.body = recorded::ukciNationalBody(from, to).toStdString();
            if (from == jan1 && count == 1)
                r.status = 503;
            if (from == jan1 && count == 2)
                r.truncate = true;
            if (from == jan1 && count == 3) {
                r.status = 429;
                r.headers = {{"Retry-After", "0"}};
            }
            if (from == jan1 && count == 4)
                r.delayMs = 2500;
            return r;
        });
        FetchPacing pacing = fastPacing();
        pacing.timeoutSeconds = 1;
        FetchRig rig(pacing);
        ProjectStore &store = rig.store;
        UkciSource source(server.base());
        Fetcher fetcher(source, rig.client, store);
        const FetchSummary summary = fetcher.run({{"national"}, jan1, jan1 + 20 * day, {}});
        QCOMPARE(summary.calls, 2LL);
        QCOMPARE(summary.retries, 4LL);
        QCOMPARE(server.total(), 6LL);
        QCOMPARE(summary.series.size(), std::size_t(1));
        QCOMPARE(summary.series[0].name, std::string("UK CI national"));

        const auto points = store.loadCarbonPoints("UK CI national");
        QCOMPARE(points.size(), std::size_t(20 * 48)); // the half-hour before jan1 that the API adds is left out
        for (const CarbonPoint &p : points) {
            const QJsonObject served = recorded::ukciNationalEntry(p.time);
            QCOMPARE(*p.forecast, served["forecast"].toDouble());
            QCOMPARE(*p.actual, served["actual"].toDouble());
        }
        QCOMPARE(points.front().time, jan1);
        QCOMPARE(points.back().time, jan1 + 20 * day - 1800);
        QCOMPARE(store.seriesInfo(SeriesKind::Carbon, "UK CI national").meta.provenance,
                 std::string("downloaded from UK Carbon Intensity API (national), 2023-01-01T00:00:00Z to "
                             "2023-01-21T00:00:00Z, through the ukci importer"));

        // Again: everything is cached, nothing is asked.
        const FetchSummary again = fetcher.run({{"national"}, jan1, jan1 + 20 * day, {}});
        QCOMPARE(again.calls, 0LL);
        QCOMPARE(again.cachedCalls, 2LL);
        QCOMPARE(server.total(), 6LL);
    }

    void electricityMapsPastRangeWithTheTokenInAHeaderOnly()
    {
        const std::string token = "em-t0ken-xyz";
        LoopbackHttp server([&](const std::string &path, int, const std::string &head) {
            LoopbackReply r;
            if (QString::fromStdString(head).contains(QString::fromStdString("auth-token: " + token)) == false) {
                r.status = 401;
                return r;
            }
            const std::int64_t from = *recorded::parseTime(queryValue(path, "start"));
            const std::int64_t to = *recorded::parseTime(queryValue(path, "end"));
            r.body = recorded::emPastRangeBody(QString::fromStdString(queryValue(path, "zone")), from, to).toStdString();
            return r;
        });
        FetchRig rig;
        ProjectStore &store = rig.store;
        ElectricityMapsSource source(token, server.base());
        Fetcher fetcher(source, rig.client, store);
        // 25 days in 10-day calls: 10 + 10 + 5, for two zones.
        const FetchSummary summary = fetcher.run({{"DE", "FR"}, jan1, jan1 + 25 * day, {}});
        QCOMPARE(summary.calls, 6LL);
        QCOMPARE(server.total(), 6LL);
        for (const auto &[path, count] : server.counts()) {
            QCOMPARE(count, 1);
            QVERIFY(!QString::fromStdString(path).contains(QString::fromStdString(token)));
        }
        const auto points = store.loadCarbonPoints("Electricity Maps DE");
        QCOMPARE(points.size(), std::size_t(25 * 24)); // past-range's inclusive end point is left to the next call
        for (const CarbonPoint &p : points)
            QCOMPARE(*p.actual, recorded::emIntensity(p.time));
        QCOMPARE(store.seriesInfo(SeriesKind::Carbon, "Electricity Maps FR").meta.region, std::string("FR"));
    }

    void electricityMapsHistoryServesTheLast24HoursOnly()
    {
        const std::int64_t hour = std::time(nullptr) / 3600 * 3600;
        LoopbackHttp server([&](const std::string &path, int, const std::string &) {
            LoopbackReply r;
            if (path != "/v3/carbon-intensity/history?zone=DE") {
                r.status = 404;
                return r;
            }
            QJsonArray history; // the 24 hours up to the current one, as /history answers
            for (std::int64_t t = hour - 23 * 3600; t <= hour; t += 3600) {
                QJsonObject p = recorded::emPoint(t);
                p["zone"] = "DE";
                p["datetime"] = recorded::isoMillis(t);
                history.append(p);
            }
            r.body = QJsonDocument(QJsonObject{{"zone", "DE"}, {"history", history}}).toJson().toStdString();
            return r;
        });
        FetchRig rig;
        ProjectStore &store = rig.store;
        ElectricityMapsSource source("tok", server.base(), ElectricityMapsSource::Endpoint::History);
        Fetcher fetcher(source, rig.client, store);
        // 18 of its hours: one call, trimmed to them.
        const FetchSummary summary = fetcher.run({{"DE"}, hour - 20 * 3600, hour - 2 * 3600, {}});
        QCOMPARE(summary.calls, 1LL);
        const auto points = store.loadCarbonPoints("Electricity Maps DE");
        QCOMPARE(points.size(), std::size_t(18));
        QCOMPARE(points.front().time, hour - 20 * 3600);
        for (const CarbonPoint &p : points)
            QCOMPARE(*p.actual, recorded::emIntensity(p.time));
        // Older than its 24 hours: refused before any request, pointing at past-range's reach.
        QVERIFY_THROWS_EXCEPTION(InputError, fetcher.run({{"DE"}, hour - 30 * 3600, hour - 2 * 3600, {}}));
        QCOMPARE(server.total(), 1LL);
    }

    void wattTimeLogsInAndRenewsAnExpiredToken()
    {
        int logins = 0;
        LoopbackHttp server([&](const std::string &path, int count, const std::string &head) {
            LoopbackReply r;
            const QString h = QString::fromStdString(head);
            if (path == "/login") {
                ++logins;
                r.status = h.contains("Authorization: Basic dXNlcjpwYXNz") ? 200 : 401; // user:pass
                r.body = "{\"token\":\"tok-" + std::to_string(logins) + "\"}";
                return r;
            }
            const std::int64_t from = *recorded::parseTime(queryValue(path, "start"));
            // The second call's first attempt finds the first token expired.
            if (from == jan1 + 32 * day && count == 1) {
                r.status = 401;
                return r;
            }
            if (!h.contains("Authorization: Bearer tok-")) {
                r.status = 401;
                return r;
            }
            const std::int64_t to = *recorded::parseTime(queryValue(path, "end"));
            r.body = recorded::wattTimeBody("CAISO_NORTH", from, to).toStdString();
            return r;
        });
        FetchRig rig;
        ProjectStore &store = rig.store;
        WattTimeSource source("user", "pass", server.base());
        Fetcher fetcher(source, rig.client, store);
        // 40 days: a 32-day call and an 8-day one.
        const FetchSummary summary = fetcher.run({{"CAISO_NORTH"}, jan1, jan1 + 40 * day, {}});
        QCOMPARE(summary.calls, 2LL);
        QCOMPARE(logins, 2);
        QCOMPARE(server.total(), 5LL); // login, call 1, call 2 (401), login, call 2
        const auto points = store.loadCarbonPoints("WattTime MOER CAISO_NORTH");
        QCOMPARE(points.size(), std::size_t(40 * 288));
        for (const CarbonPoint &p : points) // served in lbs/MWh, stored in g/kWh as recorded
            QVERIFY(std::abs(*p.actual - recorded::wattTimeGrams(p.time)) <= 1e-9 * recorded::wattTimeGrams(p.time));

        WattTimeSource wrong("user", "bad", server.base());
        Fetcher refused(wrong, rig.client, store);
        try {
            refused.run({{"CAISO_NORTH"}, jan1 + 40 * day, jan1 + 41 * day, {}});
            QFAIL("no error");
        } catch (const FetchError &e) {
            QCOMPARE(e.status(), 401);
            QVERIFY2(QString(e.what()).contains(QString::fromStdString(server.base() + "/login")), e.what());
            QVERIFY2(!QString(e.what()).contains("bad"), e.what());
        }
    }

    void aCancelKeepsWhatWasFetchedAndTheRerunAsksOnlyTheRest()
    {
        LoopbackHttp server([](const std::string &path, int, const std::string &) {
            const QStringList parts = QString::fromStdString(path).split('/');
            LoopbackReply r;
            r.body = recorded::ukciRegionBody(parts[6].toInt(), *recorded::parseTime(parts[3].toStdString()),
                                              *recorded::parseTime(parts[4].toStdString())).toStdString();
            return r;
        });
        FetchRig rig;
        ProjectStore &store = rig.store;
        UkciSource source(server.base());
        Fetcher fetcher(source, rig.client, store);
        // 2 regions x 30 days = 2 x (14 + 14 + 2): 6 calls; cancel before the 5th.
        const FetchSpec spec{{"1", "2"}, jan1, jan1 + 30 * day, {}};
        QVERIFY_THROWS_EXCEPTION(FetchCancelled, fetcher.run(spec, [](const FetchProgress &p) { return p.done < 4; }));
        QCOMPARE(server.total(), 4LL);
        QVERIFY(store.hasSeries(SeriesKind::Carbon, "UK CI North Scotland"));  // region 1 was complete
        QVERIFY(!store.hasSeries(SeriesKind::Carbon, "UK CI South Scotland"));
        const FetchSummary rest = fetcher.run(spec);
        QCOMPARE(rest.calls, 2LL);
        QCOMPARE(rest.cachedCalls, 4LL);
        QCOMPARE(server.total(), 6LL);
        for (const auto &[path, count] : server.counts())
            QCOMPARE(count, 1);
        const auto points = store.loadCarbonPoints("UK CI South Scotland");
        QCOMPARE(points.size(), std::size_t(30 * 48));
        for (const CarbonPoint &p : points)
            QCOMPARE(*p.forecast, recorded::ukciForecast(2, p.time));
    }

    void aBodyTheImporterRefusesNamesTheUrl()
    {
        LoopbackHttp server([](const std::string &, int, const std::string &) {
            LoopbackReply r;
            r.body = "{\"data\":[{\"from\":\"2023-01-01T00:00Z\",\"to\":\"2023-01-01T00:30Z\",\"intensity\":{\"forecast\":\"x\"}}]}";
            return r;
        });
        FetchRig rig;
        ProjectStore &store = rig.store;
        UkciSource source(server.base());
        Fetcher fetcher(source, rig.client, store);
        try {
            fetcher.run({{"national"}, jan1, jan1 + day, {}});
            QFAIL("no error");
        } catch (const FetchError &e) {
            QVERIFY2(QString(e.what()).contains(QString::fromStdString(server.base()
                                                + "/intensity/2023-01-01T00:00Z/2023-01-02T00:00Z (response body):1:")),
                     e.what());
        }
        QVERIFY(!store.hasSeries(SeriesKind::Carbon, "UK CI national"));
    }
};

QTEST_GUILESS_MAIN(TestFetchHttp)
#include "test_fetch_http.moc"
