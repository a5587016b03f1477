#include "live_runner.h"

#include "deployment/emission_account.h"
#include "latency_stats.h"
#include "live_totals.h"
#include "parse_error.h"

#include <chrono>
#include <random>
#include <thread>

namespace cs {

namespace {

using Clock = std::chrono::steady_clock;

double kwh(double joules)
{
    return joules / 3.6e6;
}

// Submits Poisson arrivals at `rate` per second for `seconds`, in 1 ms ticks; at `switchAt` seconds (if any)
// switches to `alt`. Returns how long the switch call took, in ms.
double serveWindow(BatchServer &server, std::mt19937_64 &rng, double rate, double seconds, double switchAt, int alt)
{
    const auto t0 = Clock::now();
    std::exponential_distribution<double> gap(rate > 0 ? rate : 1);
    double nextArrival = rate > 0 ? gap(rng) : seconds + 1;
    double switchMs = 0;
    bool switched = switchAt < 0;
    for (;;) {
        const double now = std::chrono::duration<double>(Clock::now() - t0).count();
        if (now >= seconds)
            break;
        if (!switched && now >= switchAt) {
            switchMs = server.switchModel(alt) * 1000.0;
            switched = true;
        }
        while (nextArrival <= now) {
            server.submit();
            nextArrival += gap(rng);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    if (!switched)
        switchMs = server.switchModel(alt) * 1000.0;
    return switchMs;
}

} // namespace

LiveSummary runLiveSession(InferenceEngine &engine, EnergyMeter &meter, IntensityFeed &feed, const Policy &policy,
                           const ModelPool &pool, const LiveSessionHeader &header, const LiveOptions &options,
                           LiveSink *sink, const std::function<void(const LiveRecord &)> &progress,
                           const std::atomic<bool> *stop)
{
    std::vector<int> engineIndex;
    for (const Model &m : pool.models) {
        const int i = engine.indexOf(m.name);
        if (i < 0)
            throw InputError("pool model '" + m.name + "' is not loaded in the engine");
        engineIndex.push_back(i);
    }
    if (options.intervalWallSeconds <= 0)
        throw InputError("a live interval must last more than 0 s of wall time");

    Scenario seen;
    seen.name = header.label;
    seen.carbonSource = feed.source();
    seen.intervalSeconds = feed.intervalSeconds();

    BatchServer server(engine, options.server, engineIndex.front());
    server.start();
    std::mt19937_64 rng(options.seed);
    LiveSummary summary;
    if (sink)
        sink->begin(header);
    const auto sessionStart = Clock::now();
    LiveTotals totals; // an unavailable meter gives no readings, so no measured total

    while (auto point = feed.next()) {
        if (stop && stop->load())
            break;
        if (options.durationSeconds > 0
            && std::chrono::duration<double>(Clock::now() - sessionStart).count() >= options.durationSeconds)
            break;
        seen.times.push_back(point->time);
        seen.intensity.push_back(point->intensity);
        seen.requests.push_back(point->requests);
        const Choice choice = policy.assign(seen, pool).back();
        if (choice.model < 0 || choice.model >= pool.size())
            throw InputError("policy " + policy.spec() + " chose no model for " + formatUtcTime(point->time));

        LiveRecord rec;
        rec.index = totals.intervals;
        rec.time = point->time;
        rec.intensity = point->intensity;
        const int first = engineIndex[static_cast<std::size_t>(choice.model)];
        const bool split = choice.alt >= 0 && choice.altShare > 0;
        const int second = split ? engineIndex[static_cast<std::size_t>(choice.alt)] : first;
        rec.model = pool.at(choice.model).name + (split ? ">" + pool.at(choice.alt).name : "");

        const auto s0 = meter.sample();
        const auto w0 = Clock::now();
        rec.switchMs = server.activeModel() != first ? server.switchModel(first) * 1000.0 : 0;
        const double rate = options.meanRequestRate * point->requests / feed.meanRequests();
        const double wall = options.intervalWallSeconds;
        const double altSwitch = serveWindow(server, rng, rate, wall, split ? wall * (1 - choice.altShare) : -1,
                                             second);
        if (split)
            rec.switchMs = std::max(rec.switchMs, altSwitch);
        server.drain(options.drainSeconds);
        const auto s1 = meter.sample();
        rec.wallSeconds = std::chrono::duration<double>(Clock::now() - w0).count();
        ServerCounters c = server.take();
        rec.arrived = c.submitted;
        rec.served = c.served;
        rec.dropped = c.dropped;
        rec.latencyP50Ms = quantile(c.latenciesMs, 0.50);
        rec.latencyP99Ms = quantile(c.latenciesMs, 0.99);

        if (const auto joules = energyBetween(s0, s1)) {
            const double seconds = s1->seconds - s0->seconds;
            rec.meanPowerW = seconds > 0 ? std::optional<double>(*joules / seconds) : std::nullopt;
            rec.energyJ = attributedJoules(*joules, seconds, options.idleWatts, options.idleMode);
            rec.co2G = kwh(*rec.energyJ) * rec.intensity;
        }
        // What the simulator predicts for the interval as served: a model's load curve over the wall time it
        // held the GPU (idle included, as the meter measures it unless idle is subtracted), else its energy per
        // inference (docs/energy_model.md).
        double predictedJ = 0;
        auto predict = [&](int model, double share) {
            const GpuJoules j = gpuJoules(pool.at(model), static_cast<double>(rec.served), share, rec.wallSeconds, 1);
            predictedJ += j.dynamic + (options.idleMode == IdleMode::Include ? j.idle : 0.0);
        };
        predict(choice.model, split ? 1 - choice.altShare : 1.0);
        if (split)
            predict(choice.alt, choice.altShare);
        rec.predictedCo2G = kwh(predictedJ) * rec.intensity;

        totals.add(rec);
        if (sink) {
            sink->latencies(c.latenciesMs);
            sink->append(rec);
        }
        if (progress)
            progress(rec);
        if (!server.lastError().empty()) {
            summary.error = server.lastError();
            break;
        }
    }
    server.stop();
    const ServerCounters rest = server.take();
    if (sink)
        sink->end();
    summary.intervals = totals.intervals;
    summary.served = totals.served;
    summary.dropped = totals.dropped + rest.dropped;
    summary.maxSwitchMs = totals.maxSwitchMs;
    summary.energyJ = totals.energyJ();
    summary.co2G = totals.co2G();
    summary.predictedCo2G = totals.predictedCo2G;
    return summary;
}

} // namespace cs
