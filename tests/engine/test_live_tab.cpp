// The Live tab: replays the session recorded on the H100 (bench/results) and, where the engine is built, runs a
// short session on this machine's CPU off the GUI thread.
#include "live/liveplot.h"
#include "live/livetab.h"
#include "qcp.h"

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

        LiveRow row;
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
        const QString bad = tmp.filePath(QStringLiteral("x.csdb"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not sqlite at all");
        f.close();
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
        QSignalSpy done(&tab, &LiveTab::sessionFinished);
        tab.startSession(c);
        QVERIFY(tab.sessionRunning());
        QVERIFY(done.wait(180000));
        QVERIFY2(tab.statusText().startsWith(QStringLiteral("Session ended")), qPrintable(tab.statusText()));
        QCOMPARE(tab.plot()->points(), 3);
        QCOMPARE(tab.modelShown(), QStringLiteral("ResNet18"));
        QVERIFY(!tab.sessionRunning());
    }
};

QTEST_MAIN(TestLiveTab)
#include "test_live_tab.moc"
