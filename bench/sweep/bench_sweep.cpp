// bench_sweep: the eight Electricity Maps zones x 48 months (2021-2024, hourly) x the 10 default policies, each
// cell with the exact split optimum at every policy's error. Goal: under 1 s on 2 cores.
// Peers, measured in the same run: the same computation serial (1 thread), and the obvious path (each cell
// sliced, each policy through simulate(), a TradeoffProblem and ParetoFrontier per cell; serial).
// Loading the 32 CSV files is timed apart (read once, serial and on 2 threads).
//   bench_sweep [ZONES_DIR [REQUESTS_CSV [RUNS]]]
#include "model_pool.h"
#include "register_optimize_policies.h"
#include "request_profile.h"
#include "sweep_loader.h"
#include "sweep_runner.h"
#include "trace_file.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

using namespace cs;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

template<typename F>
double timeOnce(F &&f)
{
    const auto start = std::chrono::steady_clock::now();
    f();
    return secondsSince(start);
}

} // namespace

int main(int argc, char **argv)
{
    const std::string dir = argc > 1 ? argv[1] : CARBONSCOPE_SHARED_DATA "/electricitymaps_zones_2021-2024";
    const std::string requests = argc > 2 ? argv[2] : CARBONSCOPE_SOURCE_DIR "/data/requests_wikipedia_en_2023-06.csv";
    const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    if (!std::filesystem::is_directory(dir)) {
        std::fprintf(stderr, "bench_sweep: %s is absent (the shared data folder); nothing measured\n", dir.c_str());
        return 1;
    }
    registerOptimizePolicies();
    const std::vector<std::string> files = carbonFilesIn(dir);
    std::vector<TimeSeries> carbon;
    const double loadSerial = timeOnce([&] { carbon = loadSweepCarbon(files, 1); });
    const double loadParallel = timeOnce([&] { carbon = loadSweepCarbon(files, 2); });
    const HourOfWeekProfile profile = foldByHourOfWeek(readTrace(requests, SeriesKind::Requests));
    std::vector<SweepSeries> series;
    std::size_t intervals = 0;
    for (const TimeSeries &c : carbon) {
        series.push_back({c.name, scenarioWithProfile(c, profile)});
        intervals += series.back().scenario.size();
    }

    const ModelPool pool = resnetPool();
    const SweepSpec spec{defaultSweepPolicies(pool, "ResNet50"), "ResNet50", SweepPeriod::Month};
    std::optional<SweepResult> parallel, serial;
    std::vector<double> tParallel, tSerial;
    for (int r = 0; r < runs; ++r) {
        tParallel.push_back(timeOnce([&] { parallel = runSweep(series, pool, spec, {2, {}}); }));
        tSerial.push_back(timeOnce([&] { serial = runSweep(series, pool, spec, {1, {}}); }));
    }
    SweepResult reference;
    const double tReference = timeOnce([&] { reference = runSweepReference(series, pool, spec); });

    std::size_t cells = 0, identical = 0;
    double worst = 0;
    for (std::size_t k = 0; k < serial->values.size(); ++k) {
        const PolicyCell &a = parallel->values[k], &s = serial->values[k], &b = reference.values[k];
        identical += std::memcmp(&a, &s, sizeof a) == 0;
        if (!std::isnan(b.optimumCo2G)) {
            worst = std::max({worst, std::abs(s.co2G - b.co2G) / b.co2G,
                              std::abs(s.optimumCo2G - b.optimumCo2G) / b.optimumCo2G});
        }
    }
    for (const SweepCell &c : serial->cells)
        cells += c.intervals > 0;

    std::printf("data: %s, %zu files -> %zu series, %zu hourly intervals; requests: %s by hour of the week\n",
                dir.c_str(), files.size(), series.size(), intervals, requests.c_str());
    std::printf("sweep: %zu series x %zu months = %zu cells with data, %zu policies (%zu values), pool %s, "
                "baseline %s; median of %d runs\n",
                series.size(), serial->periods.size(), cells, spec.policies.size(), serial->values.size(),
                pool.name.c_str(), spec.baseline.c_str(), runs);
    std::printf("load 32 CSV files: serial %.3f s, 2 threads %.3f s (ratio %.2f)\n", loadSerial, loadParallel,
                loadSerial / loadParallel);
    const double p = median(tParallel), s = median(tSerial);
    std::printf("%-52s %9.3f s\n", "sweep, 2 threads (oneTBB)", p);
    std::printf("%-52s %9.3f s   ratio %.2f\n", "peer: the same, serial (1 thread)", s, s / p);
    std::printf("%-52s %9.3f s   ratio %.2f\n", "peer: simulate + ParetoFrontier per cell, serial", tReference,
                tReference / p);
    std::printf("2 threads == serial bit for bit: %zu of %zu values; largest relative difference to the obvious "
                "path: %.2e\n", identical, serial->values.size(), worst);
    std::printf("goal (< 1 s on 2 cores): %s\n", p < 1 ? "met" : "NOT met");
    // Where the time goes: each policy alone, serial (its assignment, its totals and the optimum's query; the
    // cells' slicing and sort are counted in every line).
    SweepSpec none = spec;
    none.policies = {"model:" + spec.baseline};
    const double base = timeOnce([&] { runSweep(series, pool, none, {1, {}}); });
    std::printf("per policy, serial (model:%s alone, i.e. slicing, sorting and one query per cell: %.3f s):\n",
                spec.baseline.c_str(), base);
    for (const std::string &policy : spec.policies) {
        SweepSpec one = spec;
        one.policies = {policy};
        std::printf("  %-40s %7.3f s\n", policy.c_str(), timeOnce([&] { runSweep(series, pool, one, {1, {}}); }));
    }
    return identical == serial->values.size() ? 0 : 3;
}
