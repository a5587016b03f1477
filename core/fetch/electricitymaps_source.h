#pragma once

#include "api_source.h"

namespace cs {

// Electricity Maps API v3 with the user's token (sent as the "auth-token" header, never in the URL):
//   GET {base}/v3/carbon-intensity/past-range?zone=DE&start=...&end=...   (times as ISO 8601, UTC)
//   GET {base}/v3/carbon-intensity/history?zone=DE                        (the last 24 hours; free tier)
// past-range answers {"zone", "data": [{"carbonIntensity", "datetime", "isEstimated", ...}]}: the points of the
// /history answer ({"zone", "history": [...]}) under another name; the electricitymaps importer reads both.
class ElectricityMapsSource : public ApiSource
{
public:
    static constexpr const char *defaultBase = "https://api.electricitymaps.com";
    // past-range answers at most 10 days of hourly data per call (Electricity Maps API reference,
    // portal.electricitymaps.com/developer-hub/api/reference, "Past Range Carbon Intensity": 10 days at hourly
    // granularity, 100 days at daily).
    static constexpr UtcSeconds maxSpan = 10 * 86400;

    enum class Endpoint { PastRange, History };

    ElectricityMapsSource(std::string token, std::string base = defaultBase, Endpoint endpoint = Endpoint::PastRange)
        : mToken(std::move(token)), mBase(trimmedBase(std::move(base))), mEndpoint(endpoint) {}

    std::string name() const override { return "electricitymaps"; }
    std::string publisher() const override { return "Electricity Maps"; }
    std::string importFormat() const override { return "electricitymaps"; }
    UtcSeconds maxSpanSeconds() const override { return mEndpoint == Endpoint::History ? 86400 : maxSpan; }
    // /history: "only cover recent history (last 24 hours)" (Electricity Maps API documentation).
    std::optional<FetchPeriod> reach(UtcSeconds now) const override;
    // A zone key: "DE", "US-CAL-CISO", "GB".
    FetchTarget target(const std::string &zone) const override;
    HttpRequest request(const FetchTarget &target, const FetchPeriod &period) const override;
    // past-range's "data" becomes "history", the member the importer reads.
    std::string importableBody(std::string body) const override;
    std::string seriesPrefix() const override { return "Electricity Maps"; }
    std::vector<std::string> secrets() const override { return {mToken}; }

private:
    std::string mToken;
    std::string mBase;
    Endpoint mEndpoint;
};

} // namespace cs
