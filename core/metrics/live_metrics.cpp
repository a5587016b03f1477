#include "live_metrics.h"

#include "prometheus_text.h"

namespace cs {

void LiveMetrics::begin(const Session &session)
{
    std::lock_guard lock(mMutex);
    mState = State{};
    mState.session = session;
    mState.energyComplete = session.energyMeasured;
}

void LiveMetrics::addInterval(const LiveMetricsInterval &in)
{
    std::lock_guard lock(mMutex);
    State &s = mState;
    s.intensity = in.intensity;
    s.model = in.model;
    ++s.intervals;
    s.served += in.served;
    s.dropped += in.dropped;
    if (in.energyJ && in.co2G) {
        s.energyJ += *in.energyJ;
        s.co2G += *in.co2G;
    } else {
        s.energyComplete = false; // a gap: the counters would undercount from here on
    }
    s.predictedCo2G += in.predictedCo2G;
    s.powerW = in.meanPowerW;
    s.latency.observe(in.latenciesMs);
}

std::string LiveMetrics::exposition() const
{
    State s;
    {
        std::lock_guard lock(mMutex);
        s = mState;
    }
    PrometheusText t;
    if (s.intensity) {
        t.family("carbonscope_carbon_intensity_grams_per_kwh", "gauge",
                 "Carbon intensity of the grid the current model was chosen on, gCO2/kWh.");
        t.sample("carbonscope_carbon_intensity_grams_per_kwh", *s.intensity);
    }
    t.family("carbonscope_model_in_use", "gauge", "1 for the pool model serving now, 0 for the others.");
    for (const std::string &m : s.session.models)
        t.sample("carbonscope_model_in_use", {{"model", m}}, m == s.model ? 1 : 0);
    if (s.energyComplete) {
        const char *energy = s.session.domain == EnergyDomain::Gpu ? "carbonscope_gpu_energy_joules_total"
                                                                   : "carbonscope_host_energy_joules_total";
        t.family(energy, "counter",
                 s.session.domain == EnergyDomain::Gpu ? "Energy the GPU used while serving (NVML), joules."
                                                       : "Energy the host used while serving, joules.");
        t.sample(energy, s.energyJ);
        t.family("carbonscope_co2_grams_total", "counter", "CO2 of the measured energy at the grid's intensity, grams.");
        t.sample("carbonscope_co2_grams_total", s.co2G);
        if (s.powerW) {
            t.family("carbonscope_power_watts", "gauge", "Mean power over the last interval, watts.");
            t.sample("carbonscope_power_watts", *s.powerW);
        }
    }
    t.family("carbonscope_predicted_co2_grams_total", "counter",
             "CO2 the simulation predicts for the requests served (the pool's energy per inference), grams.");
    t.sample("carbonscope_predicted_co2_grams_total", s.predictedCo2G);
    t.family("carbonscope_requests_served_total", "counter", "Inference requests served.");
    t.sample("carbonscope_requests_served_total", static_cast<double>(s.served));
    t.family("carbonscope_requests_dropped_total", "counter", "Requests dropped (queued too long).");
    t.sample("carbonscope_requests_dropped_total", static_cast<double>(s.dropped));
    t.family("carbonscope_request_latency_seconds", "histogram", "Latency of a request, arrival to result.");
    for (std::size_t i = 0; i < LatencyHistogram::boundsMs.size(); ++i)
        t.sample("carbonscope_request_latency_seconds_bucket",
                 {{"le", prometheusNumber(LatencyHistogram::boundsMs[i] / 1000.0)}},
                 static_cast<double>(s.latency.cumulative(i)));
    t.sample("carbonscope_request_latency_seconds_bucket", {{"le", "+Inf"}}, static_cast<double>(s.latency.count()));
    t.sample("carbonscope_request_latency_seconds_sum", s.latency.sumSeconds());
    t.sample("carbonscope_request_latency_seconds_count", static_cast<double>(s.latency.count()));
    t.family("carbonscope_intervals_total", "counter", "Trace intervals served.");
    t.sample("carbonscope_intervals_total", static_cast<double>(s.intervals));
    t.family("carbonscope_policy_info", "gauge", "The policy choosing the model, and its pool.");
    t.sample("carbonscope_policy_info", {{"policy", s.session.policy}, {"pool", s.session.pool}}, 1);
    return t.text();
}

} // namespace cs
