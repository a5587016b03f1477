// bench_sweep_gui: the Sweep tab on the eight zones (2021-2024, hourly, 10 policies, months), from Run to the heat
// map drawn, reading the 32 files included. Peer in the same run: the core sweep alone on the series already read
// (runSweep on 2 threads), i.e. what the tab adds (reading, the worker thread, progress events, drawing).
//   bench_sweep_gui [ZONES_DIR] [--screenshot FILE.png]
#include "register_optimize_policies.h"
#include "request_profile.h"
#include "scenarioloader.h"
#include "sweep_loader.h"
#include "sweepheatmap.h"
#include "sweeptab.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>

#include <chrono>
#include <cstdio>

using namespace cs;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    registerOptimizePolicies();
    QString dir = QStringLiteral(CARBONSCOPE_SHARED_DATA "/electricitymaps_zones_2021-2024"), screenshot;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--screenshot") && i + 1 < args.size())
            screenshot = args[++i];
        else
            dir = args[i];
    }
    if (!QFileInfo(dir).isDir()) {
        std::fprintf(stderr, "bench_sweep_gui: %s is absent; nothing measured\n", qPrintable(dir));
        return 1;
    }
    QStringList files;
    for (const std::string &f : carbonFilesIn(dir.toStdString()))
        files << QString::fromStdString(f);

    SweepTab tab;
    tab.resize(1366, 720);
    tab.show();
    tab.setFiles(files);
    QEventLoop loop;
    QObject::connect(&tab, &SweepTab::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    tab.run();
    loop.exec();
    const double guiS = clock.nsecsElapsed() / 1e9;
    if (!tab.result()) {
        std::fprintf(stderr, "bench_sweep_gui: %s\n", qPrintable(tab.statusText()));
        return 2;
    }

    // The peer: the same sweep in core on the same series, read beforehand.
    const HourOfWeekProfile profile = foldByHourOfWeek(defaultRequestTrace());
    std::vector<SweepSeries> series;
    for (const TimeSeries &c : loadSweepCarbon(std::vector<std::string>(
             [&] { std::vector<std::string> v; for (const QString &f : files) v.push_back(f.toStdString()); return v; }())))
        series.push_back({c.name, scenarioWithProfile(c, profile)});
    const ModelPool pool = resnetPool();
    const SweepSpec spec{defaultSweepPolicies(pool, "ResNet50"), "ResNet50", SweepPeriod::Month};
    const auto start = std::chrono::steady_clock::now();
    runSweep(series, pool, spec, {2, {}});
    const double coreS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    std::printf("Sweep tab, %zu series x %zu months x %zu policies, Run to heat map (reading included): %.3f s\n",
                tab.result()->series.size(), tab.result()->periods.size(), tab.result()->policies.size(), guiS);
    std::printf("peer: runSweep alone on the series read beforehand (2 threads): %.3f s   ratio %.2f\n", coreS,
                guiS / coreS);
    if (!screenshot.isEmpty()) {
        tab.policyChooser()->setCurrentIndex(tab.policyChooser()->findText(QStringLiteral("heuristic")));
        tab.grab().save(screenshot);
        std::printf("screenshot: %s\n", qPrintable(screenshot));
    }
    return 0;
}
