#pragma once

#include "model_pool.h"
#include "scenario.h"

#include <memory>
#include <string>
#include <vector>

namespace cs {

// How one interval's requests are served: by `model`, or split with a share `altShare` (0..1) served by `alt`.
struct Choice
{
    int model = -1;
    int alt = -1;
    double altShare = 0;
};

using Assignment = std::vector<Choice>; // one Choice per scenario interval

// A rule that decides, for every interval of a scenario, which pool model serves it.
class Policy
{
public:
    virtual ~Policy() = default;

    // The spec the policy was made from, as the CLI takes it ("heuristic:printed", "model:ResNet50").
    virtual std::string spec() const = 0;
    // A short label for tables and legends ("Heuristic (printed)").
    virtual std::string label() const = 0;
    // Throws InputError where the pool lacks what the policy needs (an unknown model name).
    virtual Assignment assign(const Scenario &scenario, const ModelPool &pool) const = 0;
};

using PolicyPtr = std::unique_ptr<Policy>;

} // namespace cs
