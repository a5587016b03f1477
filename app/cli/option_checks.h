#pragma once

#include <CLI/CLI.hpp>

namespace cs::cli {

// CLI11 checks for numeric options, so that a bad value stops with "--NAME: ..." and exit status 2 before any work.
// CLI11's own Range and PositiveNumber let "nan" and "inf" through; these parse the text as core does
// (cs::parseNumber) and refuse anything that is not a finite number within [lo, hi].
CLI::Validator finiteIn(double lo, double hi);
// Above lo (exclusive) and at most hi: an SLO or a rate that must not be 0.
CLI::Validator finiteAbove(double lo, double hi);
// A whole number within [lo, hi].
CLI::Validator wholeIn(double lo, double hi);

} // namespace cs::cli
