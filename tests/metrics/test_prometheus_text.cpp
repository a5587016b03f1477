// The Prometheus text exposition of a live session, against text written out by hand: names, units, HELP/TYPE
// lines, label escaping, histogram buckets, and what is left out when nothing measures it.
#include "latency_histogram.h"
#include "live_metrics.h"
#include "prometheus_text.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

#include <vector>

using namespace cs;

class TestPrometheusText : public QObject
{
    Q_OBJECT

private slots:
    void numbersAsTheFormatSpellsThem()
    {
        QCOMPARE(prometheusNumber(42), std::string("42"));
        QCOMPARE(prometheusNumber(0.1), std::string("0.1"));
        QCOMPARE(prometheusNumber(1e-7), std::string("1e-07"));
        QCOMPARE(prometheusNumber(-2.5), std::string("-2.5"));
        QCOMPARE(prometheusNumber(std::numeric_limits<double>::infinity()), std::string("+Inf"));
        QCOMPARE(prometheusNumber(-std::numeric_limits<double>::infinity()), std::string("-Inf"));
        QCOMPARE(prometheusNumber(std::nan("")), std::string("NaN"));
    }

    void labelValuesAndHelpAreEscaped()
    {
        QCOMPARE(escapeLabelValue("a\\b\"c\nd"), std::string("a\\\\b\\\"c\\nd"));
        QCOMPARE(escapeHelpText("a\\b\"c\nd"), std::string("a\\\\b\"c\\nd")); // quotes stay in HELP
        PrometheusText t;
        t.family("x_total", "counter", "Things.");
        t.sample("x_total", {{"a", "1"}, {"b", "q\""}}, 3);
        QCOMPARE(t.text(), std::string("# HELP x_total Things.\n# TYPE x_total counter\nx_total{a=\"1\",b=\"q\\\"\"} 3\n"));
    }

    // A latency exactly on a bound is counted in that bucket (le means "less than or equal").
    void latencyOnABoundFallsInItsBucket()
    {
        LatencyHistogram h;
        const std::vector<double> ms{1.0, 1.0000001, 10000, 10000.5};
        h.observe(ms);
        QCOMPARE(h.cumulative(0), std::uint64_t(0)); // le 0.5 ms
        QCOMPARE(h.cumulative(1), std::uint64_t(1)); // le 1 ms
        QCOMPARE(h.cumulative(2), std::uint64_t(2)); // le 2.5 ms
        QCOMPARE(h.cumulative(13), std::uint64_t(3)); // le 10 s
        QCOMPARE(h.count(), std::uint64_t(4));       // +Inf
    }

