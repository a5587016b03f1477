// The Live tab's intensity feed against a loopback HTTP server serving the recorded API responses in
// ../shared/data: parsing of the UK national and regional and Electricity Maps shapes, the auth token, retry with
// a doubling backoff, the timeout, and the last good value kept. No test reaches the internet.
#include "live/intensityresponse.h"
#include "live/liveintensityfeed.h"
#include "loopbackserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QtTest>

#include <functional>
#include <optional>

using namespace cs;

namespace {
QByteArray shared(const char *name)
{
    QFile f(QStringLiteral(CARBONSCOPE_SHARED_DATA "/") + QString::fromLatin1(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
// A bound on waits for the loopback server that succeed in milliseconds when all is well; never a duration checked.
constexpr int generousMs = 60000;

#define NEED(data)                                                                                                  \
    if ((data).isEmpty())                                                                                          \
        QSKIP("../shared/data is absent: the recorded API responses are needed");

LiveIntensityFeed::Settings settingsFor(const LoopbackServer &server, LiveIntensityFeed::Source source)
{
    LiveIntensityFeed::Settings s;
    s.source = source;
    s.ukBase = QUrl(server.base());
    s.electricityMapsBase = QUrl(server.base());
    s.timeoutMs = 60000; // a loopback answer on a loaded machine is never "no answer"
    s.firstBackoffMs = 50;
    s.maxAttempts = 3;
    return s;
}

// The feed under test against a loopback server that answers `path` with `replies`, on the settings for `source`
// as `adjust` leaves them (kept in `settings` for a test to change later).
struct FeedAgainstServer
{
    LoopbackServer server;
    LiveIntensityFeed feed;
    LiveIntensityFeed::Settings settings;

    FeedAgainstServer(const QByteArray &path, QList<CannedReply> replies, LiveIntensityFeed::Source source,
                      const std::function<void(LiveIntensityFeed::Settings &)> &adjust = {})
    {
        server.route(path, std::move(replies));
        settings = settingsFor(server, source);
        if (adjust)
            adjust(settings);
        feed.setSettings(settings);
    }
};

// Fetches once and waits for the reading; none where no reading came.
std::optional<IntensityReading> fetchReading(LiveIntensityFeed &feed)
{
    QSignalSpy got(&feed, &LiveIntensityFeed::readingArrived);
    feed.fetch();
    if (!got.wait(generousMs))
        return std::nullopt;
    return got.first().first().value<IntensityReading>();
}
} // namespace

class TestLiveFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<cs::IntensityReading>(); }

    void ukNationalNewestActual()
    {
        const QByteArray body = shared("uk_ci_national_intensity_date_2026-08-06.json");
        NEED(body);
        FeedAgainstServer rig("/intensity", {{200, body, false}}, LiveIntensityFeed::Source::UkNational);
        const std::optional<IntensityReading> r = fetchReading(rig.feed);
        QVERIFY(r);
        // The file's last period: 2026-08-06T22:30Z, forecast 157, actual 179.
        QCOMPARE(r->gPerKwh, 179.0);
        QCOMPARE(r->time, QDateTime(QDate(2026, 8, 6), QTime(22, 30), Qt::UTC));
        QVERIFY(!r->estimated);
        QCOMPARE(rig.server.paths, QList<QByteArray>{"/intensity"});
    }

    void actualZeroIsNotAMeasurement()
    {
        const QByteArray body = shared("uk_ci_national_intensity_date_2026-08-06.json");
        NEED(body);
        // The recorded period with "actual": 0 (2026-08-06T11:00Z, forecast 62), alone in a response.
        QJsonArray only;
        for (const QJsonValue &v : QJsonDocument::fromJson(body).object().value(QStringLiteral("data")).toArray())
            if (v.toObject().value(QStringLiteral("from")).toString() == QStringLiteral("2026-08-06T11:00Z"))
                only.append(v);
        QCOMPARE(only.size(), 1);
        QString error;
        const auto r = parseUkNational(QJsonDocument(QJsonObject{{QStringLiteral("data"), only}}).toJson(), &error);
        QVERIFY(r);
        QCOMPARE(r->gPerKwh, 62.0);
        QVERIFY(r->estimated);
    }

    void ukRegionFromPt24h()
    {
        const QByteArray body = shared("uk_ci_regional_intensity_2024-01-01_pt24h_data_array.json");
        NEED(body);
        FeedAgainstServer rig("/regional/regionid/11", {{200, body, false}}, LiveIntensityFeed::Source::UkRegion,
                              [](LiveIntensityFeed::Settings &s) { s.regionId = 11; });
        const std::optional<IntensityReading> r = fetchReading(rig.feed);
        QVERIFY(r);
        // Last period of the file, 2023-12-31T23:00Z: South West England (id 11) forecast 230.
        QCOMPARE(r->gPerKwh, 230.0);
        QCOMPARE(r->time, QDateTime(QDate(2023, 12, 31), QTime(23, 0), Qt::UTC));
        QVERIFY(r->source.contains(QStringLiteral("South West England")));
    }

    void electricityMapsWithToken()
    {
        const QByteArray body = shared("electricitymaps_api_history_FR_2024-07-04.json");
        NEED(body);
        FeedAgainstServer rig("/v3/carbon-intensity/latest", {{200, body, false}},
                              LiveIntensityFeed::Source::ElectricityMaps, [](LiveIntensityFeed::Settings &s) {
                                  s.zone = QStringLiteral("FR");
                                  s.token = QStringLiteral("test-token");
                              });
        const std::optional<IntensityReading> r = fetchReading(rig.feed);
        QVERIFY(r);
        // Newest point of the history: 2024-07-05T10:00Z, 19 g, estimated.
        QCOMPARE(r->gPerKwh, 19.0);
        QVERIFY(r->estimated);
        QCOMPARE(rig.server.paths.first(), QByteArray("/v3/carbon-intensity/latest?zone=FR"));
        QVERIFY(rig.server.requests.first().toLower().contains("auth-token: test-token"));
    }

    void electricityMapsLatestIsOnePoint()
    {
        // carbon-intensity/latest answers one point; read by the same importer as `import` (as a history of one).
        QString error;
        const auto r = parseElectricityMaps(R"({"zone":"DE","carbonIntensity":312,"datetime":"2024-07-05T10:00:00.000Z",
                                               "updatedAt":"2024-07-05T10:40:00.000Z","isEstimated":false})",
                                            &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->gPerKwh, 312.0);
        QCOMPARE(r->time, QDateTime(QDate(2024, 7, 5), QTime(10, 0), Qt::UTC));
        QVERIFY(!r->estimated);
        QVERIFY2(r->source.contains(QStringLiteral("zone DE")), qPrintable(r->source));
        QVERIFY(!parseElectricityMaps(R"({"error":"zone not found"})", &error));
        QVERIFY2(error.contains(QStringLiteral("zone not found")), qPrintable(error));
    }

    void retriesWithDoublingBackoff()
    {
        const QByteArray body = shared("uk_ci_national_intensity_date_2026-08-06.json");
        NEED(body);
        FeedAgainstServer rig("/intensity", {{503, "{}", false}, {503, "{}", false}, {200, body, false}},
                              LiveIntensityFeed::Source::UkNational);
        QSignalSpy got(&rig.feed, &LiveIntensityFeed::readingArrived);
        QSignalSpy failed(&rig.feed, &LiveIntensityFeed::fetchFailed);
        rig.feed.fetch();
        QVERIFY(got.wait(generousMs));
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.at(0).at(1).toInt(), 1);   // attempt 1
        QVERIFY(failed.at(0).at(2).toBool());      // will retry
        QCOMPARE(failed.at(0).at(3).toInt(), 50);  // first backoff
        QCOMPARE(failed.at(1).at(3).toInt(), 100); // doubled
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("503")));
        QCOMPARE(rig.server.paths.size(), 3);
    }

    void timeoutKeepsTheLastGoodValue()
    {
        const QByteArray body = shared("uk_ci_national_intensity_date_2026-08-06.json");
        NEED(body);
        FeedAgainstServer rig("/intensity", {{200, body, false}}, LiveIntensityFeed::Source::UkNational,
                              [](LiveIntensityFeed::Settings &s) { s.maxAttempts = 2; });
        QSignalSpy got(&rig.feed, &LiveIntensityFeed::readingArrived);
        QSignalSpy failed(&rig.feed, &LiveIntensityFeed::fetchFailed);
        rig.feed.fetch();
        QVERIFY(got.wait(generousMs));
        rig.server.route("/intensity", {{200, {}, true}}); // now the server never answers
        // A short timeout only now, where no answer comes at all (the first fetch had the generous one).
        rig.settings.timeoutMs = 200;
        rig.feed.setSettings(rig.settings);
        rig.feed.fetch();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, generousMs);
        QVERIFY(!failed.at(1).at(2).toBool()); // gave up
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("no answer")));
        QVERIFY(rig.feed.lastGood());
        QCOMPARE(rig.feed.lastGood()->gPerKwh, 179.0);
        QVERIFY(!rig.feed.busy());
    }

    void badBodySaysSo()
    {
        FeedAgainstServer rig("/intensity", {{200, "<html>maintenance</html>", false}},
                              LiveIntensityFeed::Source::UkNational,
                              [](LiveIntensityFeed::Settings &s) { s.maxAttempts = 1; });
        QSignalSpy failed(&rig.feed, &LiveIntensityFeed::fetchFailed);
        rig.feed.fetch();
        QVERIFY(failed.wait(generousMs));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("not JSON")));
        QVERIFY(!rig.feed.lastGood());
    }
};

QTEST_MAIN(TestLiveFeed)
#include "test_live_feed.moc"
