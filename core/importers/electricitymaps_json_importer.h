#pragma once

#include "importer.h"

namespace cs {

// Electricity Maps API carbon-intensity/history responses: {"zone","history":[{"carbonIntensity","datetime",
// "isEstimated","emissionFactorType"}]} (or the bare history array). Estimated points are kept and counted.
// Streams one point at a time.
class ElectricityMapsJsonImporter : public Importer
{
public:
    std::string format() const override { return "electricitymaps"; }
    SeriesKind kind() const override { return SeriesKind::Carbon; }
    int detect(std::string_view head, const std::string &fileName) const override;
    void run(ImportContext &context) const override;
};

} // namespace cs
