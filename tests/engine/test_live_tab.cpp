// The Live tab: replays the session recorded on the H100 (bench/results) and, where the engine is built, runs a
// short session on this machine's CPU off the GUI thread.
#include "../metrics/http_client.h"
#include "fixture_files.h"
#include "live/livefeedbox.h"
#include "live/liveintensityfeed.h"
#include "live/liveplot.h"
#include "live/livereadouts.h"
#include "live/livetab.h"
#include "qcp.h"
#include "serving_device.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cs;

class TestLiveTab : public QObject
{
    Q_OBJECT

private slots:
    // Before any session the plot has no tick labels (the empty time axis read "01 Jan 00:00" at every tick) and
    // says how to get data; the first row brings the axes back, clear() empties them again.
    void emptyPlotShowsAHintInsteadOfTicks()
    {
        LiveTab tab(nullptr);
        LivePlot *plot = tab.plot();
        QCOMPARE(plot->points(), 0);
        QVERIFY(plot->placeholder()->visible());
        QVERIFY(plot->placeholder()->text().startsWith(QStringLiteral("Start a session")));
        QVERIFY(!plot->plot()->xAxis->tickLabels());
        QVERIFY(!plot->plot()->yAxis->tickLabels());

        LiveInterval row;
        row.time = 1685577600; // 2023-06-01 00:00 UTC
        row.intensity = 150;
        row.co2G = 0.5;
        row.predictedCo2G = 0.4;
        plot->append(row);
        row.time += 1800;
        plot->append(row);
        QVERIFY(!plot->placeholder()->visible());
        QVERIFY(plot->plot()->xAxis->tickLabels());
        QVERIFY(plot->plot()->yAxis->tickLabels());
        QVERIFY(plot->plot()->legend->visible());
        // The axis now spans the rows' half hour, not the epoch.
        QCOMPARE(plot->plot()->xAxis->range().lower, 1685577600.0);
        QCOMPARE(plot->plot()->xAxis->range().upper, 1685577600.0 + 1800);

        plot->clear();
        QVERIFY(plot->placeholder()->visible());
        QVERIFY(!plot->plot()->xAxis->tickLabels());
    }

    // Before Start the tab says what a session would run on, in each of the three cases, and Start is offered only
    // where the engine module is there.
    void statesWhatItWillRunOnBeforeStart()
    {
        LiveTab tab(nullptr);
        QPushButton *start = nullptr;
        for (QPushButton *b : tab.findChildren<QPushButton *>())
            if (b->text() == QStringLiteral("Start"))
                start = b;
        QVERIFY(start);
        tab.showServingDevice({true, std::string("NVIDIA H200")});
        QCOMPARE(tab.servingDeviceText(), QStringLiteral("NVIDIA H200 (CUDA)"));
        QVERIFY(start->isEnabled());
        tab.showServingDevice({true, std::nullopt});
        QCOMPARE(tab.servingDeviceText(), QStringLiteral("no GPU found: will serve on the CPU"));
        QVERIFY(start->isEnabled());
        tab.showServingDevice({false, std::nullopt});
        QVERIFY(tab.servingDeviceText().startsWith(QStringLiteral("LibTorch module not installed")));
        QVERIFY(!start->isEnabled());
        QVERIFY(tab.statusText().contains(QStringLiteral("replayed")));
    }

    // Power, latency and measured CO2 that no meter measured read "—", not 0; one unmeasured interval makes the
    // measured total "—" (it would undercount), while the prediction still adds up.
    void unmeasuredReadsADashNotZero()
    {
        LiveTab tab(nullptr);
        LiveReadouts *r = tab.readouts();
        QCOMPARE(r->co2Text(), QStringLiteral("—"));
        LiveInterval row;
        row.model = "ResNet50";
        row.served = 10;
        row.predictedCo2G = 0.25;
        r->show(row);
        QCOMPARE(r->powerText(), QStringLiteral("—"));
        QCOMPARE(r->latencyText(), QStringLiteral("—"));
        QCOMPARE(r->co2Text(), QStringLiteral("— / 0.25 g"));
        row.co2G = 0.5;
        row.meanPowerW = 120;
        row.latencyP50Ms = 1.5;
        row.latencyP99Ms = 3.25;
        r->show(row);
        QCOMPARE(r->powerText(), QStringLiteral("120 W"));
        QCOMPARE(r->latencyText(), QStringLiteral("1.50 / 3.25 ms"));
        QCOMPARE(r->co2Text(), QStringLiteral("— / 0.5 g")); // the first interval went unmeasured
        r->clear();
        r->show(row);
        QCOMPARE(r->co2Text(), QStringLiteral("0.5 g / 0.25 g"));
    }

    void saysWhyLiveDecidesDifferently()
    {
        LiveTab tab(nullptr);
        QVERIFY(tab.decisionNote().contains(QStringLiteral("seen so far")));
        QVERIFY(tab.decisionNote().contains(QStringLiteral("Timeline")));
    }

    void regionsAreListedByName()
    {
        LiveTab tab(nullptr);
        QComboBox *regions = tab.feedBox()->regionBox();
        QCOMPARE(regions->count(), 18);
        QCOMPARE(regions->currentData().toInt(), 11);
        QCOMPARE(regions->currentText(), QStringLiteral("11 — South West England"));
        QCOMPARE(regions->itemText(regions->findData(13)), QStringLiteral("13 — London"));
        regions->setCurrentIndex(regions->findData(1));
        for (QComboBox *source : tab.feedBox()->findChildren<QComboBox *>())
            if (source->findText(QStringLiteral("UK region")) >= 0)
                source->setCurrentIndex(source->findText(QStringLiteral("UK region")));
        LiveIntensityFeed::Settings settings = tab.feed()->settings();
        settings.ukBase = QUrl(QStringLiteral("http://127.0.0.1:9")); // nothing is fetched from the Internet
        tab.feed()->setSettings(settings);
        tab.feedBox()->fetch(); // the request names the region chosen by its name
        QVERIFY2(tab.feedBox()->readingText().contains(QStringLiteral("/regional/regionid/1")),
                 qPrintable(tab.feedBox()->readingText()));
    }

