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
    // 10 days a call on past-range; `base` empty: https://api.electricitymaps.com.
    static const SourceFacts facts;

    enum class Endpoint { PastRange, History };

    ElectricityMapsSource(std::string token, const std::string &base = {}, Endpoint endpoint = Endpoint::PastRange)
        : ApiSource(facts, base), mToken(std::move(token)), mEndpoint(endpoint)
    {
    }

    // /history: "only cover recent history (last 24 hours)" (Electricity Maps API documentation).
    UtcSeconds maxSpanSeconds() const override;
    std::optional<FetchPeriod> reach(UtcSeconds now) const override;
    // A zone key: "DE", "US-CAL-CISO", "GB".
    FetchTarget target(const std::string &zone) const override;
    HttpRequest request(const FetchTarget &target, const FetchPeriod &period) const override;
    // past-range's "data" becomes "history", the member the importer reads.
    std::string importableBody(std::string body) const override;
    std::vector<std::string> secrets() const override { return {mToken}; }

private:
    std::string mToken;
    Endpoint mEndpoint;
};

} // namespace cs
