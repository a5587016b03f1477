// A real Prometheus (the Debian package) started on loopback scrapes `carbonscope-cli live --metrics` serving a
// three-interval session on the CPU; the values read back through Prometheus's HTTP query API equal the session's
// own totals (its --json output and its CodeCarbon emissions.csv).
#include "fixture_files.h"
#include "http_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using cs::test::writeFixture;

namespace {

// One instant query's result vector ([] when Prometheus has no such series yet).
QJsonArray query(int port, const QString &promql)
{
    const std::string r = httpGet(port, "/api/v1/query?query=" + QUrl::toPercentEncoding(promql).toStdString());
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(httpBody(r))).object();
    return o.value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray();
}

double value(const QJsonArray &result)
{
    return result.isEmpty() ? qQNaN() : result[0].toObject()[QStringLiteral("value")].toArray()[1].toString().toDouble();
}

// One CSV line's fields, RFC 4180 quoting undone (the session's label and policy hold commas).
QStringList csvFields(const QString &line)
{
    QStringList fields{QString()};
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted && c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"'))
            fields.last() += line[++i];
        else if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (c == QLatin1Char(',') && !quoted)
            fields.append(QString());
        else
            fields.last() += c;
    }
    return fields;
}

// The CSV's first data row as column -> field.
QMap<QString, QString> csvRow(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    QMap<QString, QString> row;
    const QStringList names = csvFields(lines.value(0)), fields = csvFields(lines.value(1));
    for (int i = 0; i < names.size() && i < fields.size(); ++i)
        row[names[i]] = fields[i];
    return row;
}

} // namespace

