#pragma once

#include "importer.h"

namespace cs {

// Declares a stateless importer: its --format name and kind, and the two functions its own .cpp defines. What each
// reads, its help line and example file are in the format registry (import_formats.cpp).
#define CARBONSCOPE_IMPORTER(Class, formatName, seriesKind)                                                         \
    class Class : public Importer                                                                                  \
    {                                                                                                              \
    public:                                                                                                        \
        std::string format() const override { return formatName; }                                                 \
        SeriesKind kind() const override { return seriesKind; }                                                    \
        int detect(std::string_view head, const std::string &fileName) const override;                            \
        void run(ImportContext &context) const override;                                                           \
    }

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
CARBONSCOPE_IMPORTER(UkciImporter, "ukci", SeriesKind::Carbon);

// Electricity Maps' CSV exports (hourly, daily, ...): "Datetime (UTC)", zone, and the intensity twice, direct and
// life-cycle, under either header variant ("Carbon intensity gCO₂eq/kWh (Life cycle)" or the older
// "Carbon Intensity gCO₂eq/kWh (LCA)"). Life-cycle by default (Electricity Maps' own default), direct on request.
CARBONSCOPE_IMPORTER(ElectricityMapsCsvImporter, "electricitymaps", SeriesKind::Carbon);

// Electricity Maps API carbon-intensity/history responses: {"zone","history":[{"carbonIntensity","datetime",
// "isEstimated","emissionFactorType"}]} (or the bare history array). Estimated points are kept and counted.
// Streams one point at a time.
CARBONSCOPE_IMPORTER(ElectricityMapsJsonImporter, "electricitymaps", SeriesKind::Carbon);

// WattTime API v3 /v3/historical (and /v3/forecast-shaped) JSON: {"data":[{"point_time","value"}],
// "meta":{"region","signal_type","units","data_point_period_seconds"}}. MOER in lbs CO2/MWh is converted to
// gCO2/kWh: 1 lb = 453.59237 g and 1 MWh = 1000 kWh, so 1 lb/MWh = 0.45359237 g/kWh.
// Streams one point at a time; "meta", which WattTime writes after "data", is read first from a second reading
// of the file (see the .cpp for why, and for pipes).
CARBONSCOPE_IMPORTER(WattTimeImporter, "watttime", SeriesKind::Carbon);

// A carbon-intensity CSV/TSV of any layout: a time column and an intensity column, picked by the options or
// detected (an "actual" column takes a "forecast" column beside it, as in the GB national file). Reads the
// NESO regional and vessim/WattTime-derived CSVs too (values already in g/kWh: vessim converts them).
CARBONSCOPE_IMPORTER(CsvCarbonImporter, "csv", SeriesKind::Carbon);

// Twitter's cache traces (twitter/cache-trace), one request per line, no header:
// timestamp,anonymized key,key size,value size,client id,operation,TTL
// The timestamp counts seconds from the trace's start, so --start must anchor it. Lines are counted per
// interval while streaming (plain, .zst or .gz), optionally only one operation and/or one client.
// This is the hot path of bench_import: a hand-written scanner over the line, no per-field allocation.
CARBONSCOPE_IMPORTER(TwitterImporter, "twitter", SeriesKind::Requests);

} // namespace cs
