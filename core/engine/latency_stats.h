#pragma once

#include <optional>
#include <vector>

namespace cs {

// The q-quantile (0..1) of `values` by linear interpolation between closest ranks (numpy's default);
// nothing for no values. Sorts a copy.
std::optional<double> quantile(std::vector<double> values, double q);

} // namespace cs
