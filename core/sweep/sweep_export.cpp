#include "sweep_export.h"

#include "io/atomic_file.h"
#include "result_export.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace cs {

namespace {

const SweepMetric derived[] = {SweepMetric::Co2SavedG, SweepMetric::Co2SavedPct, SweepMetric::Efficiency,
                               SweepMetric::RegretG, SweepMetric::RegretPct};

std::string csvField(const std::string &s)
{
    if (s.find_first_of(",\"\n\r") == std::string::npos)
        return s;
    std::string q = "\"";
    for (char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string number(double v) // empty where undefined; an infinity never reaches a file
{
    if (std::isnan(v))
        return {};
    return finiteDecimal(v, "a sweep figure");
}

nlohmann::json jsonNumber(double v)
{
    if (std::isnan(v))
        return nullptr;
    if (!std::isfinite(v))
        finiteDecimal(v, "a sweep figure"); // throws
    return v;
}

} // namespace

void writeSweepCsv(std::ostream &out, const SweepResult &r)
{
    out << "series,period,period_start_utc,policy,intervals,requests,baseline_co2_g,baseline_error_pct,co2_g,"
           "error_pct,optimum_co2_g,co2_saved_g,co2_saved_pct,efficiency,regret_g,regret_pct\n";
    for (std::size_t s = 0; s < r.series.size(); ++s)
        for (std::size_t q = 0; q < r.periods.size(); ++q) {
            const SweepCell &cell = r.cell(s, q);
            for (std::size_t p = 0; p < r.policies.size(); ++p) {
                const PolicyCell &v = r.value(s, q, p);
                out << csvField(r.series[s]) << ',' << r.periods[q].label << ','
                    << formatUtcTime(r.periods[q].from) << ',' << csvField(r.policies[p]) << ','
                    << cell.intervals << ',' << number(cell.intervals ? cell.requests : NAN) << ','
                    << number(cell.baselineCo2G) << ',' << number(cell.baselineErrorPct) << ','
                    << number(v.co2G) << ',' << number(v.errorPct) << ',' << number(v.optimumCo2G);
                for (SweepMetric m : derived)
                    out << ',' << number(sweepMetric(m, cell, v));
                out << '\n';
            }
        }
}

std::string sweepJson(const SweepResult &r)
{
    nlohmann::json j;
    j["baseline"] = r.baseline;
    j["period"] = sweepPeriodName(r.period);
    j["series"] = r.series;
    j["policies"] = r.policies;
    j["periods"] = nlohmann::json::array();
    for (const PeriodSpan &span : r.periods)
        j["periods"].push_back({{"label", span.label}, {"start_utc", formatUtcTime(span.from)}});
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t s = 0; s < r.series.size(); ++s)
        for (std::size_t q = 0; q < r.periods.size(); ++q) {
            const SweepCell &cell = r.cell(s, q);
            for (std::size_t p = 0; p < r.policies.size(); ++p) {
                const PolicyCell &v = r.value(s, q, p);
                nlohmann::json row = {{"series", r.series[s]},
                                      {"period", r.periods[q].label},
                                      {"policy", r.policies[p]},
                                      {"intervals", cell.intervals},
                                      {"requests", jsonNumber(cell.intervals ? cell.requests : NAN)},
                                      {"baseline_co2_g", jsonNumber(cell.baselineCo2G)},
                                      {"baseline_error_pct", jsonNumber(cell.baselineErrorPct)},
                                      {"co2_g", jsonNumber(v.co2G)},
                                      {"error_pct", jsonNumber(v.errorPct)},
                                      {"optimum_co2_g", jsonNumber(v.optimumCo2G)}};
                for (SweepMetric m : derived)
                    row[sweepMetricKey(m)] = jsonNumber(sweepMetric(m, cell, v));
                rows.push_back(std::move(row));
            }
        }
    j["rows"] = std::move(rows);
    return j.dump() + "\n";
}

void saveSweepCsv(const std::string &path, const SweepResult &result)
{
    writeFileAtomically(path, [&](std::ostream &out) { writeSweepCsv(out, result); });
}

void saveSweepJson(const std::string &path, const SweepResult &result)
{
    writeFileAtomically(path, sweepJson(result));
}

} // namespace cs
