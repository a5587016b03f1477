// profile and live: measure the pool on this machine's device, and serve a carbon-driven live session.
#include "commands.h"
#include "idle_power.h"
#include "inference_engine.h"
#include "intensity_feed.h"
#include "io/atomic_file.h"
#include "live_runner.h"
#include "meter_factory.h"
#include "number_checks.h"
#include "option_checks.h"
#include "parse_error.h"
#include "policy_factory.h"
#include "pool_json.h"
#include "profiler.h"
#include "trace_csv.h"
#include "project_store.h"
#include "store_live_sink.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace cs::cli {

namespace {

struct EngineFlags
{
    std::string device = "auto";
    std::string meter = "auto";
    bool noGraphs = false;
    bool noFold = false;
    bool noFused = false;
    bool noChannelsLast = false;
    int imageSize = 224;
    double idleSeconds = 2;
    bool excludeIdle = false;
    std::vector<std::string> torchscript; // PATH:NAME:ERROR_PCT
};

void addEngineFlags(CLI::App *c, EngineFlags &f)
{
    c->add_option("--device", f.device, "auto (CUDA where available, else CPU), cuda or cpu")->capture_default_str();
    c->add_option("--meter", f.meter, "Energy meter: auto, nvml, rapl or none")->capture_default_str();
    c->add_flag("--no-graphs", f.noGraphs, "Run eagerly instead of replaying CUDA graphs");
    c->add_flag("--no-fold", f.noFold, "Keep batch-norm apart from the convolutions");
    c->add_flag("--no-fused", f.noFused, "Do not use cuDNN's fused conv+bias+ReLU kernels");
    c->add_flag("--no-channels-last", f.noChannelsLast, "Keep NCHW memory layout");
    c->add_option("--image-size", f.imageSize, "Synthetic input size (pixels a side)")
        ->check(wholeIn(8, 4096))
        ->capture_default_str();
    c->add_option("--idle-seconds", f.idleSeconds, "Measure idle power this long first (0: do not)")
        ->check(finiteIn(0, 3600))
        ->capture_default_str();
    c->add_flag("--exclude-idle", f.excludeIdle, "Energy per inference without idle power (default: with it)");
    c->add_option("--torchscript", f.torchscript, "Add a TorchScript model: PATH:NAME:TOP5_ERROR_PCT");
}

EngineOptions engineOptions(const EngineFlags &f, Precision p, std::vector<int> graphSizes)
{
    EngineOptions o;
    o.device = f.device;
    o.precision = p;
    o.cudaGraphs = !f.noGraphs;
    o.foldBatchNorm = !f.noFold;
    o.fusedConv = !f.noFused;
    o.channelsLast = !f.noChannelsLast;
    o.imageSize = f.imageSize;
    o.graphBatchSizes = std::move(graphSizes);
    return o;
}

struct ScriptModel
{
    std::string path, name;
    double errorPct = 0;
};

ScriptModel parseScriptSpec(const std::string &spec)
{
    const auto b = spec.rfind(':');
    const auto a = b == std::string::npos ? std::string::npos : spec.rfind(':', b - 1);
    if (a == std::string::npos || a == 0 || b == a + 1)
        throw InputError("--torchscript '" + spec + "': expected PATH:NAME:TOP5_ERROR_PCT");
    ScriptModel m{spec.substr(0, a), spec.substr(a + 1, b - a - 1), 0};
    try {
        m.errorPct = std::stod(spec.substr(b + 1));
    } catch (const std::exception &) {
        throw InputError("--torchscript '" + spec + "': the error figure is not a number");
    }
    return m;
}

std::vector<std::string> splitList(const std::vector<std::string> &items)
{
    std::vector<std::string> out;
    for (const std::string &item : items) {
        std::stringstream ss(item);
        for (std::string s; std::getline(ss, s, ',');)
            if (!s.empty())
                out.push_back(s);
    }
    return out;
}

std::optional<double> idleWatts(EnergyMeter &meter, double seconds)
{
    if (seconds <= 0 || !meter.available())
        return std::nullopt;
    std::fprintf(stderr, "measuring idle power for %.1f s...\n", seconds);
    return measureIdleWatts(meter, seconds);
}

std::string opt(const std::optional<double> &v, const char *fmt = "%.2f")
{
    if (!v)
        return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, *v);
    return buf;
}

