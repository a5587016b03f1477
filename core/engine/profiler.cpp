#include "profiler.h"

#include "latency_stats.h"
#include "parse_error.h"

#include <chrono>

namespace cs {

ProfileRow profileModel(InferenceEngine &engine, int model, int batch, EnergyMeter &meter,
                        const ProfileOptions &options)
{
    using Clock = std::chrono::steady_clock;
    ProfileRow row;
    row.model = engine.modelInfo(model).name;
    row.precision = precisionName(engine.options().precision);
    row.device = engine.deviceName();
    row.meter = meter.available() ? meter.name() : "none";
    row.batch = batch;
    row.idleWatts = options.idleWatts;

    engine.prepare(model, batch);
    std::vector<double> latencies;
    const auto first = meter.sample();
    const auto t0 = Clock::now();
    for (;;) {
        const auto b0 = Clock::now();
        row.computedBatch = engine.run(model, batch);
        const auto b1 = Clock::now();
        latencies.push_back(std::chrono::duration<double, std::milli>(b1 - b0).count());
        ++row.batches;
        if (options.fixedBatches > 0 ? row.batches >= options.fixedBatches
                                     : std::chrono::duration<double>(b1 - t0).count() >= options.seconds)
            break;
    }
    const auto t1 = Clock::now();
    const auto last = meter.sample();

    row.images = row.batches * batch;
    row.wallSeconds = std::chrono::duration<double>(t1 - t0).count();
    row.imagesPerS = row.images / row.wallSeconds;
    row.p50Ms = *quantile(latencies, 0.50);
    row.p99Ms = *quantile(latencies, 0.99);
    if (first && last && last->seconds > first->seconds) {
        const double joules = last->joules - first->joules;
        const double seconds = last->seconds - first->seconds;
        row.joules = joules;
        row.meterSeconds = seconds;
        row.meanWatts = joules / seconds;
        row.mjPerImage = joules * 1000.0 / static_cast<double>(row.images);
        if (options.idleWatts)
            row.mjPerImageNoIdle = attributedJoules(joules, seconds, options.idleWatts, IdleMode::Subtract) * 1000.0
                                   / static_cast<double>(row.images);
    }
    return row;
}

std::optional<std::pair<double, std::string>> publishedError(const std::string &model)
{
    const std::string paper = "Jung 2024, Table 1 (top-5 error)";
    for (const Model &m : paperPool().models)
        if (m.name == model)
            return std::make_pair(m.errorPct, paper);
    if (model == "ResNet18") // torchvision IMAGENET1K_V1: acc@5 89.078
        return std::make_pair(100.0 - 89.078, std::string("torchvision documentation, ResNet18 IMAGENET1K_V1 acc@5"));
    return std::nullopt;
}

ModelPool poolFromProfile(const std::vector<ProfileRow> &rows, const std::string &poolName, int batch,
                          const std::string &precision, IdleMode idle)
{
    ModelPool pool;
    pool.name = poolName;
    for (const ProfileRow &r : rows) {
        if (r.batch != batch || r.precision != precision || pool.indexOf(r.model) >= 0)
            continue;
        const auto energy = idle == IdleMode::Subtract ? r.mjPerImageNoIdle : r.mjPerImage;
        if (!energy)
            throw InputError("cannot write a pool: " + r.model + " has no measured energy (" + r.meter
                             + (idle == IdleMode::Subtract ? ", or no idle power measured" : "") + ")");
        Model m;
        m.name = r.model;
        m.energyMj = *energy;
        m.throughputPerS = r.imagesPerS;
        m.latencyMs = r.p50Ms;
        for (const ProfileRow &one : rows)
            if (one.model == r.model && one.precision == precision && one.batch == 1)
                m.latencyMs = one.p50Ms;
        const auto err = publishedError(r.model);
        m.errorPct = err ? err->first : 0;
        m.source = "energy, latency, throughput: measured by carbonscope-cli profile on " + r.device + " with "
                   + r.meter + ", " + precision + ", batch " + std::to_string(batch)
                   + (idle == IdleMode::Subtract ? ", idle power subtracted" : ", idle power included")
                   + "; error: " + (err ? err->second : "unknown (no published figure; set it by hand)");
        pool.models.push_back(m);
    }
    if (pool.models.empty())
        throw InputError("cannot write a pool: no profiled row at batch " + std::to_string(batch) + " and "
                         + precision);
    return pool;
}

} // namespace cs
