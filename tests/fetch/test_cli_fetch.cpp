// carbonscope-cli fetch as a user runs it, against a loopback server replaying recorded UK CI / Electricity Maps
// answers: a year of 14 regions in one command, interrupted (Ctrl-C, kill -9) and resumed with nothing asked
// twice, errors with their status and URL, and tokens that never reach the command line, the project or a message.
#include "loopback_http.h"
#include "project_store.h"
#include "recorded_bodies.h"
#include "ukci_source.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <csignal>
#include <set>

using namespace cs;

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t jan1 = 1672531200; // 2023-01-01T00:00:00Z

struct Result
{
    int status;
    QString out;
    QString err;
};

// Runs the CLI; `started` gets its process id while it runs (for the server to interrupt it).
Result runCli(const QStringList &args, std::atomic<qint64> *started = nullptr,
              const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CARBONSCOPE_CLI), args);
    if (!p.waitForStarted(30000))
        qFatal("carbonscope-cli did not start");
    if (started)
        *started = p.processId();
    p.waitForFinished(600000);
    const int status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return {status, QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// The UK CI regional route: /regional/intensity/{from}/{to}/regionid/{id}.
LoopbackReply ukciRegional(const std::string &path)
{
    const QStringList parts = QString::fromStdString(path).split('/');
    LoopbackReply r;
    if (parts.size() != 7 || parts[5] != "regionid") {
        r.status = 400;
        r.body = "{\"error\":{\"code\":\"400 Bad Request\",\"message\":\"Please enter a valid route.\"}}";
        return r;
    }
    const auto from = recorded::parseTime(parts[3].toStdString());
    const auto to = recorded::parseTime(parts[4].toStdString());
    if (!from || !to || *to - *from > UkciSource::facts.maxSpan) {
        r.status = 400;
        r.body = "{\"error\":{\"message\":\"the date range is more than 14 days\"}}";
        return r;
    }
    r.body = recorded::ukciRegionBody(parts[6].toInt(), *from, *to).toStdString();
    return r;
}

QStringList fetchArgs(const QString &base, const QString &db, const QString &regions, const QString &from,
                      const QString &to)
{
    return {"fetch", "--source", "ukci", "--region", regions, "--from", from, "--to", to, "--db", db,
            "--base-url", base, "--min-gap-ms", "0", "--quiet"};
}

} // namespace

class TestCliFetch : public QObject
{
    Q_OBJECT

private slots:
    void aYearOf14RegionsInterruptedAndResumedAsksEachCallOnce()
    {
        LoopbackHttp server([](const std::string &path, int, const std::string &) { return ukciRegional(path); });
        std::atomic<qint64> pid{0};
        // Ctrl-C as the 100th request arrives: that request is answered and kept, and no other is sent.
        server.setOnRequest([&](long long total, const std::string &) {
            if (total == 100)
                ::kill(static_cast<pid_t>(pid.load()), SIGINT);
        });
        QTemporaryDir dir;
        const QString db = dir.filePath("year.csdb");
        const QStringList args = fetchArgs(QString::fromStdString(server.base()), db, "1-14", "2023-01-01", "2024-01-01");

        const Result first = runCli(args, &pid);
        QCOMPARE(first.status, 2);
        QVERIFY2(first.err.contains("interrupted") && first.err.contains("run the same command again"), qPrintable(first.err));
        QCOMPARE(server.total(), 100LL);

        server.setOnRequest({});
        const Result second = runCli(args);
        QVERIFY2(second.status == 0, qPrintable(second.err));
        // 365 days in calls of at most 14 days: ceil(365 / 14) = 27 per region, 14 x 27 = 378 in all; the first
        // run fetched 100 (regions 1-3 whole, 19 of region 4), the second the other 278.
        QVERIFY2(second.out.contains("fetched 278 calls from UK Carbon Intensity API (100 already cached)"),
                 qPrintable(second.out));
        QCOMPARE(server.total(), 378LL);
        const std::map<std::string, int> counts = server.counts();
        QCOMPARE(counts.size(), std::size_t(378));
        std::map<int, int> callsPerRegion;
        for (const auto &[path, count] : counts) {
            QCOMPARE(count, 1);
            callsPerRegion[QString::fromStdString(path).section('/', 6, 6).toInt()] += 1;
        }
        QCOMPARE(callsPerRegion.size(), std::size_t(14));
        for (const auto &[region, calls] : callsPerRegion)
            QCOMPARE(calls, 27);

        // The stored series are what the server served: every half-hour of 2023, the recorded forecasts.
        ProjectStore store = ProjectStore::open(db.toStdString(), ProjectStore::OpenMode::ReadOnly);
        for (int id = 1; id <= 14; ++id) {
            const std::string name = "UK CI " + UkciSource::regionName(id);
            const std::vector<CarbonPoint> points = store.loadCarbonPoints(name);
            QCOMPARE(points.size(), std::size_t(365 * 48));
            for (std::size_t k = 0; k < points.size(); ++k) {
                const std::int64_t t = jan1 + static_cast<std::int64_t>(k) * 1800;
                if (points[k].time != t || !points[k].forecast || points[k].actual
                    || *points[k].forecast != recorded::ukciForecast(id, t))
                    QFAIL(qPrintable(QString("%1: point %2 differs from what was served").arg(name.c_str()).arg(k)));
            }
            QCOMPARE(store.seriesInfo(SeriesKind::Carbon, name).meta.intervalSeconds, 1800LL);
        }
    }