nlohmann::json jsonOpt(const std::optional<double> &v)
{
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// --- profile -------------------------------------------------------------------------------------------------

struct ProfileCli
{
    EngineFlags engine;
    std::vector<std::string> models{"all"};
    std::vector<std::string> batches{"1,64"};
    std::vector<std::string> dtypes{"fp32"};
    double seconds = 3;
    bool json = false;
    std::string db;
    std::string out;
    std::string poolName;
    int poolBatch = 0;
    std::string poolDtype;
};

void runProfile(const ProfileCli &o)
{
    if (!o.out.empty())
        refuseUnsafeTarget(o.out, o.db); // before minutes of profiling, not after
    std::vector<std::string> models = splitList(o.models);
    if (models.size() == 1 && models[0] == "all")
        models = builtinArchitectures();
    std::vector<int> batches;
    for (const std::string &b : splitList(o.batches)) {
        int v = 0;
        try {
            v = std::stoi(b);
        } catch (const std::exception &) {
        }
        if (v <= 0)
            throw InputError("--batch: '" + b + "' is not a positive batch size");
        batches.push_back(v);
    }
    std::vector<Precision> precisions;
    for (const std::string &d : splitList(o.dtypes))
        precisions.push_back(parsePrecision(d));
    std::vector<ScriptModel> scripts;
    for (const std::string &s : o.engine.torchscript)
        scripts.push_back(parseScriptSpec(s));

    auto meter = makeEnergyMeter(o.engine.meter, o.engine.device != "cpu");
    std::fprintf(stderr, "meter: %s\n", meter->notice().c_str());
    const auto idle = idleWatts(*meter, o.engine.idleSeconds);
    if (idle)
        std::fprintf(stderr, "idle power: %.1f W (reported apart; energy per inference %s it)\n", *idle,
                     o.engine.excludeIdle ? "excludes" : "includes");

    ProfileOptions po;
    po.seconds = o.seconds;
    po.idleWatts = idle;
    std::vector<ProfileRow> rows;
    std::string deviceName;
    nlohmann::json notices = nlohmann::json::array();
    if (!o.json)
        std::printf("%-10s %-5s %5s %11s %11s %9s %9s %10s %8s\n", "model", "dtype", "batch", "mJ/img",
                    "mJ/img-idle", "p50 ms", "p99 ms", "img/s", "W");
    for (Precision p : precisions) {
        std::unique_ptr<InferenceEngine> engine;
        try {
            engine = makeInferenceEngine(engineOptions(o.engine, p, batches));
        } catch (const InputError &e) {
            std::fprintf(stderr, "skipping %s: %s\n", precisionName(p).c_str(), e.what());
            notices.push_back("skipped " + precisionName(p) + ": " + e.what());
            continue;
        }
        deviceName = engine->deviceName();
        if (!engine->notice().empty()) {
            std::fprintf(stderr, "%s\n", engine->notice().c_str());
            notices.push_back(engine->notice());
        }
        std::vector<int> indices;
        for (const std::string &m : models)
            indices.push_back(engine->addBuiltin(m));
        for (const ScriptModel &s : scripts)
            indices.push_back(engine->addTorchScript(s.path, s.name));
        for (int i : indices) {
            for (int b : batches) {
                ProfileRow r = profileModel(*engine, i, b, *meter, po);
                if (!o.json)
                    std::printf("%-10s %-5s %5d %11s %11s %9.3f %9.3f %10.1f %8s\n", r.model.c_str(),
                                r.precision.c_str(), r.batch, opt(r.mjPerImage).c_str(),
                                opt(r.mjPerImageNoIdle).c_str(), r.p50Ms, r.p99Ms, r.imagesPerS,
                                opt(r.meanWatts, "%.1f").c_str());
                flushStandardOutput(); // a failure is reported at the end (main)
                rows.push_back(std::move(r));
            }
        }
    }
    if (rows.empty())
        throw InputError("nothing profiled (no dtype could run here)");

    if (o.json) {
        nlohmann::json j;
        j["device"] = deviceName;
        j["meter"] = meter->notice();
        j["torch"] = torchVersion();
        j["idle_watts"] = jsonOpt(idle);
        j["notices"] = notices;
        for (const ProfileRow &r : rows)
            j["rows"].push_back({{"model", r.model},           {"dtype", r.precision},
                                 {"batch", r.batch},           {"computed_batch", r.computedBatch},
                                 {"batches", r.batches},       {"images", r.images},
                                 {"seconds", r.wallSeconds},   {"images_per_s", r.imagesPerS},
                                 {"p50_ms", r.p50Ms},          {"p99_ms", r.p99Ms},
                                 {"joules", jsonOpt(r.joules)}, {"mean_watts", jsonOpt(r.meanWatts)},
                                 {"mj_per_image", jsonOpt(r.mjPerImage)},
                                 {"mj_per_image_no_idle", jsonOpt(r.mjPerImageNoIdle)}});
        std::printf("%s\n", j.dump(2).c_str());
    }

    if (o.out.empty() && o.db.empty())
        return;
    const int poolBatch = o.poolBatch > 0 ? o.poolBatch : *std::max_element(batches.begin(), batches.end());
    const std::string poolDtype = o.poolDtype.empty() ? rows.back().precision : o.poolDtype;
    ModelPool pool = poolFromProfile(rows, o.poolName.empty() ? "profiled " + deviceName : o.poolName, poolBatch,
                                     poolDtype, o.engine.excludeIdle ? IdleMode::Subtract : IdleMode::Include);
    for (const ScriptModel &s : scripts)
        if (int i = pool.indexOf(s.name); i >= 0) {
            pool.models[static_cast<std::size_t>(i)].errorPct = s.errorPct;
            pool.models[static_cast<std::size_t>(i)].source += " (error figure given by the user)";
        }
    pool.validate();
    if (!o.out.empty()) {
        writePoolJson(pool, o.out);
        std::fprintf(stderr, "pool written to %s\n", o.out.c_str());
    }
    if (!o.db.empty()) {
        ProjectStore::open(o.db).savePool(pool);
        std::fprintf(stderr, "pool '%s' saved in %s\n", pool.name.c_str(), o.db.c_str());
    }
}

// --- live ----------------------------------------------------------------------------------------------------

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
};

