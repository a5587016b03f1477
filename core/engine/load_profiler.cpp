#include "load_profiler.h"

#include "parse_error.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

namespace cs {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Mean power (W) between two readings of the meter.
double meanWatts(const std::optional<EnergySample> &a, const std::optional<EnergySample> &b)
{
    const std::optional<double> joules = energyBetween(a, b);
    if (!joules || b->seconds <= a->seconds)
        throw InputError("load profile: the energy meter gave no reading");
    return *joules / (b->seconds - a->seconds);
}

void checkServing(const BatchServer &server)
{
    if (!server.lastError().empty())
        throw InputError("load profile: the engine stopped serving: " + server.lastError());
}

// Keeps the queue holding several full batches for `seconds`: the rate the server sustains and its power.
std::pair<double, double> measureCapacity(BatchServer &server, EnergyMeter &meter, int maxBatch, double seconds)
{
    std::int64_t submitted = 0;
    auto feed = [&] {
        const std::int64_t waiting = submitted - server.servedSinceTake();
        for (std::int64_t i = waiting; i < 4 * maxBatch; ++i, ++submitted)
            server.submit();
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    };
    for (const auto settle = Clock::now(); secondsSince(settle) < 1;)
        feed();
    server.drain(10);
    server.take();
    submitted = 0;
    const auto a = meter.sample();
    const auto start = Clock::now();
    while (secondsSince(start) < seconds)
        feed();
    const auto b = meter.sample();
    const double elapsed = secondsSince(start);
    const ServerCounters c = server.take();
    checkServing(server);
    return {static_cast<double>(c.served) / elapsed, meanWatts(a, b)};
}

// Poisson arrivals at `rate` for `seconds`; the window's served rate and power when `meter` is given.
LoadLevel serveAt(BatchServer &server, EnergyMeter *meter, double rate, double seconds, std::mt19937_64 &random)
{
    std::exponential_distribution<double> gap(rate);
    std::optional<EnergySample> a;
    if (meter)
        a = meter->sample();
    server.take();
    const auto start = Clock::now();
    double next = gap(random);
    for (double now = 0; now < seconds; now = secondsSince(start)) {
        while (next <= now) {
            server.submit();
            next += gap(random);
        }
        std::this_thread::sleep_until(start + std::chrono::duration_cast<Clock::duration>(
                                                  std::chrono::duration<double>(std::min(next, seconds))));
    }
    LoadLevel l;
    l.targetPerS = rate;
    if (meter) {
        const auto b = meter->sample();
        l.watts = meanWatts(a, b);
    }
    const double elapsed = secondsSince(start);
    const ServerCounters c = server.take();
    checkServing(server);
    l.servedPerS = static_cast<double>(c.served) / elapsed;
    l.dropped = c.dropped;
    return l;
}

} // namespace

LoadCurve LoadProfile::curve() const
{
    LoadCurve c;
    c.idleWatts = idleWatts;
    std::vector<LoadPoint> points;
    for (const LoadLevel &l : levels)
        if (l.servedPerS > 0 && l.servedPerS < capacityPerS)
            points.push_back({l.servedPerS, std::max(l.watts, idleWatts)});
    points.push_back({capacityPerS, std::max(wattsAtCapacity, idleWatts)});
    std::sort(points.begin(), points.end(), [](const LoadPoint &x, const LoadPoint &y) {
        return x.requestsPerS < y.requestsPerS;
    });
    for (const LoadPoint &p : points)
        if (c.points.empty() || p.requestsPerS > c.points.back().requestsPerS * 1.001)
            c.points.push_back(p);
        else
            c.points.back() = p; // the later (higher) of two near-equal rates; capacity stays last
    return c;
}

LoadProfile profileLoad(InferenceEngine &engine, int model, EnergyMeter &meter, const LoadProfileOptions &options)
{
    if (!meter.available())
        throw InputError("load profile: no energy meter: " + meter.notice());
    LoadProfile p;
    p.model = engine.modelInfo(model).name;
    const auto idleStart = meter.sample();
    std::this_thread::sleep_for(std::chrono::duration<double>(options.idleSeconds));
    p.idleWatts = meanWatts(idleStart, meter.sample());

    BatchServer server(engine, options.server, model);
    server.start();
    std::tie(p.capacityPerS, p.wattsAtCapacity) =
        measureCapacity(server, meter, options.server.maxBatch, options.seconds);
    if (!(p.capacityPerS > 0))
        throw InputError("load profile of " + p.model + ": nothing was served in " + std::to_string(options.seconds) +
                         " s at full load; measure longer");
    server.drain(10);
    std::mt19937_64 random(options.seed);
    for (double level : options.levels) {
        const double rate = level * p.capacityPerS;
        if (rate <= 0)
            continue;
        serveAt(server, nullptr, rate, options.settleSeconds, random);
        LoadLevel l = serveAt(server, &meter, rate, options.seconds, random);
        l.level = level;
        p.levels.push_back(l);
        server.drain(10);
    }
    server.stop();
    return p;
}

} // namespace cs
