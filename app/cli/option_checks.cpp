#include "option_checks.h"

#include "number_checks.h"
#include "number_parse.h"

#include <cmath>

namespace cs::cli {

namespace {

// What is wrong with the text as a number, or nothing. Quotes at most a short excerpt of what was given.
std::string numberProblem(const std::string &text, double lo, double hi, bool openLow, bool whole)
{
    const auto value = parseNumber(text);
    if (!value)
        return "'" + text.substr(0, 40) + (text.size() > 40 ? "...'" : "'") + " is not a number";
    if (std::string problem = rangeProblem(*value, lo, hi); !problem.empty())
        return problem;
    if (openLow && *value <= lo)
        return shortNumber(*value) + " must be above " + shortNumber(lo);
    if (whole && *value != std::floor(*value))
        return shortNumber(*value) + " is not a whole number";
    return {};
}

CLI::Validator make(double lo, double hi, bool openLow, bool whole, std::string description)
{
    return CLI::Validator(
        [=](std::string &text) { return numberProblem(text, lo, hi, openLow, whole); }, std::move(description));
}

} // namespace

CLI::Validator finiteIn(double lo, double hi)
{
    return make(lo, hi, false, false, "NUMBER in [" + shortNumber(lo) + ", " + shortNumber(hi) + "]");
}

CLI::Validator finiteAbove(double lo, double hi)
{
    return make(lo, hi, true, false, "NUMBER in (" + shortNumber(lo) + ", " + shortNumber(hi) + "]");
}

CLI::Validator wholeIn(double lo, double hi)
{
    return make(lo, hi, false, true, "INT in [" + shortNumber(lo) + ", " + shortNumber(hi) + "]");
}

} // namespace cs::cli
