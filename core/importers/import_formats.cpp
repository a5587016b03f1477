#include "import_formats.h"

#include "csv_request_importer.h"
#include "importers.h"

namespace cs {

namespace {

template <typename T>
std::shared_ptr<const Importer> make()
{
    return std::make_shared<const T>();
}

} // namespace

const std::vector<ImportFormat> &importFormats()
{
    using enum SeriesKind;
    static const std::vector<ImportFormat> all{
        {"ukci", Carbon, "UK Carbon Intensity API JSON: national, regional (all regions or one)",
         "--region picks a region of a regional file", "uk_ci_national_intensity_date_2026-08-06.json", make<UkciImporter>()},
        {"electricitymaps", Carbon, "Electricity Maps CSV export (either header)", "life-cycle unless --direct",
         "electricitymaps_GB_2023_hourly.csv", make<ElectricityMapsCsvImporter>()},
        {"electricitymaps", Carbon, "Electricity Maps API carbon-intensity/history JSON", "estimated points kept",
         "electricitymaps_api_history_FR_2024-07-04.json", make<ElectricityMapsJsonImporter>()},
        {"watttime", Carbon, "WattTime API v3 JSON (MOER in lbs/MWh, converted to g/kWh)",
         "a WattTime-derived CSV already in g/kWh (vessim) reads as csv", "watttime_v3_historical_example.json",
         make<WattTimeImporter>()},
        {"csv", Carbon, "any CSV/TSV: a time column and an intensity column (GB national, NESO regional, ...)",
         "--delimiter --header --time-column --value-column --time-format --tz", "gb_national_carbon_intensity_2023.csv",
         make<CsvCarbonImporter>()},
        {"twitter", Requests, "Twitter cache trace: one request per line, seconds from the trace start",
         "needs --start; --operation and --client filter", "twitter_cache_trace_cluster052_mini.csv", make<TwitterImporter>()},
        {"azure-llm", Requests, "Azure LLM inference trace: TIMESTAMP,ContextTokens,GeneratedTokens",
         "one request per row, counted per --interval", "azure_llm_inference_trace_code_2023-11-16.csv",
         make<AzureLlmImporter>()},
        {"csv", Requests, "any CSV: counts per interval (ds,y; period,count) or one row per request",
         "--interval for per-request rows", "wikipedia_en_requests_hourly_2020-2023.csv", make<CsvRequestImporter>()},
    };
    return all;
}

std::string importFormatHelp(const std::optional<SeriesKind> &kind)
{
    std::string out;
    for (const ImportFormat &f : importFormats()) {
        if (kind && f.kind != *kind)
            continue;
        out += "  " + f.name + " (" + (f.kind == SeriesKind::Carbon ? "carbon" : "requests") + "): " + f.reads
               + "; " + f.help + "; e.g. " + f.example + "\n";
    }
    return out;
}

} // namespace cs
