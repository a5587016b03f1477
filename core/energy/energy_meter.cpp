#include "energy_meter.h"

#include <chrono>

namespace cs {

double steadySeconds()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::optional<double> energyBetween(const std::optional<EnergySample> &a, const std::optional<EnergySample> &b)
{
    if (!a || !b)
        return std::nullopt;
    return b->joules - a->joules;
}

} // namespace cs
