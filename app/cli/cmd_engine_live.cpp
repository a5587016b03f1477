// live: serve inference on this machine, switching models with the carbon intensity; record the session into a
// project, expose it to Prometheus (--metrics) and keep CodeCarbon's emissions.csv (--emissions).
#include "commands.h"
#include "engine_flags.h"
#include "intensity_feed.h"
#include "io/atomic_file.h"
#include "live_outputs.h"
#include "meter_factory.h"
#include "metrics_server.h"
#include "number_checks.h"
#include "option_checks.h"
#include "parse_error.h"
#include "policy_factory.h"
#include "pool_json.h"
#include "trace_file.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <limits>
#include <memory>

namespace cs::cli {

namespace {

struct LiveCli
{
    EngineFlags engine;
    std::vector<std::string> carbon;
    std::string requests;
    std::string from;
    double speedup = 1800;
    long long traceInterval = 1800;
    std::string policy = "heuristic";
    std::string pool = "paper";
    std::string dtype = "fp32";
    std::string db;
    std::string label;
    double duration = 60;
    double rate = 50;
    int maxBatch = 64;
    double maxDelayMs = 5;
    double dropAfterMs = 2000;
    std::string metrics;   // HOST:PORT to serve /metrics on
    std::string emissions; // CodeCarbon emissions.csv
    bool json = false;
};

std::unique_ptr<IntensityFeed> makeFeed(const LiveCli &o)
{
    if (o.carbon.size() == 1 && o.carbon[0] == "stdin")
        return std::make_unique<StreamFeed>(std::cin, "stdin", o.traceInterval);
    if (o.carbon.size() != 2 || o.carbon[0] != "replay")
        throw InputError("--carbon: expected 'replay FILE' or 'stdin'");
    const TimeSeries carbon = readTrace(o.carbon[1], SeriesKind::Carbon);
    std::optional<TimeSeries> req;
    if (!o.requests.empty())
        req = readTrace(o.requests, SeriesKind::Requests);
    Scenario s = alignTraces(carbon, req);
    if (!o.from.empty()) {
        const auto t = parseUtcTime(o.from);
        if (!t)
            throw InputError("--from: not a time: '" + o.from + "'");
        s = sliceScenario(s, *t, std::numeric_limits<UtcSeconds>::max());
    }
    if (s.empty())
        throw InputError("the carbon trace has no interval to replay");
    return std::make_unique<ReplayFeed>(std::move(s));
}

// The pool's models loaded (built in, or TorchScript where --torchscript names them) and warmed up.
std::unique_ptr<InferenceEngine> loadEngine(const LiveCli &o, const ModelPool &pool)
{
    auto engine = makeInferenceEngine(engineOptions(o.engine, parsePrecision(o.dtype), graphBatchSizes(o.maxBatch)));
    if (!engine->notice().empty())
        std::fprintf(stderr, "%s\n", engine->notice().c_str());
    const std::vector<ScriptModel> scripts = parseScriptSpecs(o.engine.torchscript);
    for (const Model &m : pool.models)
        addPoolModel(*engine, m.name, scripts);
    std::fprintf(stderr, "loading and warming up %d models on %s...\n", engine->modelCount(),
                 engine->deviceName().c_str());
    for (int i = 0; i < engine->modelCount(); ++i)
        warmUp(*engine, i);
    return engine;
}

void printRow(const LiveRecord &r)
{
    std::printf("%-20s %6.0f %-20s %7lld %6lld %9s %8s %10s %10s %8s %8s\n", formatUtcTime(r.time).c_str(),
                r.intensity, r.model.c_str(), static_cast<long long>(r.served), static_cast<long long>(r.dropped),
                opt(r.energyJ, "%.1f").c_str(), opt(r.meanPowerW, "%.0f").c_str(), opt(r.co2G, "%.5f").c_str(),
                opt(r.predictedCo2G, "%.5f").c_str(), opt(r.latencyP50Ms).c_str(), opt(r.latencyP99Ms).c_str());
    flushStandardOutput(); // a failure is reported at the end (main)
}

void printSummary(const LiveSummary &sum, const std::string &poolName, bool json)
{
    if (json) {
        const nlohmann::json j{{"intervals", sum.intervals},          {"served", sum.served},
                               {"dropped", sum.dropped},              {"energy_j", jsonOpt(sum.energyJ)},
                               {"co2_g", jsonOpt(sum.co2G)},          {"predicted_co2_g", jsonOpt(sum.predictedCo2G)},
                               {"max_switch_ms", sum.maxSwitchMs},    {"pool", poolName}};
        std::printf("%s\n", j.dump(2).c_str());
        return;
    }
    std::printf("session: %d intervals, %lld served, %lld dropped, measured %s J, %s gCO2 (predicted from pool "
                "'%s': %s g), longest model switch %.4f ms\n",
                sum.intervals, static_cast<long long>(sum.served), static_cast<long long>(sum.dropped),
                opt(sum.energyJ, "%.1f").c_str(), opt(sum.co2G, "%.4f").c_str(), poolName.c_str(),
                opt(sum.predictedCo2G, "%.4f").c_str(), sum.maxSwitchMs);
}

void runLive(const LiveCli &o)
{
    const ModelPool pool = loadPool(o.pool);
    const PolicyPtr policy = makePolicy(o.policy);
    if (o.speedup <= 0)
        throw InputError("--speedup must be positive");
    if (!o.emissions.empty())
        refuseUnsafeTarget(o.emissions, o.db); // before minutes of serving, not after
    if (!o.metrics.empty())
        parseListenAddress(o.metrics); // a typo is refused before minutes of loading, not after
    std::unique_ptr<IntensityFeed> feed = makeFeed(o);
    auto engine = loadEngine(o, pool);

    auto meter = makeEnergyMeter(o.engine.meter, engine->onGpu());
    std::fprintf(stderr, "meter: %s\n", meter->notice().c_str());
    LiveOptions lo;
    lo.intervalWallSeconds = static_cast<double>(feed->intervalSeconds()) / o.speedup;
    lo.meanRequestRate = o.rate;
    lo.durationSeconds = o.duration;
    lo.idleWatts = idleWatts(*meter, o.engine.idleSeconds);
    lo.idleMode = o.engine.excludeIdle ? IdleMode::Subtract : IdleMode::Include;
    lo.server.maxBatch = o.maxBatch;
    lo.server.maxDelayMs = o.maxDelayMs;
    lo.server.dropAfterMs = o.dropAfterMs;
    if (lo.idleWatts)
        std::fprintf(stderr, "idle power: %.1f W (%s)\n", *lo.idleWatts,
                     o.engine.excludeIdle ? "subtracted from measured energy" : "included in measured energy");

    LiveSessionHeader header;
    header.label = o.label.empty() ? "live " + o.policy + " on " + engine->deviceName() : o.label;
    header.device = engine->deviceName() + ", " + o.dtype + ", LibTorch " + torchVersion();
    header.meter = meter->available() ? meter->name() : meter->notice();
    header.policySpec = o.policy;
    header.poolName = pool.name;
    header.carbonSource = feed->source();
    header.intervalSeconds = feed->intervalSeconds();

    LiveOutputs outputs({o.db, o.metrics, o.emissions}, pool, *meter, engine->onGpu() ? engine->deviceName() : "");
    outputs.start(header);
    if (!o.metrics.empty())
        std::fprintf(stderr, "metrics at %s\n", outputs.metricsUrl().c_str());

    if (!o.json)
        std::printf("%-20s %6s %-20s %7s %6s %9s %8s %10s %10s %8s %8s\n", "time", "gCO2", "model", "served",
                    "drop", "energy J", "W", "CO2 g", "pred g", "p50 ms", "p99 ms");
    const LiveSummary sum = runLiveSession(*engine, *meter, *feed, *policy, pool, header, lo,
                                           outputs.sink(), [&o](const LiveRecord &r) {
                                               if (!o.json)
                                                   printRow(r);
                                           });
    printSummary(sum, pool.name, o.json);
    if (!sum.error.empty())
        throw InputError("serving stopped: " + sum.error);
}

} // namespace

void addLiveCommand(CLI::App &app)
{
    auto live = std::make_shared<LiveCli>();
    CLI::App *l = app.add_subcommand("live", "Serve inference live, switching models with the carbon intensity");
    addEngineFlags(l, live->engine);
    l->add_option("--carbon", live->carbon, "'replay FILE' (a carbon CSV) or 'stdin' (INTENSITY or TIME,INTENSITY"
                                            "[,REQUESTS] lines)")
        ->required()
        ->expected(1, 2);
    l->add_option("--requests", live->requests, "Request-count CSV shaping the request rate (replay)");
    l->add_option("--from", live->from, "Start the replay at this time (ISO 8601)");
    l->add_option("--speedup", live->speedup, "Trace seconds per wall second")
        ->check(finiteAbove(0, 1e9))
        ->capture_default_str();
    l->add_option("--interval", live->traceInterval, "Trace interval of stdin lines, seconds")
        ->check(wholeIn(1, 31 * 86400))
        ->capture_default_str();
    l->add_option("--policy", live->policy, "Policy spec (as for simulate)")->capture_default_str();
    l->add_option("--pool", live->pool, "Pool: paper, resnets or a JSON file (e.g. from profile --out)")
        ->capture_default_str();
    l->add_option("--dtype", live->dtype, "fp32 or fp16")->capture_default_str();
    l->add_option("--db", live->db, "Record the session into this project file as it runs");
    l->add_option("--label", live->label, "Session label");
    l->add_option("--duration", live->duration, "Wall seconds to run (0: the whole trace)")
        ->check(finiteIn(0, 1e8))
        ->capture_default_str();
    l->add_option("--rate", live->rate, "Requests per second at the trace's mean request count")
        ->check(finiteAbove(0, 1e9))
        ->capture_default_str();
    l->add_option("--max-batch", live->maxBatch, "Largest batch")->check(wholeIn(1, 65536))->capture_default_str();
    l->add_option("--max-delay-ms", live->maxDelayMs, "Longest a request waits for its batch to fill")
        ->check(finiteIn(0, limits::maxLatencyMs))
        ->capture_default_str();
    l->add_option("--drop-after-ms", live->dropAfterMs, "Requests queued longer are dropped")
        ->check(finiteAbove(0, limits::maxLatencyMs))
        ->capture_default_str();
    l->add_option("--metrics", live->metrics,
                  "Serve Prometheus metrics at http://HOST:PORT/metrics while the session runs (e.g. 127.0.0.1:9464)");
    l->add_option("--emissions", live->emissions, "Keep the session's totals in CodeCarbon's emissions.csv format");
    l->add_flag("--json", live->json, "Print no table, only the session's totals as one JSON object");
    l->callback([live] { runLive(*live); });
}

} // namespace cs::cli
