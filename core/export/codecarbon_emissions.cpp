#include "codecarbon_emissions.h"

#include "io/atomic_file.h"
#include "result_export.h"
#include "scenario.h"
#include "simulation.h"

#include <cstdio>
#include <ctime>
#include <fstream>
#include <random>
#include <stdexcept>
#include <sys/utsname.h>
#include <thread>
#include <unistd.h>

namespace cs {

namespace {

// CodeCarbon 3.3.0's header, verbatim from a real run's emissions.csv kept in CodeCarbon's own tests
// (mlco2/codecarbon tests/test_ci_report.py, REAL_RUN_CSV, codecarbon_version 3.3.0), which follows the field
// order of codecarbon/output_methods/emissions_data.py (EmissionsData) as the CSV writer emits it.
const std::vector<std::string_view> columns{
    "timestamp",        "project_name",
    "run_id",           "experiment_id",
    "duration",         "emissions",
    "emissions_rate",   "cpu_power",
    "gpu_power",        "ram_power",
    "cpu_energy",       "gpu_energy",
    "ram_energy",       "energy_consumed",
    "water_consumed",   "country_name",
    "country_iso_code", "region",
    "cloud_provider",   "cloud_region",
    "os",               "python_version",
    "codecarbon_version", "cpu_count",
    "cpu_model",        "gpu_count",
    "gpu_model",        "longitude",
    "latitude",         "ram_total_size",
    "tracking_mode",    "cpu_utilization_percent",
    "gpu_utilization_percent", "ram_utilization_percent",
    "ram_used_gb",      "on_cloud",
    "pue",              "wue",
};

std::string quoted(std::string_view field)
{
    if (field.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(field);
    std::string out = "\"";
    for (char c : field)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string number(const std::optional<double> &v, std::string_view what)
{
    return v ? finiteDecimal(*v, what) : std::string();
}

// Mean power over the run, W, from kWh over seconds; empty where the energy was not measured.
std::optional<double> watts(const std::optional<double> &kwh, double seconds)
{
    if (!kwh || seconds <= 0)
        return std::nullopt;
    return *kwh * 3.6e6 / seconds;
}

struct Host
{
    std::string os;
    std::string cpuModel;
    unsigned cpuCount = 0;
    std::optional<double> ramGb;
};

Host thisHost()
{
    Host h;
    utsname u{};
    if (uname(&u) == 0)
        h.os = std::string(u.sysname) + "-" + u.release + "-" + u.machine;
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);)
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            h.cpuModel = colon == std::string::npos ? "" : line.substr(colon + 2);
            break;
        }
    h.cpuCount = std::thread::hardware_concurrency();
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages > 0 && pageSize > 0)
        h.ramGb = static_cast<double>(pages) * static_cast<double>(pageSize) / (1024.0 * 1024 * 1024);
    return h;
}

} // namespace

const std::vector<std::string_view> &codeCarbonColumns()
{
    return columns;
}

void writeCodeCarbonCsv(std::ostream &out, const std::vector<CodeCarbonRun> &runs)
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        out << (i ? "," : "") << columns[i];
    out << "\n";
    const Host host = thisHost();
    for (const CodeCarbonRun &r : runs) {
        std::optional<double> total;
        if (r.cpuEnergyKwh || r.gpuEnergyKwh)
            total = r.cpuEnergyKwh.value_or(0) + r.gpuEnergyKwh.value_or(0);
        std::optional<double> rate;
        if (r.emissionsKg && r.durationSeconds > 0)
            rate = *r.emissionsKg / r.durationSeconds; // kg/s, as CodeCarbon's emissions_rate
        const std::vector<std::string> fields{
            r.timestamp, r.projectName, r.runId, r.experimentId,
            finiteDecimal(r.durationSeconds, "duration (s)"), number(r.emissionsKg, "emissions (kg)"),
            number(rate, "emissions rate (kg/s)"), number(watts(r.cpuEnergyKwh, r.durationSeconds), "CPU power (W)"),
            number(watts(r.gpuEnergyKwh, r.durationSeconds), "GPU power (W)"), "" /* ram_power */,
            number(r.cpuEnergyKwh, "CPU energy (kWh)"), number(r.gpuEnergyKwh, "GPU energy (kWh)"), "" /* ram */,
            number(total, "energy (kWh)"), "" /* water_consumed */, "", "", r.region, "", "", host.os,
            "" /* python_version */, "" /* codecarbon_version: this is not CodeCarbon */,
            std::to_string(host.cpuCount), host.cpuModel, std::to_string(r.gpuCount), r.gpuModel, "", "",
            number(host.ramGb, "RAM (GB)"), r.trackingMode, "", "", "", "", "N", "1.0", "0.0"};
        if (fields.size() != columns.size())
            throw std::logic_error("CodeCarbon row: the fields do not match the header");
        for (std::size_t i = 0; i < fields.size(); ++i)
            out << (i ? "," : "") << quoted(fields[i]);
        out << "\n";
    }
}

void writeCodeCarbonFile(const std::string &path, const std::vector<CodeCarbonRun> &runs)
{
    writeFileAtomically(path, [&](std::ostream &out) { writeCodeCarbonCsv(out, runs); });
}

CodeCarbonRun codeCarbonRunOf(const Scenario &scenario, const SimulationResult &result)
{
    CodeCarbonRun r;
    r.timestamp = codeCarbonTimestamp();
    r.projectName = scenario.name.empty() ? "carbonscope simulation" : scenario.name;
    r.runId = newRunId();
    r.experimentId = result.policySpec;
    r.durationSeconds = static_cast<double>(scenario.size()) * static_cast<double>(scenario.intervalSeconds);
    r.gpuEnergyKwh = result.totals.energyKwh;
    r.emissionsKg = result.totals.co2G / 1000.0;
    r.region = scenario.carbonSource;
    r.trackingMode = "simulation";
    return r;
}

std::string newRunId()
{
    std::random_device device;
    std::mt19937_64 rng((static_cast<std::uint64_t>(device()) << 32) ^ device());
    const std::uint64_t hi = (rng() & 0xffffffffffff0fffULL) | 0x0000000000004000ULL; // version 4
    const std::uint64_t lo = (rng() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL; // RFC 4122 variant
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx",
                  static_cast<unsigned long long>(hi >> 32), static_cast<unsigned long long>((hi >> 16) & 0xffff),
                  static_cast<unsigned long long>(hi & 0xffff), static_cast<unsigned long long>(lo >> 48),
                  static_cast<unsigned long long>(lo & 0xffffffffffffULL));
    return buf;
}

std::string codeCarbonTimestamp()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    return buf;
}

} // namespace cs
