#include "idle_power.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace cs {

std::optional<double> measureIdleWatts(EnergyMeter &meter, double seconds)
{
    const auto a = meter.sample();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    const auto b = meter.sample();
    if (!a || !b || b->seconds <= a->seconds)
        return std::nullopt;
    return (b->joules - a->joules) / (b->seconds - a->seconds);
}

double attributedJoules(double measuredJoules, double seconds, std::optional<double> idleWatts, IdleMode mode)
{
    if (mode == IdleMode::Include || !idleWatts)
        return measuredJoules;
    return std::max(0.0, measuredJoules - *idleWatts * seconds);
}

} // namespace cs
