#include "result_export.h"

#include "number_checks.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace cs {

std::string plainDecimal(double value)
{
    if (!std::isfinite(value))
        return "null";
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
    return std::string(buf, r.ptr);
}

std::string finiteDecimal(double value, std::string_view what)
{
    if (!std::isfinite(value))
        requireFiniteResult(value, std::string(what));
    return plainDecimal(value);
}

bool isUndefined(double value)
{
    return std::isnan(value);
}

std::string formatFinite(double value, const char *format, std::string_view what, bool mayBeUndefined)
{
    if (mayBeUndefined && isUndefined(value))
        return "-";
    if (!std::isfinite(value))
        requireFiniteResult(value, std::string(what));
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    return buf;
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

static const char *intervalCsvHeader =
    "time_utc,intensity_gco2_per_kwh,requests,model,energy_kwh,co2_g,cumulative_co2_g,error_pct\n";

static void writeIntervalRow(std::ostream &out, const Scenario &scenario, const ModelPool &pool,
                             const IntervalResults &r, std::size_t i, double cumulativeCo2G)
{
    const std::string time = formatUtcTime(scenario.times[i]);
    auto cell = [&](double v, const char *column) {
        return std::isfinite(v) ? plainDecimal(v) : finiteDecimal(v, std::string(column) + " at " + time);
    };
    out << time << ',' << cell(scenario.intensity[i], "intensity_gco2_per_kwh") << ','
        << cell(scenario.requests[i], "requests") << ',' << csvField(pool.at(r.model[i]).name) << ','
        << cell(r.energyKwh[i], "energy_kwh") << ',' << cell(r.co2G[i], "co2_g") << ','
        << cell(cumulativeCo2G, "cumulative_co2_g") << ',' << cell(r.errorPct[i], "error_pct") << '\n';
}

void writeIntervalCsv(std::ostream &out, const Scenario &scenario, const ModelPool &pool,
                      const SimulationResult &result)
{
    out << intervalCsvHeader;
    const IntervalResults &r = result.intervals;
    for (std::size_t i = 0; i < scenario.size(); ++i)
        writeIntervalRow(out, scenario, pool, r, i, r.cumulativeCo2G[i]);
}

void writeIntervalCsvPeriod(std::ostream &out, const Scenario &scenario, const ModelPool &pool,
                            const SimulationResult &result, std::size_t begin, std::size_t end)
{
    out << intervalCsvHeader;
    const IntervalResults &r = result.intervals;
    double cumulative = 0;
    for (std::size_t i = begin; i < std::min(end, scenario.size()); ++i) {
        cumulative += r.co2G[i];
        writeIntervalRow(out, scenario, pool, r, i, cumulative);
    }
}

std::string totalsJson(const SimulationResult &result, const ModelPool &pool, const BaselineComparison &vsBaseline,
                       const std::string &moreMembers)
{
    const Totals &t = result.totals;
    // Undefined figures (no gain without a baseline error, no efficiency without extra CO2) are left out.
    auto optional = [](const char *key, double v) {
        return isUndefined(v) ? std::string() : ",\"" + std::string(key) + "\":" + finiteDecimal(v, key);
    };
    std::string s = "{\"policy\":" + jsonString(result.policySpec) + ",\"baseline\":" +
                    jsonString(vsBaseline.baseline) + ",\"co2_g\":" + finiteDecimal(t.co2G, "co2_g") +
                    ",\"error_pct\":" + finiteDecimal(t.errorPct, "error_pct") + ",\"extra_g\":" +
                    finiteDecimal(vsBaseline.extraCo2G, "extra_g") + optional("rel_gain_pct", vsBaseline.relativeGainPct) +
                    optional("efficiency", vsBaseline.efficiency) + ",\"intervals\":" + std::to_string(t.intervals) +
                    ",\"requests\":" + finiteDecimal(t.requests, "requests") +
                    ",\"energy_kwh\":" + finiteDecimal(t.energyKwh, "energy_kwh") + ",\"model_share\":{";
    for (std::size_t m = 0; m < t.modelShare.size(); ++m)
        s += (m ? "," : "") + jsonString(pool.models[m].name) + ":" + finiteDecimal(t.modelShare[m], "model_share");
    return s + "}" + moreMembers + "}";
}

} // namespace cs
