#pragma once

#include "deployment/load_curve.h"

#include <optional>
#include <string>
#include <vector>

namespace cs {

// One servable model and what serving one inference with it costs and gives.
struct Model
{
    std::string name;
    double energyMj = 0;                  // energy per inference, millijoules
    double errorPct = 0;                  // top-5 error, percent
    std::optional<double> latencyMs;      // per request, milliseconds
    std::optional<double> throughputPerS; // inferences per second per GPU
    std::string source;                   // where the figures came from
    std::optional<LoadCurve> loadCurve;   // power vs request rate, where profiled (deployment/load_curve.h)

    bool operator==(const Model &) const = default;
};

// Throws InputError where a figure of the model is outside its range (see ModelPool::validate).
void validateModel(const Model &model);

struct ModelPool
{
    std::string name;
    std::vector<Model> models;

    int indexOf(const std::string &modelName) const; // -1 when absent
    const Model &at(int index) const { return models.at(static_cast<std::size_t>(index)); }
    int size() const { return static_cast<int>(models.size()); }

    // Throws InputError naming the problem: empty pool, empty or duplicate name, a figure outside its range:
    // energy per inference above 0 and at most 1e9 mJ, error 0..100 %, latency 0..86,400,000 ms, throughput
    // 0..1e12 per second (number_checks.h).
    void validate() const;

    bool operator==(const ModelPool &) const = default;
};

// Jung 2024, Table 1: seven ImageNet models on a V100 with Triton.
ModelPool paperPool();
// The same table's four ResNets, the pool of the paper's headline result.
ModelPool resnetPool();

} // namespace cs