class TestPrometheusScrape : public QObject
{
    Q_OBJECT

private slots:
    void prometheusReadsWhatTheSessionMeasured()
    {
#ifndef CARBONSCOPE_TORCH_MODULE_BUILT
        QSKIP("the LibTorch engine module (libcarbonscope_torch.so) was not built (LibTorch not found): no live "
              "session can run; install libtorch-dev (scripts/install-deps.sh) to run this suite");
#endif
        const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        if (prometheus.isEmpty())
            QSKIP("Prometheus is not installed (Debian package prometheus; scripts/install-deps.sh installs it)");
        QTemporaryDir dir;
        const int promPort = freeLoopbackPort(), metricsPort = freeLoopbackPort();
        QVERIFY(promPort > 0 && metricsPort > 0 && promPort != metricsPort);
        const QString config = writeFixture(dir, QStringLiteral("prometheus.yml"),
                                            QStringLiteral("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                                           "scrape_configs:\n  - job_name: carbonscope\n"
                                                           "    static_configs:\n      - targets: ['127.0.0.1:%1']\n")
                                                .arg(metricsPort)
                                                .toUtf8());
        QProcess prom;
        prom.setProcessChannelMode(QProcess::MergedChannels);
        prom.start(prometheus, {QStringLiteral("--config.file=") + config,
                                QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("data")),
                                QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort)});
        QVERIFY2(prom.waitForStarted(10000), qPrintable(prom.errorString()));
        auto stopPrometheus = qScopeGuard([&] {
            prom.terminate();
            if (!prom.waitForFinished(10000))
                prom.kill();
        });
        QTRY_VERIFY_WITH_TIMEOUT(httpGet(promPort, "/-/ready").rfind("HTTP/1.0 200", 0) == 0, 30000); // Go answers in the request's version

        // Two models on the CPU at 32 px; threshold policy: ResNet34 below 150 g/kWh, ResNet18 from 150. The
        // intensities 100, 300, 200 give ResNet34, ResNet18, ResNet18. A 40 W fake meter makes the energy
        // measured (and made up); one trace hour lasts one wall second.
        const QString pool = writeFixture(dir, QStringLiteral("pool.json"),
                                          "{\"name\": \"two\", \"models\": [{\"name\": \"ResNet18\", \"energy_mj\": 9.41, "
                                          "\"error_pct\": 10.922}, {\"name\": \"ResNet34\", \"energy_mj\": 16.3, "
                                          "\"error_pct\": 8.58}]}");
        const QString emissions = dir.filePath(QStringLiteral("emissions.csv"));
        QProcess live;
        live.start(QStringLiteral(CARBONSCOPE_CLI),
                   {"live", "--carbon", "stdin", "--interval", "3600", "--speedup", "3600", "--pool", pool,
                    "--policy", "threshold:ResNet34@150,ResNet18", "--device", "cpu", "--image-size", "32",
                    "--meter", "fake:40", "--idle-seconds", "0", "--rate", "20", "--max-batch", "4",
                    "--drop-after-ms", "60000", "--duration", "0", "--json", "--emissions", emissions,
                    "--metrics", QStringLiteral("127.0.0.1:%1").arg(metricsPort)});
        QVERIFY(live.waitForStarted(10000));
        // stdin stays open: after its third interval the session waits for a fourth, still serving /metrics.
        live.write("100\n300\n200\n");
        QTRY_VERIFY_WITH_TIMEOUT(value(query(promPort, QStringLiteral("carbonscope_intervals_total"))) == 3, 180000);

        const double served = value(query(promPort, QStringLiteral("carbonscope_requests_served_total")));
        const double dropped = value(query(promPort, QStringLiteral("carbonscope_requests_dropped_total")));
        const double energy = value(query(promPort, QStringLiteral("carbonscope_host_energy_joules_total")));
        const double co2 = value(query(promPort, QStringLiteral("carbonscope_co2_grams_total")));
        const double predicted = value(query(promPort, QStringLiteral("carbonscope_predicted_co2_grams_total")));
        const double latencyCount = value(query(promPort, QStringLiteral("carbonscope_request_latency_seconds_count")));
        const double infBucket =
            value(query(promPort, QStringLiteral("carbonscope_request_latency_seconds_bucket{le=\"+Inf\"}")));
        QCOMPARE(value(query(promPort, QStringLiteral("carbonscope_carbon_intensity_grams_per_kwh"))), 200.0);
        QCOMPARE(value(query(promPort, QStringLiteral("carbonscope_model_in_use{model=\"ResNet18\"}"))), 1.0);
        QCOMPARE(value(query(promPort, QStringLiteral("carbonscope_model_in_use{model=\"ResNet34\"}"))), 0.0);
        QVERIFY(query(promPort, QStringLiteral("carbonscope_gpu_energy_joules_total")).isEmpty()); // the host measured
        const QJsonArray policy = query(promPort, QStringLiteral("carbonscope_policy_info"));
        QCOMPARE(policy.size(), 1);
        QCOMPARE(policy[0].toObject()[QStringLiteral("metric")].toObject()[QStringLiteral("policy")].toString(),
                 QStringLiteral("threshold:ResNet34@150,ResNet18"));
        QCOMPARE(policy[0].toObject()[QStringLiteral("metric")].toObject()[QStringLiteral("pool")].toString(),
                 QStringLiteral("two"));

        live.closeWriteChannel(); // the fourth interval never comes: the session ends
        QVERIFY(live.waitForFinished(60000));
        const QByteArray out = live.readAllStandardOutput();
        QVERIFY2(live.exitCode() == 0, live.readAllStandardError().constData());
        const QJsonObject sum = QJsonDocument::fromJson(out).object();
        QCOMPARE(sum[QStringLiteral("intervals")].toInt(), 3);
        QVERIFY(sum[QStringLiteral("served")].toInteger() > 0);
        QCOMPARE(served, double(sum[QStringLiteral("served")].toInteger()));
        QCOMPARE(dropped, double(sum[QStringLiteral("dropped")].toInteger()));
        QCOMPARE(latencyCount, served); // one latency per served request
        QCOMPARE(infBucket, served);
        const auto near = [](double a, double b) { return qAbs(a - b) <= 1e-9 * qMax(1.0, qAbs(b)); };
        QVERIFY2(near(energy, sum[QStringLiteral("energy_j")].toDouble()), qPrintable(QString::number(energy)));
        QVERIFY2(near(co2, sum[QStringLiteral("co2_g")].toDouble()), qPrintable(QString::number(co2)));
        QVERIFY2(near(predicted, sum[QStringLiteral("predicted_co2_g")].toDouble()), qPrintable(QString::number(predicted)));
        // The CO2 follows from the energy at the intensities: between 100 and 300 g/kWh of it.
        QVERIFY(co2 >= energy / 3.6e6 * 100 && co2 <= energy / 3.6e6 * 300);

        // And CodeCarbon's file holds the same totals in its units (kWh, kg).
        const QMap<QString, QString> row = csvRow(emissions);
        QVERIFY(near(row[QStringLiteral("cpu_energy")].toDouble() * 3.6e6, energy));
        QVERIFY(near(row[QStringLiteral("emissions")].toDouble() * 1000, co2));
        QCOMPARE(row[QStringLiteral("gpu_energy")], QString()); // no GPU measured
        QCOMPARE(row[QStringLiteral("experiment_id")], QStringLiteral("threshold:ResNet34@150,ResNet18"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusScrape)
#include "test_prometheus_scrape.moc"
