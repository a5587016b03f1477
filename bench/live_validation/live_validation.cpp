// Issue #16's validation on a GPU: does the simulator predict what the GPU measures?
//   live_validation profile  --out DIR [--models ...] [--dtype fp16] [--levels 0.01,...] [--seconds 4]
//       measures each model's load curve (load_profiler.h) and writes DIR/pool_curves.json and DIR/profile.csv;
//   live_validation sessions --out DIR --pool DIR/pool_curves.json --feed FEED [--rates 1,3,10,30,90] ...
//       runs live sessions (the real batch server and Poisson arrivals, as `carbonscope-cli live`) for each
//       policy at each request rate (percent of the capacity of the slowest model the policy may serve with)
//       and writes, per session as it ends, the measured CO2 against the prediction with load curves and
//       against the paper's per-inference figure: DIR/sessions.csv.
// FEED: "TIME,INTENSITY,REQUESTS" lines (requests relative to their mean), as StreamFeed reads.
#include "energy_meter.h"
#include "inference_engine.h"
#include "intensity_feed.h"
#include "live_prediction.h"
#include "live_runner.h"
#include "load_profiler.h"
#include "meter_factory.h"
#include "policy_factory.h"
#include "pool_json.h"
#include "profiler.h"
#include "register_optimize_policies.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace cs;

namespace {

std::vector<std::string> split(const std::string &text, char sep)
{
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, sep);)
        if (!item.empty())
            out.push_back(item);
    return out;
}

std::map<std::string, std::string> parseArgs(int argc, char **argv)
{
    std::map<std::string, std::string> a;
    for (int i = 2; i + 1 < argc; i += 2)
        a[std::string(argv[i]).substr(2)] = argv[i + 1];
    return a;
}

std::string arg(const std::map<std::string, std::string> &a, const std::string &key, const std::string &fallback)
{
    const auto it = a.find(key);
    return it == a.end() ? fallback : it->second;
}

std::unique_ptr<InferenceEngine> loadEngine(const std::vector<std::string> &models, const std::string &dtype)
{
    EngineOptions o;
    o.precision = parsePrecision(dtype);
    o.graphBatchSizes = graphBatchSizes(64);
    auto engine = makeInferenceEngine(o);
    for (const std::string &m : models)
        engine->addBuiltin(m);
    for (int i = 0; i < engine->modelCount(); ++i)
        for (int b : o.graphBatchSizes)
            engine->prepare(i, b);
    std::fprintf(stderr, "engine: %s, %d models\n", engine->deviceName().c_str(), engine->modelCount());
    return engine;
}

int profile(const std::map<std::string, std::string> &a)
{
    const std::string out = arg(a, "out", ".");
    const std::vector<std::string> models = split(arg(a, "models", "ResNet34,ResNet50,ResNet101,ResNet152"), ',');
    auto engine = loadEngine(models, arg(a, "dtype", "fp16"));
    auto meter = makeEnergyMeter(arg(a, "meter", "nvml"));
    LoadProfileOptions o;
    o.levels.clear();
    for (const std::string &l : split(arg(a, "levels", "0.01,0.03,0.1,0.3,0.9"), ','))
        o.levels.push_back(std::stod(l));
    o.seconds = std::stod(arg(a, "seconds", "4"));
    ModelPool pool;
    pool.name = "profiled load curves (" + engine->deviceName() + ", " + arg(a, "dtype", "fp16") + ")";
    std::ofstream csv(out + "/profile.csv");
    csv << "model,level,target_per_s,served_per_s,watts,dropped,idle_w,capacity_per_s,watts_at_capacity\n";
    for (int i = 0; i < engine->modelCount(); ++i) {
        const LoadProfile p = profileLoad(*engine, i, *meter, o);
        for (const LoadLevel &l : p.levels)
            csv << p.model << ',' << l.level << ',' << l.targetPerS << ',' << l.servedPerS << ',' << l.watts << ','
                << l.dropped << ',' << p.idleWatts << ',' << p.capacityPerS << ',' << p.wattsAtCapacity << '\n';
        csv.flush();
        Model m;
        m.name = p.model;
        m.energyMj = p.wattsAtCapacity / p.capacityPerS * 1000; // the full-load figure, as Table 1's
        m.errorPct = publishedError(p.model) ? publishedError(p.model)->first : 0;
        m.throughputPerS = p.capacityPerS;
        m.source = "load profile on " + engine->deviceName();
        m.loadCurve = p.curve();
        pool.models.push_back(m);
        std::fprintf(stderr, "%s: idle %.0f W, capacity %.0f/s at %.0f W (%.2f mJ/image)\n", p.model.c_str(),
                     p.idleWatts, p.capacityPerS, p.wattsAtCapacity, m.energyMj);
    }
    writePoolJson(pool, out + "/pool_curves.json");
    return 0;
}

