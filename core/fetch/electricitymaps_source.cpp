#include "electricitymaps_source.h"

#include <nlohmann/json.hpp>

namespace cs {

// past-range answers at most 10 days of hourly data per call (Electricity Maps API reference,
// portal.electricitymaps.com/developer-hub/api/reference, "Past Range Carbon Intensity": 10 days at hourly
// granularity, 100 days at daily).
const SourceFacts ElectricityMapsSource::facts{"electricitymaps", "Electricity Maps", "electricitymaps",
                                               "Electricity Maps", "https://api.electricitymaps.com", 10 * 86400};

UtcSeconds ElectricityMapsSource::maxSpanSeconds() const
{
    return mEndpoint == Endpoint::History ? 86400 : facts.maxSpan;
}

FetchTarget ElectricityMapsSource::target(const std::string &zone) const
{
    return keyTarget(zone, 40, "Electricity Maps zone \"" + zone + "\": expected a zone key such as DE or US-CAL-CISO");
}

HttpRequest ElectricityMapsSource::request(const FetchTarget &target, const FetchPeriod &period) const
{
    const std::string url = mEndpoint == Endpoint::History
        ? base() + "/v3/carbon-intensity/history?zone=" + urlEncoded(target.key) // its 24 hours, trimmed later
        : base() + "/v3/carbon-intensity/past-range?zone=" + urlEncoded(target.key) + "&start="
            + urlEncoded(urlTimeSeconds(period.from)) + "&end=" + urlEncoded(urlTimeSeconds(period.to));
    return jsonRequest(url, {{"auth-token", mToken}});
}

std::optional<FetchPeriod> ElectricityMapsSource::reach(UtcSeconds now) const
{
    if (mEndpoint != Endpoint::History)
        return std::nullopt;
    const UtcSeconds hour = now - now % 3600;
    return FetchPeriod{hour - 24 * 3600, hour + 3600}; // the 24 whole hours before the current one, and that one
}

std::string ElectricityMapsSource::importableBody(std::string body) const
{
    nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("data") || doc.contains("history"))
        return body; // the importer reports what is wrong, with its place
    doc["history"] = std::move(doc["data"]);
    doc.erase("data");
    return doc.dump();
}

} // namespace cs