void runLive(const LiveCli &o)
{
    const ModelPool pool = loadPool(o.pool);
    const PolicyPtr policy = makePolicy(o.policy);
    if (o.speedup <= 0)
        throw InputError("--speedup must be positive");

    std::unique_ptr<IntensityFeed> feed;
    if (o.carbon.size() == 2 && o.carbon[0] == "replay") {
        const TimeSeries carbon = readCarbonCsv(o.carbon[1]);
        std::optional<TimeSeries> req;
        if (!o.requests.empty())
            req = readRequestCsv(o.requests);
        Scenario s = alignTraces(carbon, req);
        if (!o.from.empty()) {
            const auto t = parseUtcTime(o.from);
            if (!t)
                throw InputError("--from: not a time: '" + o.from + "'");
            s = sliceScenario(s, *t, std::numeric_limits<UtcSeconds>::max());
        }
        if (s.empty())
            throw InputError("the carbon trace has no interval to replay");
        feed = std::make_unique<ReplayFeed>(std::move(s));
    } else if (o.carbon.size() == 1 && o.carbon[0] == "stdin") {
        feed = std::make_unique<StreamFeed>(std::cin, "stdin", o.traceInterval);
    } else {
        throw InputError("--carbon: expected 'replay FILE' or 'stdin'");
    }

    std::vector<int> graphSizes;
    for (int b = 1; b <= o.maxBatch; b *= 2)
        graphSizes.push_back(b);
    if (graphSizes.back() != o.maxBatch)
        graphSizes.push_back(o.maxBatch);
    auto engine = makeInferenceEngine(engineOptions(o.engine, parsePrecision(o.dtype), graphSizes));
    if (!engine->notice().empty())
        std::fprintf(stderr, "%s\n", engine->notice().c_str());
    std::vector<ScriptModel> scripts;
    for (const std::string &s : o.engine.torchscript)
        scripts.push_back(parseScriptSpec(s));
    for (const Model &m : pool.models) {
        bool script = false;
        for (const ScriptModel &s : scripts)
            if (s.name == m.name) {
                engine->addTorchScript(s.path, s.name);
                script = true;
            }
        if (!script)
            engine->addBuiltin(m.name);
    }
    std::fprintf(stderr, "loading and warming up %d models on %s...\n", engine->modelCount(),
                 engine->deviceName().c_str());
    for (int i = 0; i < engine->modelCount(); ++i)
        for (int b : engine->onGpu() ? graphSizes : std::vector<int>{1})
            engine->prepare(i, b);

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

    std::unique_ptr<LiveSink> sink;
    if (!o.db.empty()) {
        sink = std::make_unique<StoreLiveSink>(o.db);
    }
    std::printf("%-20s %6s %-20s %7s %6s %9s %8s %10s %10s %8s %8s\n", "time", "gCO2", "model", "served",
                "drop", "energy J", "W", "CO2 g", "pred g", "p50 ms", "p99 ms");
    const LiveSummary sum = runLiveSession(
        *engine, *meter, *feed, *policy, pool, header, lo, sink.get(), [](const LiveRecord &r) {
            std::printf("%-20s %6.0f %-20s %7lld %6lld %9s %8s %10s %10s %8s %8s\n", formatUtcTime(r.time).c_str(),
                        r.intensity, r.model.c_str(), static_cast<long long>(r.served),
                        static_cast<long long>(r.dropped), opt(r.energyJ, "%.1f").c_str(),
                        opt(r.meanPowerW, "%.0f").c_str(), opt(r.co2G, "%.5f").c_str(),
                        opt(r.predictedCo2G, "%.5f").c_str(), opt(r.p50Ms).c_str(), opt(r.p99Ms).c_str());
            flushStandardOutput(); // a failure is reported at the end (main)
        });
    std::printf("session: %d intervals, %lld served, %lld dropped, measured %s J, %s gCO2 (predicted from pool "
                "'%s': %s g), longest model switch %.4f ms\n",
                sum.intervals, static_cast<long long>(sum.served), static_cast<long long>(sum.dropped),
                opt(sum.energyJ, "%.1f").c_str(), opt(sum.co2G, "%.4f").c_str(), pool.name.c_str(),
                opt(sum.predictedCo2G, "%.4f").c_str(), sum.maxSwitchMs);
    if (!sum.error.empty())
        throw InputError("serving stopped: " + sum.error);
}

} // namespace

