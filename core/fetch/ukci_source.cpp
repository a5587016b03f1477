#include "ukci_source.h"

#include "parse_error.h"
#include "uk_regions.h"

#include <cctype>

namespace cs {
namespace {

bool isOutwardCode(const std::string &text)
{
    // A UK postcode's outward code: 1-2 letters, a digit, then an optional letter or digit (BS7, SW1A, M1, EC1V).
    std::size_t i = 0;
    while (i < text.size() && i < 2 && std::isalpha(static_cast<unsigned char>(text[i])))
        ++i;
    if (i == 0 || i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i])))
        return false;
    ++i;
    if (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])))
        ++i;
    return i == text.size();
}

std::string upper(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

} // namespace

// "A maximum date range of 14 days is permitted" (carbon-intensity.github.io/api-definitions, for
// /intensity/{from}/{to}; the 14-day range limit is also listed by the API's published rate-limit notes).
// The regional routes are asked for no more than the national one.
const SourceFacts UkciSource::facts{"ukci", "UK Carbon Intensity API", "ukci", "UK CI",
                                    "https://api.carbonintensity.org.uk", 14 * 86400};

std::string UkciSource::regionName(int id)
{
    // The API's own short names (uk_regions.h); 18, GB, is fetched as "national".
    const auto name = id <= 17 ? ukCarbonIntensityRegionName(id) : std::nullopt;
    return name ? std::string(*name) : std::string();
}

FetchTarget UkciSource::target(const std::string &region) const
{
    if (region == "national" || region == "GB" || region == "gb")
        return {"national", "national"};
    if (!region.empty() && region.find_first_not_of("0123456789") == std::string::npos && region.size() <= 2) {
        const int id = std::stoi(region);
        if (id >= 1 && id <= 17)
            return {"regionid/" + std::to_string(id), regionName(id)};
    }
    std::string code = region.rfind("postcode:", 0) == 0 ? region.substr(9) : region;
    if (isOutwardCode(code))
        return {"postcode/" + upper(code), upper(code)};
    throw InputError("UK Carbon Intensity region \"" + region
                     + "\": expected national, a region id 1-17 (1-14 the DNO regions, 15-17 England, Scotland, "
                       "Wales) or a postcode's outward code such as BS7");
}

HttpRequest UkciSource::request(const FetchTarget &target, const FetchPeriod &period) const
{
    const std::string range = urlTimeMinutes(period.from) + "/" + urlTimeMinutes(period.to);
    if (target.key == "national")
        return jsonRequest(base() + "/intensity/" + range);
    return jsonRequest(base() + "/regional/intensity/" + range + "/" + target.key); // regionid/N or postcode/XX
}

} // namespace cs
