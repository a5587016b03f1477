#pragma once

#include "api_source.h"

namespace cs {

// WattTime API v3, historical marginal emissions (signal co2_moer), with the user's login:
//   GET {base}/login                   HTTP basic auth -> {"token": "..."} (valid 30 minutes)
//   GET {base}/v3/historical?region=CAISO_NORTH&start=...&end=...&signal_type=co2_moer
//                                      "Authorization: Bearer <token>"
// The answer {"data": [{"point_time", "value"}], "meta": {"units": "lbs_co2_per_mwh", ...}} is read by the
// watttime importer (converted to gCO2/kWh). An expired token (HTTP 401) is renewed once per request.
class WattTimeSource : public ApiSource
{
public:
    // 32 days a call; `base` empty: https://api.watttime.org.
    static const SourceFacts facts;

    WattTimeSource(std::string user, std::string password, const std::string &base = {})
        : ApiSource(facts, base), mUser(std::move(user)), mPassword(std::move(password))
    {
    }

    // A WattTime region (balancing authority): "CAISO_NORTH".
    FetchTarget target(const std::string &region) const override;
    HttpRequest request(const FetchTarget &target, const FetchPeriod &period) const override;
    void authenticate(PacedClient &client, bool again) override;
    bool canReauthenticate() const override { return true; }
    std::vector<std::string> secrets() const override { return {mPassword, mToken}; }

private:
    std::string mUser;
    std::string mPassword;
    std::string mToken;
};

} // namespace cs
