#include "uk_regions.h"

#include <array>

namespace cs {

std::optional<std::string_view> ukCarbonIntensityRegionName(int regionId)
{
    static constexpr std::array<std::string_view, ukCarbonIntensityRegionCount> names{
        "North Scotland",     "South Scotland", "North West England",       "North East England",
        "Yorkshire",          "North Wales & Merseyside", "South Wales",    "West Midlands",
        "East Midlands",      "East England",   "South West England",       "South England",
        "London",             "South East England", "England",              "Scotland",
        "Wales",              "GB"};
    if (regionId < 1 || regionId > ukCarbonIntensityRegionCount)
        return std::nullopt;
    return names[static_cast<std::size_t>(regionId - 1)];
}

} // namespace cs