    void aKillInFlightRefetchesThatOneCallOnly()
    {
        LoopbackHttp server([](const std::string &path, int, const std::string &) { return ukciRegional(path); });
        std::atomic<qint64> pid{0};
        std::string killedPath;
        // kill -9 as the 7th request arrives, before it is answered: 6 calls were kept.
        server.setOnRequest([&](long long total, const std::string &path) {
            if (total == 7) {
                killedPath = path;
                ::kill(static_cast<pid_t>(pid.load()), SIGKILL);
                // Answering must wait for the process to be gone.
                for (int i = 0; i < 500 && ::kill(static_cast<pid_t>(pid.load()), 0) == 0; ++i)
                    QThread::msleep(10);
            }
        });
        QTemporaryDir dir;
        const QString db = dir.filePath("killed.csdb");
        // 2 regions x 60 days = 2 x (14 + 14 + 14 + 14 + 4): 10 calls.
        const QStringList args = fetchArgs(QString::fromStdString(server.base()), db, "11,13", "2023-01-01", "2023-03-02");
        const Result killed = runCli(args, &pid);
        QCOMPARE(killed.status, -1);
        server.setOnRequest({});
        const Result resumed = runCli(args);
        QVERIFY2(resumed.status == 0, qPrintable(resumed.err));
        QVERIFY2(resumed.out.contains("fetched 4 calls from UK Carbon Intensity API (6 already cached)"), qPrintable(resumed.out));
        QCOMPARE(server.total(), 11LL);
        for (const auto &[path, count] : server.counts())
            QCOMPARE(count, path == killedPath ? 2 : 1);
        ProjectStore store = ProjectStore::open(db.toStdString(), ProjectStore::OpenMode::ReadOnly);
        QCOMPARE(store.loadCarbonPoints("UK CI London").size(), std::size_t(60 * 48));
        QCOMPARE(store.loadCarbonPoints("UK CI South West England").size(), std::size_t(60 * 48));
    }

