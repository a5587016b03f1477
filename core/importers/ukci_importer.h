#pragma once

#include "importer.h"

namespace cs {

// UK Carbon Intensity API (api.carbonintensity.org.uk) responses, in every shape real files come in:
// - national /intensity/...: {"data":[{"from","to","intensity":{"forecast","actual","index"}}]}
// - regional, all regions:   {"data":[{"from","to","regions":[{"regionid","shortname","intensity":{...}}]}]}
// - regional, one region:    {"data":[{"regionid","shortname","data":[{"from","to","intensity"}]}]}, or with
//                            "data" as that one region's object rather than an array
// - any of them saved as the bare "data" array.
// Forecast and actual are kept apart; "actual": null (not yet measured) leaves the actual empty. With every
// region in the file and no --region, each region becomes its own series "<name>/<short name>".
// Streams (JsonStream): one entry of "data" at a time (a period, a period's regions, or one period of a region's
// own "data"), so memory stays flat whatever the file size.
class UkciImporter : public Importer
{
public:
    std::string format() const override { return "ukci"; }
    SeriesKind kind() const override { return SeriesKind::Carbon; }
    int detect(std::string_view head, const std::string &fileName) const override;
    void run(ImportContext &context) const override;
};

} // namespace cs