    void aSessionOfTwoIntervals()
    {
        LiveMetrics m;
        m.begin({"threshold:B@150,A", "hand \"pool\"", {"A", "B"}, true, EnergyDomain::Host});
        const std::vector<double> first{0.5, 1, 30}, second{2, 20000};
        m.addInterval({200, "A", 3, 1, 36.0, 0.25, 0.5, 12.0, first});
        m.addInterval({100, "B", 2, 0, 18.0, 0.125, 0.25, 6.0, second});
        // By hand: energy 36 + 18 = 54 J, CO2 0.25 + 0.125 = 0.375 g, predicted 0.75 g, 5 served, 1 dropped;
        // latencies 0.5, 1, 2, 30 ms and 20 s: cumulative buckets 1, 2, 3, 3, 3, 3, 4 (le 50 ms) ... 4, then 5
        // at +Inf; sum (0.5 + 1 + 30 + 2 + 20000) ms = 20.0335 s.
        // (Ordinary literals: moc reads "#" at the start of a raw string's line as a directive.)
        const std::string expected =
            "# HELP carbonscope_carbon_intensity_grams_per_kwh Carbon intensity of the grid the current model was chosen on, gCO2/kWh.\n"
            "# TYPE carbonscope_carbon_intensity_grams_per_kwh gauge\n"
            "carbonscope_carbon_intensity_grams_per_kwh 100\n"
            "# HELP carbonscope_model_in_use 1 for the pool model serving now, 0 for the others.\n"
            "# TYPE carbonscope_model_in_use gauge\n"
            "carbonscope_model_in_use{model=\"A\"} 0\n"
            "carbonscope_model_in_use{model=\"B\"} 1\n"
            "# HELP carbonscope_host_energy_joules_total Energy the host used while serving, joules.\n"
            "# TYPE carbonscope_host_energy_joules_total counter\n"
            "carbonscope_host_energy_joules_total 54\n"
            "# HELP carbonscope_co2_grams_total CO2 of the measured energy at the grid's intensity, grams.\n"
            "# TYPE carbonscope_co2_grams_total counter\n"
            "carbonscope_co2_grams_total 0.375\n"
            "# HELP carbonscope_power_watts Mean power over the last interval, watts.\n"
            "# TYPE carbonscope_power_watts gauge\n"
            "carbonscope_power_watts 6\n"
            "# HELP carbonscope_predicted_co2_grams_total CO2 the simulation predicts for the requests served (the pool's energy per inference), grams.\n"
            "# TYPE carbonscope_predicted_co2_grams_total counter\n"
            "carbonscope_predicted_co2_grams_total 0.75\n"
            "# HELP carbonscope_requests_served_total Inference requests served.\n"
            "# TYPE carbonscope_requests_served_total counter\n"
            "carbonscope_requests_served_total 5\n"
            "# HELP carbonscope_requests_dropped_total Requests dropped (queued too long).\n"
            "# TYPE carbonscope_requests_dropped_total counter\n"
            "carbonscope_requests_dropped_total 1\n"
            "# HELP carbonscope_request_latency_seconds Latency of a request, arrival to result.\n"
            "# TYPE carbonscope_request_latency_seconds histogram\n"
            "carbonscope_request_latency_seconds_bucket{le=\"0.0005\"} 1\n"
            "carbonscope_request_latency_seconds_bucket{le=\"0.001\"} 2\n"
            "carbonscope_request_latency_seconds_bucket{le=\"0.0025\"} 3\n"
            "carbonscope_request_latency_seconds_bucket{le=\"0.005\"} 3\n"
            "carbonscope_request_latency_seconds_bucket{le=\"0.01\"} 3\n"
            "carbonscope_request_latency_seconds_bucket{le=\"0.025\"} 3\n"
            "carbonscope_request_latency_seconds_bucket{le=\"0.05\"} 4\n"
            "carbonscope_request_latency_seconds_bucket{le=\"0.1\"} 4\n"
            "carbonscope_request_latency_seconds_bucket{le=\"0.25\"} 4\n"
            "carbonscope_request_latency_seconds_bucket{le=\"0.5\"} 4\n"
            "carbonscope_request_latency_seconds_bucket{le=\"1\"} 4\n"
            "carbonscope_request_latency_seconds_bucket{le=\"2.5\"} 4\n"
            "carbonscope_request_latency_seconds_bucket{le=\"5\"} 4\n"
            "carbonscope_request_latency_seconds_bucket{le=\"10\"} 4\n"
            "carbonscope_request_latency_seconds_bucket{le=\"+Inf\"} 5\n"
            "carbonscope_request_latency_seconds_sum 20.0335\n"
            "carbonscope_request_latency_seconds_count 5\n"
            "# HELP carbonscope_intervals_total Trace intervals served.\n"
            "# TYPE carbonscope_intervals_total counter\n"
            "carbonscope_intervals_total 2\n"
            "# HELP carbonscope_policy_info The policy choosing the model, and its pool.\n"
            "# TYPE carbonscope_policy_info gauge\n"
            "carbonscope_policy_info{policy=\"threshold:B@150,A\",pool=\"hand \\\"pool\\\"\"} 1\n";
        // Line by line, so that a difference names its line.
        QCOMPARE(QString::fromStdString(m.exposition()).split(QLatin1Char('\n')),
                 QString::fromStdString(expected).split(QLatin1Char('\n')));
    }

