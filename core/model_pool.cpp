#include "model_pool.h"

#include "number_checks.h"
#include "parse_error.h"

#include <cmath>
#include <set>

namespace cs {

int ModelPool::indexOf(const std::string &modelName) const
{
    for (std::size_t i = 0; i < models.size(); ++i)
        if (models[i].name == modelName)
            return static_cast<int>(i);
    return -1;
}

void validateModel(const Model &m)
{
    // Each figure within its documented range (number_checks.h); the message keeps "must be a number >= 0"
    // for a negative or non-finite figure, as before.
    auto check = [&](double v, const char *what, double max) {
        if (!std::isfinite(v) || v < 0)
            throw InputError("model '" + m.name + "': " + what + " must be a number >= 0");
        if (const std::string problem = rangeProblem(v, 0, max); !problem.empty())
            throw InputError("model '" + m.name + "': " + what + ": " + problem);
    };
    check(m.energyMj, "energy per inference (mJ)", limits::maxEnergyMj);
    if (m.energyMj == 0)
        throw InputError("model '" + m.name + "': energy per inference (mJ) must be above 0 (no inference is free)");
    check(m.errorPct, "error (%)", limits::maxErrorPct);
    if (m.latencyMs)
        check(*m.latencyMs, "latency (ms)", limits::maxLatencyMs);
    if (m.throughputPerS)
        check(*m.throughputPerS, "throughput (inferences/s)", limits::maxThroughputPerS);
    if (m.loadCurve)
        m.loadCurve->validate("model '" + m.name + "'");
}

void ModelPool::validate() const
{
    if (models.empty())
        throw InputError("model pool '" + name + "' has no models");
    std::set<std::string> seen;
    for (const Model &m : models) {
        if (m.name.empty())
            throw InputError("model pool '" + name + "' has a model without a name");
        if (!seen.insert(m.name).second)
            throw InputError("model pool '" + name + "' names '" + m.name + "' twice; names must be unique");
        validateModel(m);
    }
}

ModelPool paperPool()
{
    const std::string source = "Jung 2024, Table 1 (V100, Triton; top-5 error on ImageNet)";
    ModelPool pool;
    pool.name = "paper";
    pool.models = {
        {"ResNet34", 359.93, 8.58, {}, {}, source, {}},   {"ResNet50", 420.62, 7.138, {}, {}, source, {}},
        {"ResNet101", 803.09, 6.454, {}, {}, source, {}}, {"ResNet152", 1238.15, 5.954, {}, {}, source, {}},
        {"VGG16", 668.97, 9.618, {}, {}, source, {}},     {"VGG19", 803.85, 9.124, {}, {}, source, {}},
        {"AlexNet", 125.00, 20.934, {}, {}, source, {}},
    };
    return pool;
}

ModelPool resnetPool()
{
    ModelPool pool = paperPool();
    pool.name = "resnets";
    std::erase_if(pool.models, [](const Model &m) { return !m.name.starts_with("ResNet"); });
    return pool;
}

} // namespace cs
