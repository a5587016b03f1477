#pragma once

#include "importer.h"

namespace cs {

// Electricity Maps' CSV exports (hourly, daily, ...): "Datetime (UTC)", zone, and the intensity twice, direct and
// life-cycle, under either header variant ("Carbon intensity gCO₂eq/kWh (Life cycle)" or the older
// "Carbon Intensity gCO₂eq/kWh (LCA)"). Life-cycle by default (Electricity Maps' own default), direct on request.
class ElectricityMapsCsvImporter : public Importer
{
public:
    std::string format() const override { return "electricitymaps"; }
    SeriesKind kind() const override { return SeriesKind::Carbon; }
    int detect(std::string_view head, const std::string &fileName) const override;
    void run(ImportContext &context) const override;
};

} // namespace cs
