// bench_frontier: the exact CO2-error frontier, 200 points, on one year of 30-minute intervals (GB national
// carbon intensity 2023, one request per interval) with the paper's 7-model pool. Goal: under 50 ms.
// Peer, measured in the same run: the naive way, re-solving the LP from scratch for each of the 200 points.
#include "pareto_frontier.h"
#include "scenario.h"
#include "trace_file.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

using namespace cs;

namespace {

double millisSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    const std::string path = argc > 1 ? argv[1] : CARBONSCOPE_SHARED_DATA "/gb_national_carbon_intensity_2023.csv";
    if (!std::filesystem::exists(path)) {
        std::fprintf(stderr, "bench_frontier: %s is absent (the shared data folder); nothing measured\n", path.c_str());
        return 1;
    }
    const Scenario scenario = alignTraces(readTrace(path, SeriesKind::Carbon), std::nullopt);
    const ModelPool pool = paperPool();
    const int points = 200, runs = 15;
    std::printf("scenario: %s, %zu intervals of %lld min (gaps left out: %zu), pool: %s (%d models), %d points\n",
                path.c_str(), scenario.size(), static_cast<long long>(scenario.intervalSeconds / 60),
                scenario.gaps.size(), pool.name.c_str(), pool.size(), points);

    // Ours: one build of the frontier, then every point is a binary search on it.
    std::vector<double> ours, oursSplit;
    double checksum = 0;
    for (int r = 0; r < runs; ++r) {
        for (bool split : {false, true}) {
            const auto start = std::chrono::steady_clock::now();
            const TradeoffProblem problem(scenario, pool);
            const ParetoFrontier frontier(problem);
            const std::vector<FrontierPoint> pts = frontier.points(points, !split);
            (split ? oursSplit : ours).push_back(millisSince(start));
            checksum += pts.back().co2G + static_cast<double>(pts.size());
        }
    }

    // Peer: the same exact LP solved afresh for each point's error target.
    std::vector<double> naive;
    const TradeoffProblem problem(scenario, pool);
    const ParetoFrontier reference(problem);
    const double lo = reference.leastError().errorPct, hi = reference.leastCo2().errorPct;
    double maxDiff = 0;
    const std::vector<FrontierPoint> refPoints = reference.points(points, false /* split: compare the LP values */);
    for (int r = 0; r < 3; ++r) {
        const auto start = std::chrono::steady_clock::now();
        for (int j = 0; j < points; ++j) {
            const double target = lo + (hi - lo) * j / (points - 1);
            const TradeoffProblem p(scenario, pool);
            const ParetoFrontier f(p);
            const auto point = f.atError(target);
            checksum += point ? point->co2G : 0;
            if (r == 0 && point)
                maxDiff = std::max(maxDiff, std::abs(point->co2G - refPoints[static_cast<std::size_t>(j)].co2G));
        }
        naive.push_back(millisSince(start));
    }

    const double ms = median(ours), msSplit = median(oursSplit), msNaive = median(naive);
    std::printf("frontier, one model per interval (integral breakpoints): %8.2f ms (median of %d)  goal < 50 ms: %s\n",
                ms, runs, ms < 50 ? "met" : "NOT met");
    std::printf("frontier, split (LP points):                             %8.2f ms (median of %d)  goal < 50 ms: %s\n",
                msSplit, runs, msSplit < 50 ? "met" : "NOT met");
    std::printf("peer: naive re-solve of the LP per point:                %8.2f ms (median of 3)\n", msNaive);
    std::printf("ratio peer / ours (split): %.1fx; largest difference between the two answers: %.3g g\n",
                msNaive / msSplit, maxDiff);
    std::printf("(checksum %.6g)\n", checksum);
    return 0;
}
