#include "result_export.h"

#include <charconv>
#include <cmath>

namespace cs {

std::string plainDecimal(double value)
{
    if (!std::isfinite(value))
        return "null";
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
    return std::string(buf, r.ptr);
}

static std::string jsonString(const std::string &s)
{
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += c;
            }
        }
    }
    return out + "\"";
}

static std::string csvField(const std::string &s)
{
    if (s.find_first_of(",\"\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (const char c : s)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void writeIntervalCsv(std::ostream &out, const Scenario &scenario, const ModelPool &pool,
                      const SimulationResult &result)
{
    out << "time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct\n";
    const IntervalResults &r = result.intervals;
    for (std::size_t i = 0; i < scenario.size(); ++i) {
        out << formatUtcTime(scenario.times[i]) << ',' << plainDecimal(scenario.intensity[i]) << ','
            << plainDecimal(scenario.requests[i]) << ',' << csvField(pool.at(r.model[i]).name) << ','
            << plainDecimal(r.energyKwh[i]) << ',' << plainDecimal(r.co2G[i]) << ','
            << plainDecimal(r.cumulativeCo2G[i]) << ',' << plainDecimal(r.errorPct[i]) << '\n';
    }
}

std::string totalsJson(const SimulationResult &result, const ModelPool &pool, const BaselineComparison &vsBaseline)
{
    const Totals &t = result.totals;
    std::string s = "{\"policy\":" + jsonString(result.policySpec) + ",\"baseline\":" +
                    jsonString(vsBaseline.baseline) + ",\"co2_g\":" + plainDecimal(t.co2G) +
                    ",\"error_pct\":" + plainDecimal(t.errorPct) + ",\"extra_g\":" +
                    plainDecimal(vsBaseline.extraCo2G) + ",\"rel_gain_pct\":" +
                    plainDecimal(vsBaseline.relativeGainPct) + ",\"efficiency\":" +
                    plainDecimal(vsBaseline.efficiency) + ",\"intervals\":" + std::to_string(t.intervals) +
                    ",\"requests\":" + plainDecimal(t.requests) + ",\"energy_kwh\":" + plainDecimal(t.energyKwh) +
                    ",\"model_share\":{";
    for (std::size_t m = 0; m < t.modelShare.size(); ++m)
        s += (m ? "," : "") + jsonString(pool.models[m].name) + ":" + plainDecimal(t.modelShare[m]);
    return s + "}}";
}

} // namespace cs
