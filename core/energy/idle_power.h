#pragma once

#include "energy_meter.h"

#include <optional>

namespace cs {

// The device's power while nothing runs, from two readings `seconds` apart. Reported apart from the energy of
// inference; whether energy per inference includes it is the user's choice (IdleMode).
std::optional<double> measureIdleWatts(EnergyMeter &meter, double seconds);

enum class IdleMode { Include, Subtract };

// Joules spent over `seconds`, with idle power kept (Include) or taken out (Subtract, never below zero).
double attributedJoules(double measuredJoules, double seconds, std::optional<double> idleWatts, IdleMode mode);

} // namespace cs