    void metricsAreOffByDefault()
    {
        LiveTab tab(nullptr);
        QCheckBox *on = tab.findChild<QCheckBox *>();
        QVERIFY(on && !on->isChecked());
        QLineEdit *address = nullptr;
        for (QLineEdit *e : tab.findChildren<QLineEdit *>())
            if (e->text() == QStringLiteral("127.0.0.1:9464"))
                address = e;
        QVERIFY(address && !address->isEnabled());
        tab.setMetrics(true, QStringLiteral("127.0.0.1:9999"));
        QVERIFY(on->isChecked() && address->isEnabled());
    }

    void replaysTheGpuRecording()
    {
        const QString dir = QStringLiteral(CARBONSCOPE_SOURCE_DIR "/bench/results/h100_2026-11-23/");
        QTemporaryDir tmp;
        const QString db = tmp.filePath(QStringLiteral("live.csdb")); // a copy: opening may write WAL files
        QVERIFY(QFile::copy(dir + QStringLiteral("live_h100.csdb"), db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);

        // The CLI's printed rows (live.txt): CO2 measured and predicted per interval, 5 decimals.
        QFile txt(dir + QStringLiteral("live.txt"));
        QVERIFY(txt.open(QIODevice::ReadOnly));
        double measured = 0, predicted = 0;
        int rows = 0;
        for (const QByteArray &line : txt.readAll().split('\n')) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() != 11 || !f[0].startsWith("2023-"))
                continue;
            measured += f[7].toDouble();
            predicted += f[8].toDouble();
            ++rows;
        }
        QCOMPARE(rows, 119);

        LiveTab tab(nullptr);
        QVERIFY(tab.openRecording(db));
        QCOMPARE(tab.recordedSessionCount(), 1);
        tab.replay(0, false);
        QCOMPARE(tab.plot()->points(), 119);
        QVERIFY(qAbs(tab.plot()->measuredTotal() - measured) < 119 * 5e-6);
        QVERIFY(qAbs(tab.plot()->predictedTotal() - predicted) < 119 * 5e-6);
        QVERIFY(tab.statusText().contains(QStringLiteral("H100")));
        if (const QString shots = qEnvironmentVariable("CARBONSCOPE_SCREENSHOT_DIR"); !shots.isEmpty()) {
            tab.resize(1280, 800);
            tab.show();
            QTest::qWait(100);
            tab.grab().save(shots + QStringLiteral("/live_tab_replay.png"));
        }
    }

    void notAProjectFileIsRefused()
    {
        QTemporaryDir tmp;
        const QString bad = test::writeFixture(tmp, QStringLiteral("x.csdb"), "not sqlite at all");
        QVERIFY(!bad.isEmpty());
        LiveTab tab(nullptr);
        QVERIFY(!tab.openRecording(bad));
        QVERIFY(tab.statusText().startsWith(QStringLiteral("Cannot open")));
    }

    void runsOnThisMachine()
    {
        if (!LiveSessionWorker::engineAvailable())
            QSKIP("built without LibTorch");
        LiveTab tab(nullptr);
        LiveSessionWorker::Config c;
        c.scenario.intervalSeconds = 3600;
        c.scenario.carbonSource = "test";
        c.scenario.times = {0, 3600, 7200};
        c.scenario.intensity = {100, 300, 200};
        c.scenario.requests = {1, 1, 1};
        c.pool.name = "one model";
        c.pool.models = {{"ResNet18", 9.41, 10.922, {}, {}, "H100 profile, bench/results"}};
        c.policySpec = QStringLiteral("model:ResNet18");
        c.intervalWallSeconds = 0.4;
        c.requestRate = 5;
        c.durationSeconds = 0;
        c.imageSize = 64;
        const int port = freeLoopbackPort();
        c.metricsAddress = QStringLiteral("127.0.0.1:%1").arg(port);
        QSignalSpy done(&tab, &LiveTab::sessionFinished);
        tab.startSession(c);
        QVERIFY(tab.sessionRunning());
        // While it serves, Prometheus metrics are at /metrics: the model, the policy, the intervals so far.
        std::string metrics;
        QTRY_VERIFY_WITH_TIMEOUT(
            (metrics = httpBody(httpGet(port, "/metrics"))).find("carbonscope_intervals_total 1\n") != std::string::npos
                || metrics.find("carbonscope_intervals_total 2\n") != std::string::npos,
            180000);
        QVERIFY(metrics.find("carbonscope_model_in_use{model=\"ResNet18\"} 1\n") != std::string::npos);
        QVERIFY(metrics.find("carbonscope_policy_info{policy=\"model:ResNet18\",pool=\"one model\"} 1\n")
                != std::string::npos);
        QVERIFY(done.wait(180000));
        QVERIFY(httpGet(port, "/metrics").empty()); // the server ends with the session
        QVERIFY2(tab.statusText().startsWith(QStringLiteral("Session ended")), qPrintable(tab.statusText()));
        QCOMPARE(tab.plot()->points(), 3);
        QCOMPARE(tab.modelShown(), QStringLiteral("ResNet18"));
        QVERIFY(!tab.sessionRunning());
    }
};

QTEST_MAIN(TestLiveTab)
#include "test_live_tab.moc"
