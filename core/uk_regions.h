#pragma once

#include <optional>
#include <string_view>

namespace cs {

// The UK Carbon Intensity API's region ids and their short names, as its regional responses spell them
// (api.carbonintensity.org.uk, /regional: 1 "North Scotland" ... 14 "South East England", 15-17 the nations,
// 18 "GB"). Nothing for another id.
inline constexpr int ukCarbonIntensityRegionCount = 18;
std::optional<std::string_view> ukCarbonIntensityRegionName(int regionId);

} // namespace cs
