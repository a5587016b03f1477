#include "number_checks.h"

#include "parse_error.h"

#include <cmath>
#include <cstdio>

namespace cs {

std::string shortNumber(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", value);
    return buf;
}

std::string rangeProblem(double value, double lo, double hi)
{
    if (!std::isfinite(value))
        return shortNumber(value) + " is not a finite number";
    if (value < lo)
        return shortNumber(value) + " is below the smallest allowed, " + shortNumber(lo);
    if (value > hi)
        return shortNumber(value) + " is above the largest allowed, " + shortNumber(hi);
    return {};
}

double requireFinite(double value, const std::string &name)
{
    if (!std::isfinite(value))
        throw InputError(name + ": " + shortNumber(value) + " is not a finite number");
    return value;
}

double requireRange(double value, double lo, double hi, const std::string &name)
{
    if (const std::string problem = rangeProblem(value, lo, hi); !problem.empty())
        throw InputError(name + ": " + problem);
    return value;
}

double requireFiniteResult(double value, const std::string &what)
{
    if (!std::isfinite(value))
        throw InputError(what + " is not a finite number (" + shortNumber(value) +
                         "); the inputs overflow double arithmetic");
    return value;
}

} // namespace cs
