// The /metrics HTTP server on loopback: what a scrape gets, what other requests get, the request-size bound, and
// the addresses --metrics accepts.
#include "http_client.h"
#include "metrics_server.h"
#include "parse_error.h"
#include "prometheus_text.h"

#include <QtTest>

#include <atomic>

using namespace cs;

class TestMetricsServer : public QObject
{
    Q_OBJECT

private slots:
    void servesTheBodyAtMetrics()
    {
        std::atomic<int> calls{0};
        MetricsServer server({"127.0.0.1", 0}, [&] {
            ++calls;
            return std::string("x_total 1\n");
        });
        server.start();
        QVERIFY(server.port() > 0);
        QCOMPARE(QString::fromStdString(server.url()),
                 QStringLiteral("http://127.0.0.1:%1/metrics").arg(server.port()));
        const std::string r = httpGet(server.port(), "/metrics");
        QVERIFY2(r.rfind("HTTP/1.0 200 OK\r\n", 0) == 0, r.c_str());
        QVERIFY(r.find("Content-Type: text/plain; version=0.0.4; charset=utf-8\r\n") != std::string::npos);
        QVERIFY(r.find("Content-Length: 10\r\n") != std::string::npos);
        QCOMPARE(httpBody(r), std::string("x_total 1\n"));
        QCOMPARE(calls.load(), 1); // formatted per scrape, not before
        // A query string is ignored, as Prometheus's own exporters do.
        QCOMPARE(httpBody(httpGet(server.port(), "/metrics?x=1")), std::string("x_total 1\n"));
    }

    void otherRequestsAreRefused()
    {
        MetricsServer server({"127.0.0.1", 0}, [] { return std::string("x 1\n"); });
        server.start();
        QVERIFY(httpGet(server.port(), "/").rfind("HTTP/1.0 404 ", 0) == 0);
        QVERIFY(rawHttp(server.port(), "POST /metrics HTTP/1.0\r\n\r\n").rfind("HTTP/1.0 405 ", 0) == 0);
        const std::string huge = "GET /metrics HTTP/1.0\r\nX-Pad: " + std::string(20000, 'a') + "\r\n\r\n";
        QVERIFY(rawHttp(server.port(), huge).rfind("HTTP/1.0 431 ", 0) == 0);
        // After all that it still serves.
        QCOMPARE(httpBody(httpGet(server.port(), "/metrics")), std::string("x 1\n"));
    }

    void stopsAndFreesThePort()
    {
        int port = 0;
        {
            MetricsServer server({"127.0.0.1", 0}, [] { return std::string(); });
            server.start();
            port = server.port();
        }
        QVERIFY(httpGet(port, "/metrics").empty()); // nothing listens any more
        MetricsServer again({"127.0.0.1", port}, [] { return std::string("y 2\n"); });
        again.start();
        QCOMPARE(httpBody(httpGet(port, "/metrics")), std::string("y 2\n"));
    }

    void aPortInUseIsAClearError()
    {
        MetricsServer first({"127.0.0.1", 0}, [] { return std::string(); });
        first.start();
        MetricsServer second({"127.0.0.1", first.port()}, [] { return std::string(); });
        try {
            second.start();
            QFAIL("bound a port in use");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).startsWith(QStringLiteral("metrics: cannot listen on 127.0.0.1:%1: ")
                                                      .arg(first.port())),
                     e.what());
        }
    }

    void listenAddresses()
    {
        QCOMPARE(parseListenAddress("127.0.0.1:9464").host, std::string("127.0.0.1"));
        QCOMPARE(parseListenAddress("127.0.0.1:9464").port, 9464);
        QCOMPARE(parseListenAddress(":9100").host, std::string("127.0.0.1")); // loopback unless asked
        QCOMPARE(parseListenAddress("[::1]:9464").host, std::string("::1"));
        QCOMPARE(parseListenAddress("0.0.0.0:0").port, 0);
        for (const char *bad : {"9464", "localhost:9464", "127.0.0.1:", "127.0.0.1:70000", "127.0.0.1:9x"}) {
            try {
                parseListenAddress(bad);
                QFAIL(bad);
            } catch (const InputError &e) {
                QVERIFY2(QString(e.what()).startsWith(QStringLiteral("--metrics '%1': ").arg(bad)), e.what());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestMetricsServer)
#include "test_metrics_server.moc"
