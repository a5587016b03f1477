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
    // 14 days a call; `base` empty: https://api.carbonintensity.org.uk.
    static const SourceFacts facts;

    explicit UkciSource(const std::string &base = {}) : ApiSource(facts, base) {}

    // "national", a region id 1-17, or a postcode's outward code ("BS7", "postcode:BS7").
    FetchTarget target(const std::string &region) const override;
    HttpRequest request(const FetchTarget &target, const FetchPeriod &period) const override;

    // The API's short name of region id 1-17 ("North Scotland" ... "Wales").
    static std::string regionName(int id);
};

} // namespace cs