    // Without a meter there is no energy or measured CO2 series at all (not a 0 that reads as "free"); the
    // prediction and the counts are still there. One unmeasured interval ends a measured series too.
    void whatIsNotMeasuredIsLeftOut()
    {
        LiveMetrics none;
        none.begin({"heuristic", "p", {"A"}, false, EnergyDomain::Gpu});
        none.addInterval({100, "A", 1, 0, std::nullopt, std::nullopt, 0.5, std::nullopt, {}});
        const std::string text = none.exposition();
        QVERIFY(text.find("energy_joules") == std::string::npos);
        QVERIFY(text.find("carbonscope_co2_grams_total") == std::string::npos);
        QVERIFY(text.find("carbonscope_power_watts") == std::string::npos);
        QVERIFY(text.find("carbonscope_predicted_co2_grams_total 0.5\n") != std::string::npos);

        LiveMetrics gap;
        gap.begin({"heuristic", "p", {"A"}, true, EnergyDomain::Gpu});
        gap.addInterval({100, "A", 1, 0, 10.0, 0.001, 0.5, 10.0, {}});
        QVERIFY(gap.exposition().find("carbonscope_gpu_energy_joules_total 10\n") != std::string::npos);
        gap.addInterval({100, "A", 1, 0, std::nullopt, std::nullopt, 0.5, std::nullopt, {}});
        QVERIFY(gap.exposition().find("energy_joules") == std::string::npos);
    }

    // Every series the Grafana dashboard (resources/grafana/carbonscope.json) queries is one a measured session
    // exposes: a renamed metric cannot leave a panel silently empty.
    void theDashboardQueriesOnlyExposedMetrics()
    {
        QFile f(QStringLiteral(CARBONSCOPE_SOURCE_DIR "/resources/grafana/carbonscope.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray panels = QJsonDocument::fromJson(f.readAll()).object()[QStringLiteral("panels")].toArray();
        QVERIFY(panels.size() >= 7);
        LiveMetrics gpu, host;
        const std::vector<double> ms{1.0};
        gpu.begin({"heuristic", "p", {"A"}, true, EnergyDomain::Gpu});
        gpu.addInterval({100, "A", 1, 0, 1.0, 0.1, 0.1, 1.0, ms});
        host.begin({"heuristic", "p", {"A"}, true, EnergyDomain::Host});
        host.addInterval({100, "A", 1, 0, 1.0, 0.1, 0.1, 1.0, ms});
        const QString exposed = QString::fromStdString(gpu.exposition() + host.exposition());
        const QRegularExpression name(QStringLiteral("carbonscope_[a-z0-9_]+"));
        int names = 0;
        for (const QJsonValue &panel : panels)
            for (const QJsonValue &target : panel.toObject()[QStringLiteral("targets")].toArray()) {
                const QString expr = target.toObject()[QStringLiteral("expr")].toString();
                for (auto it = name.globalMatch(expr); it.hasNext(); ++names) {
                    const QString metric = it.next().captured();
                    QVERIFY2(exposed.contains(QLatin1Char('\n') + metric + QLatin1Char(' '))
                                 || exposed.contains(QLatin1Char('\n') + metric + QLatin1Char('{')),
                             qPrintable(metric));
                }
            }
        QVERIFY(names >= 12);
    }

    // Before the first interval: no intensity yet, counters at 0, every model 0.
    void beforeTheFirstInterval()
    {
        LiveMetrics m;
        m.begin({"heuristic", "p", {"A", "B"}, true, EnergyDomain::Gpu});
        const std::string text = m.exposition();
        QVERIFY(text.find("carbonscope_carbon_intensity") == std::string::npos);
        QVERIFY(text.find("carbonscope_model_in_use{model=\"A\"} 0\ncarbonscope_model_in_use{model=\"B\"} 0\n")
                != std::string::npos);
        QVERIFY(text.find("carbonscope_gpu_energy_joules_total 0\n") != std::string::npos);
        QVERIFY(text.find("carbonscope_requests_served_total 0\n") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusText)
#include "test_prometheus_text.moc"
