#include "electricitymaps_source.h"

#include "parse_error.h"

#include <nlohmann/json.hpp>

#include <cctype>

namespace cs {

FetchTarget ElectricityMapsSource::target(const std::string &zone) const
{
    bool ok = !zone.empty() && zone.size() <= 40;
    for (char c : zone)
        ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
    if (!ok)
        throw InputError("Electricity Maps zone \"" + zone + "\": expected a zone key such as DE or US-CAL-CISO");
    return {zone, zone};
}

HttpRequest ElectricityMapsSource::request(const FetchTarget &target, const FetchPeriod &period) const
{
    HttpRequest r;
    if (mEndpoint == Endpoint::History)
        r.url = mBase + "/v3/carbon-intensity/history?zone=" + urlEncoded(target.key); // its 24 hours, trimmed later
    else
        r.url = mBase + "/v3/carbon-intensity/past-range?zone=" + urlEncoded(target.key)
            + "&start=" + urlEncoded(urlTimeSeconds(period.from)) + "&end=" + urlEncoded(urlTimeSeconds(period.to));
    r.headers.push_back({"auth-token", mToken});
    r.headers.push_back({"Accept", "application/json"});
    return r;
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
