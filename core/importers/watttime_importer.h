#pragma once

#include "importer.h"

namespace cs {

// WattTime API v3 /v3/historical (and /v3/forecast-shaped) JSON: {"data":[{"point_time","value"}],
// "meta":{"region","signal_type","units","data_point_period_seconds"}}. MOER in lbs CO2/MWh is converted to
// gCO2/kWh: 1 lb = 453.59237 g and 1 MWh = 1000 kWh, so 1 lb/MWh = 0.45359237 g/kWh.
// Streams one point at a time; "meta", which WattTime writes after "data", is read first from a second reading
// of the file (see the .cpp for why, and for pipes).
class WattTimeImporter : public Importer
{
public:
    static constexpr double gramsPerKwhPerLbPerMwh = 0.45359237;

    std::string format() const override { return "watttime"; }
    SeriesKind kind() const override { return SeriesKind::Carbon; }
    int detect(std::string_view head, const std::string &fileName) const override;
    void run(ImportContext &context) const override;
};

} // namespace cs
