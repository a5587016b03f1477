#pragma once

#include "api_source.h"

namespace cs {

// The UK Carbon Intensity API (NESO / National Grid ESO), no key:
//   national:  GET {base}/intensity/{from}/{to}
//   a region:  GET {base}/regional/intensity/{from}/{to}/regionid/{1..17}
//   postcode:  GET {base}/regional/intensity/{from}/{to}/postcode/{outward code, e.g. BS7}
// Times as YYYY-MM-DDThh:mmZ. Regions 1-14 are the DNO regions, 15-17 England, Scotland and Wales.
class UkciSource : public ApiSource
{
public:
    static constexpr const char *defaultBase = "https://api.carbonintensity.org.uk";
    // "A maximum date range of 14 days is permitted" (carbon-intensity.github.io/api-definitions, for
    // /intensity/{from}/{to}; the 14-day range limit is also listed by the API's published rate-limit notes).
    // The regional routes are asked for no more than the national one.
    static constexpr UtcSeconds maxSpan = 14 * 86400;

    explicit UkciSource(std::string base = defaultBase) : mBase(trimmedBase(std::move(base))) {}

    std::string name() const override { return "ukci"; }
    std::string publisher() const override { return "UK Carbon Intensity API"; }
    std::string importFormat() const override { return "ukci"; }
    UtcSeconds maxSpanSeconds() const override { return maxSpan; }
    // "national", a region id 1-17, or a postcode's outward code ("BS7", "postcode:BS7").
    FetchTarget target(const std::string &region) const override;
    HttpRequest request(const FetchTarget &target, const FetchPeriod &period) const override;
    std::string seriesPrefix() const override { return "UK CI"; }

    // The API's short name of region id 1-17 ("North Scotland" ... "Wales").
    static std::string regionName(int id);

private:
    std::string mBase;
};

} // namespace cs
