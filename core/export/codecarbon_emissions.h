#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// One row of CodeCarbon's emissions.csv: a run's totals so far (CodeCarbon's rows are cumulative since the run
// started). Units are CodeCarbon's: seconds, kWh, kg CO2eq, W. What CarbonScope does not measure (RAM energy,
// utilisation, water, location) is an empty field, never a made-up 0; pandas reads it as NaN.
struct CodeCarbonRun
{
    std::string timestamp;                 // UTC, %Y-%m-%dT%H:%M:%S (codeCarbonTimestamp)
    std::string projectName;
    std::string runId;                     // a UUID (newRunId)
    std::string experimentId;              // here: the policy spec
    double durationSeconds = 0;
    std::optional<double> cpuEnergyKwh;    // the host's meter (RAPL) where that is what measured
    std::optional<double> gpuEnergyKwh;    // NVML, or the pool's (GPU) energy per inference in a simulation
    std::optional<double> emissionsKg;
    std::string region;                    // the carbon trace's source
    std::string gpuModel;
    int gpuCount = 0;
    std::string trackingMode = "machine";
};

// The columns, in order, of CodeCarbon 3.3.0's emissions.csv.
const std::vector<std::string_view> &codeCarbonColumns();

// Writes the header and one line per run (RFC 4180 quoting). Throws InputError on a non-finite number.
void writeCodeCarbonCsv(std::ostream &out, const std::vector<CodeCarbonRun> &runs);
// The same, as a whole file written atomically (core/io/atomic_file.h): complete or untouched.
void writeCodeCarbonFile(const std::string &path, const std::vector<CodeCarbonRun> &runs);

// A simulation as a CodeCarbon run: the simulated period's length as its duration, the pool's (GPU) energy per
// inference over the requests served as gpu_energy, the scenario's name as the project, the policy as the
// experiment.
struct Scenario;
struct SimulationResult;
CodeCarbonRun codeCarbonRunOf(const Scenario &scenario, const SimulationResult &result);

std::string newRunId();                    // a random (version 4) UUID
std::string codeCarbonTimestamp();         // now, UTC

} // namespace cs