class Recorder : public LiveSink
{
public:
    void begin(const LiveSessionHeader &) override {}
    void append(const LiveRecord &r) override { records.push_back(r); }
    void end() override {}
    std::vector<LiveRecord> records;
};

// The capacity a policy's rate is a percentage of: that of the slowest model it may serve with.
double referenceCapacity(const std::string &policy, const ModelPool &pool)
{
    double slowest = 1e300;
    for (const Model &m : pool.models)
        if (!policy.starts_with("model:") || policy == "model:" + m.name)
            slowest = std::min(slowest, m.throughputPerS.value_or(1e300));
    return slowest;
}

int sessions(const std::map<std::string, std::string> &a)
{
    registerOptimizePolicies();
    const std::string out = arg(a, "out", ".");
    const ModelPool curves = readPoolJson(arg(a, "pool", out + "/pool_curves.json"));
    ModelPool perInference = curves;
    for (Model &m : perInference.models)
        m.loadCurve.reset();
    std::vector<std::string> names;
    for (const Model &m : curves.models)
        names.push_back(m.name);
    auto engine = loadEngine(names, arg(a, "dtype", "fp16"));
    auto meter = makeEnergyMeter(arg(a, "meter", "nvml"));
    const int intervals = std::stoi(arg(a, "intervals", "24"));
    const int skip = std::stoi(arg(a, "skip", "0"));
    std::ofstream csv(out + "/sessions.csv");
    csv << "policy,rate_pct,mean_rate_per_s,intervals,served,dropped,measured_j,measured_g,predicted_curve_j,"
           "predicted_curve_g,predicted_per_inference_g,curve_error_pct,per_inference_error_pct\n";
    for (const std::string &spec : split(arg(a, "policies", "model:ResNet50;heuristic;threshold:ResNet152@131,ResNet101@258,ResNet50@347,ResNet34"), ';'))
        for (const std::string &pct : split(arg(a, "rates", "1,3,10,30,90"), ',')) {
            std::ifstream feedFile(arg(a, "feed", "feed.csv"));
            std::string skipped;
            for (int i = 0; i < skip && std::getline(feedFile, skipped);)
                i += skipped.empty() || skipped[0] == '#' ? 0 : 1;
            StreamFeed feed(feedFile, "feed", 1800);
            PolicyPtr policy = makePolicy(spec);
            LiveOptions o;
            o.intervalWallSeconds = std::stod(arg(a, "interval-wall", "0.5"));
            o.meanRequestRate = std::stod(pct) / 100 * referenceCapacity(spec, curves);
            o.durationSeconds = intervals * o.intervalWallSeconds;
            LiveSessionHeader h;
            h.label = spec + " at " + pct + " %";
            Recorder rec;
            const LiveSummary s = runLiveSession(*engine, *meter, feed, *policy, curves, h, o, &rec, {});
            if (!s.error.empty())
                std::fprintf(stderr, "%s: %s\n", h.label.c_str(), s.error.c_str());
            const LivePrediction withCurves = predictLiveSession(rec.records, curves);
            const LivePrediction paper = predictLiveSession(rec.records, perInference);
            const double measured = s.co2G.value_or(0);
            auto errorPct = [&](double predicted) { return measured > 0 ? (predicted / measured - 1) * 100 : 0; };
            csv << '"' << spec << "\"," << pct << ',' << o.meanRequestRate << ',' << s.intervals << ',' << s.served
                << ',' << s.dropped << ',' << s.energyJ.value_or(0) << ',' << measured << ',' << withCurves.energyJ
                << ',' << withCurves.co2G << ',' << paper.co2G << ',' << errorPct(withCurves.co2G) << ','
                << errorPct(paper.co2G) << '\n';
            csv.flush();
            std::fprintf(stderr, "%-50s measured %.5f g, load curves %.5f g (%+.1f %%), per inference %.5f g (%+.1f %%)\n",
                         h.label.c_str(), measured, withCurves.co2G, errorPct(withCurves.co2G), paper.co2G,
                         errorPct(paper.co2G));
        }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    try {
        if (mode == "profile")
            return profile(parseArgs(argc, argv));
        if (mode == "sessions")
            return sessions(parseArgs(argc, argv));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "live_validation: %s\n", e.what());
        return 1;
    }
    std::fprintf(stderr, "usage: live_validation profile|sessions --out DIR ... (see the comment at the top)\n");
    return 2;
}