void addEngineCommands(CLI::App &app)
{
    auto profile = std::make_shared<ProfileCli>();
    CLI::App *p = app.add_subcommand("profile", "Measure the pool's energy, latency and throughput on this machine");
    addEngineFlags(p, profile->engine);
    p->add_option("--models", profile->models, "Models (comma-separated) or 'all'")->capture_default_str();
    p->add_option("--batch", profile->batches, "Batch sizes, e.g. 1,64")->capture_default_str();
    p->add_option("--dtype", profile->dtypes, "fp32, fp16 or both (fp32,fp16)")->capture_default_str();
    p->add_option("--seconds", profile->seconds, "Measuring window per model and batch")
        ->check(finiteAbove(0, 3600))
        ->capture_default_str();
    p->add_flag("--json", profile->json, "Print the rows as JSON");
    p->add_option("--db", profile->db, "Save the profiled pool into this project file");
    p->add_option("--out", profile->out, "Write the profiled pool as JSON");
    p->add_option("--pool-name", profile->poolName, "Name of the profiled pool");
    p->add_option("--pool-batch", profile->poolBatch, "Batch whose energy goes into the pool (default: largest)")
        ->check(wholeIn(1, 65536));
    p->add_option("--pool-dtype", profile->poolDtype, "dtype whose energy goes into the pool (default: last)");
    p->callback([profile] { runProfile(*profile); });

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
    l->callback([live] { runLive(*live); });
}

} // namespace cs::cli