    void anHttpErrorExits2WithStatusAndUrl()
    {
        LoopbackHttp server([](const std::string &, int, const std::string &) {
            LoopbackReply r;
            r.status = 404;
            r.body = "{\"error\":\"not found\"}";
            return r;
        });
        QTemporaryDir dir;
        const Result r = runCli(fetchArgs(QString::fromStdString(server.base()), dir.filePath("e.csdb"), "1",
                                          "2023-01-01", "2023-02-01"));
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("HTTP 404"), qPrintable(r.err));
        QVERIFY2(r.err.contains(QString::fromStdString(server.base())
                                + "/regional/intensity/2023-01-01T00:00Z/2023-01-15T00:00Z/regionid/1"),
                 qPrintable(r.err));
        QCOMPARE(server.total(), 1LL); // a 404 is not retried
        const Result bad = runCli(fetchArgs("http://127.0.0.1:1", dir.filePath("e.csdb"), "18", "2023-01-01", "2023-02-01"));
        QCOMPARE(bad.status, 2);
        QVERIFY2(bad.err.contains("region \"18\""), qPrintable(bad.err));
    }

    void theTokenStaysOutOfArgumentsProjectAndMessages()
    {
        const QString token = "EMtok-4f9a1c2e";
        LoopbackHttp server([&](const std::string &path, int, const std::string &head) {
            LoopbackReply r;
            if (!QString::fromStdString(head).contains("auth-token: " + token)) {
                r.status = 401;
                r.body = "{\"message\":\"bad token\"}";
                return r;
            }
            const QString p = QString::fromStdString(path);
            const QString zone = QRegularExpression("zone=([^&]*)").match(p).captured(1);
            const auto from = recorded::parseTime(QUrl::fromPercentEncoding(QRegularExpression("start=([^&]*)").match(p).captured(1).toLatin1()).toStdString());
            const auto to = recorded::parseTime(QUrl::fromPercentEncoding(QRegularExpression("end=([^&]*)").match(p).captured(1).toLatin1()).toStdString());
            if (zone == "XX") { // a zone the server fails on, echoing the token as a careless server might
                r.status = 500;
                r.body = "{\"token\":\"" + token.toStdString() + "\",\"message\":\"internal error\"}";
                return r;
            }
            r.body = recorded::emPastRangeBody(zone, *from, *to).toStdString();
            return r;
        });
        QTemporaryDir dir;
        const QString db = dir.filePath("em.csdb");
        const QStringList args{"fetch", "--source", "electricitymaps", "--region", "DE,FR", "--from", "2023-01-01",
                               "--to", "2023-01-21", "--db", db, "--base-url", QString::fromStdString(server.base()),
                               "--min-gap-ms", "0"};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove("CARBONSCOPE_EM_TOKEN");
        const Result missing = runCli(args, nullptr, env);
        QCOMPARE(missing.status, 2);
        QVERIFY2(missing.err.contains("CARBONSCOPE_EM_TOKEN") && missing.err.contains("--token-file"), qPrintable(missing.err));

        env.insert("CARBONSCOPE_EM_TOKEN", token);
        const Result ok = runCli(args, nullptr, env);
        QVERIFY2(ok.status == 0, qPrintable(ok.err));
        QVERIFY2(ok.out.contains("fetched 4 calls"), qPrintable(ok.out)); // 2 zones x (10 + 10 days)
        // From a file instead of the environment.
        const QString tokenFile = dir.filePath("token.txt");
        QFile f(tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write((token + "\n").toUtf8());
        f.close();
        env.remove("CARBONSCOPE_EM_TOKEN");
        QStringList failing = args;
        failing[4] = "XX";
        failing << "--token-file" << tokenFile << "--attempts" << "2" << "--backoff-cap-ms" << "10";
        const Result failed = runCli(failing, nullptr, env);
        QCOMPARE(failed.status, 2);
        QVERIFY2(failed.err.contains("HTTP 500") && failed.err.contains("gave up after 2 attempts"), qPrintable(failed.err));
        QVERIFY2(!failed.err.contains(token) && !failed.out.contains(token), qPrintable(failed.err));
        QVERIFY2(failed.err.contains("{\"token\":\"***\""), qPrintable(failed.err)); // echoed, and masked
        QVERIFY(!ok.err.contains(token) && !ok.out.contains(token));
        for (const QString &path : {db, db + "-wal"}) {
            QFile project(path);
            if (project.open(QIODevice::ReadOnly))
                QVERIFY2(!project.readAll().contains(token.toUtf8()), qPrintable(path));
        }
        for (const std::string &p : server.paths())
            QVERIFY(!QString::fromStdString(p).contains(token));
        ProjectStore store = ProjectStore::open(db.toStdString(), ProjectStore::OpenMode::ReadOnly);
        QCOMPARE(store.loadCarbonPoints("Electricity Maps FR").size(), std::size_t(20 * 24));
    }
};

QTEST_GUILESS_MAIN(TestCliFetch)
#include "test_cli_fetch.moc"
