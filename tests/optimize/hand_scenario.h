#pragma once
// Small hand-worked scenarios for the optimize suites: hourly intervals from t = 0, the model names an assignment
// picks, and a relative comparison of hand-worked values.
#include "model_pool.h"
#include "policy.h"
#include "scenario.h"
#include "trace_file.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace cs::test {

// Hourly intervals from t = 0 with these intensities; one request each unless `requests` says otherwise.
inline Scenario hourly(const std::vector<double> &intensity, const std::vector<double> &requests = {})
{
    Scenario s;
    s.name = "hand";
    s.intervalSeconds = 3600;
    for (std::size_t i = 0; i < intensity.size(); ++i)
        s.times.push_back(static_cast<UtcSeconds>(i) * 3600);
    s.intensity = intensity;
    s.requests = requests.empty() ? std::vector<double>(intensity.size(), 1.0) : requests;
    return s;
}

// The project's default scenario: South West England's carbon intensity and the Wikipedia requests, June 2023.
inline Scenario defaultScenario()
{
    const std::string dir = CARBONSCOPE_SOURCE_DIR "/data/";
    return alignTraces(readTrace(dir + "carbon_south_west_england_2023-06.csv", SeriesKind::Carbon),
                       readTrace(dir + "requests_wikipedia_en_2023-06.csv", SeriesKind::Requests));
}

inline std::vector<std::string> names(const Assignment &a, const ModelPool &p)
{
    std::vector<std::string> out;
    for (const Choice &c : a)
        out.push_back(p.at(c.model).name);
    return out;
}

// |a - b| within `rel` of the larger magnitude (at least 1): hand-worked values against computed ones.
inline bool near(double a, double b, double rel = 1e-9)
{
    return std::abs(a - b) <= rel * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace cs::test
