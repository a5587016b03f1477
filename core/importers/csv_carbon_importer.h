#pragma once

#include "importer.h"

namespace cs {

// A carbon-intensity CSV/TSV of any layout: a time column and an intensity column, picked by the options or
// detected (an "actual" column takes a "forecast" column beside it, as in the GB national file). Reads the
// NESO regional and vessim/WattTime-derived CSVs too (values already in g/kWh: vessim converts them).
class CsvCarbonImporter : public Importer
{
public:
    std::string format() const override { return "csv"; }
    SeriesKind kind() const override { return SeriesKind::Carbon; }
    int detect(std::string_view head, const std::string &fileName) const override;
    void run(ImportContext &context) const override;
};

} // namespace cs
