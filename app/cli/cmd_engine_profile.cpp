// profile: measure the pool's energy, latency and throughput on this machine's device (Table 1 here).
#include "commands.h"
#include "engine_flags.h"
#include "io/atomic_file.h"
#include "load_profiler.h"
#include "option_checks.h"
#include "parse_error.h"
#include "meter_factory.h"
#include "pool_json.h"
#include "profiler.h"
#include "project_store.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace cs::cli {

namespace {

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
    std::vector<std::string> loadLevels; // percent of capacity; empty: no load curves
};

// Each pool model's load curve (#16) on an engine set up as live mode sets it up (CUDA graphs for every power of
// two up to the batch server's max batch), at the given percentages of its measured capacity.
std::vector<double> loadLevels(const ProfileCli &o)
{
    std::vector<double> levels = numberList(o.loadLevels, "--load-curve", "a percentage of capacity in (0, 100]",
                                            [](double pct) { return pct > 0 && pct <= 100; });
    for (double &l : levels)
        l /= 100;
    return levels;
}

void addLoadCurves(ModelPool &pool, const ProfileCli &o, const std::string &dtype, EnergyMeter &meter)
{
    LoadProfileOptions lo;
    lo.levels = loadLevels(o);
    lo.seconds = o.seconds;
    lo.idleSeconds = std::max(1.0, o.engine.idleSeconds);
    auto engine =
        makeInferenceEngine(engineOptions(o.engine, parsePrecision(dtype), graphBatchSizes(lo.server.maxBatch)));
    const std::vector<ScriptModel> scripts = parseScriptSpecs(o.engine.torchscript);
    for (Model &m : pool.models) {
        const int index = addPoolModel(*engine, m.name, scripts);
        warmUp(*engine, index);
        const LoadProfile p = profileLoad(*engine, index, meter, lo);
        m.loadCurve = p.curve();
        std::fprintf(stderr, "load curve %s: idle %.1f W, capacity %.1f/s at %.1f W, %zu points\n", m.name.c_str(),
                     p.idleWatts, p.capacityPerS, p.wattsAtCapacity, m.loadCurve->points.size());
    }
}

void runProfile(const ProfileCli &o)
{
    if (!o.out.empty())
        refuseUnsafeTarget(o.out, o.db); // before minutes of profiling, not after
    loadLevels(o);                       // likewise
    std::vector<std::string> models = splitList(o.models);
    if (models.size() == 1 && models[0] == "all")
        models = builtinArchitectures();
    std::vector<int> batches;
    for (double b : numberList(o.batches, "--batch", "a positive batch size",
                               [](double v) { return v >= 1 && v <= 1e6 && v == std::floor(v); }))
        batches.push_back(static_cast<int>(b));
    std::vector<Precision> precisions;
    for (const std::string &d : splitList(o.dtypes))
        precisions.push_back(parsePrecision(d));
    const std::vector<ScriptModel> scripts = parseScriptSpecs(o.engine.torchscript);

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
    if (!o.loadLevels.empty())
        addLoadCurves(pool, o, poolDtype, *meter);
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

} // namespace

void addProfileCommand(CLI::App &app)
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
    p->add_option("--load-curve", profile->loadLevels,
                  "Also measure each pool model's power at these percentages of its capacity, e.g. 1,3,10,30,90 "
                  "(the simulator then prices each interval at its request rate, idle included; --out/--db keep it)");
    p->callback([profile] { runProfile(*profile); });
}

} // namespace cs::cli
