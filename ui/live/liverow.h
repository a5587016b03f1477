#pragma once

#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>

namespace cs {

// One interval of a live session as the Live tab shows it, whether it ran here or was recorded elsewhere.
struct LiveRow
{
    std::int64_t time = 0;                  // UTC seconds of the trace interval
    double intensity = 0;
    QString model;
    std::int64_t served = 0;
    std::int64_t dropped = 0;
    std::optional<double> energyJ;
    std::optional<double> co2G;             // measured
    std::optional<double> predictedCo2G;    // the simulation's prediction for the same interval
    std::optional<double> powerW;
    std::optional<double> p50Ms;
    std::optional<double> p99Ms;
};

} // namespace cs

Q_DECLARE_METATYPE(cs::LiveRow)
