#include "watttime_source.h"

#include "fetch_error.h"
#include "paced_client.h"

#include <nlohmann/json.hpp>

namespace cs {

// "The maximum query window is 32 days" for historical data (WattTime API v3 documentation, docs.watttime.org,
// historical data endpoint; start and end at most 32 days apart).
const SourceFacts WattTimeSource::facts{"watttime", "WattTime", "watttime", "WattTime MOER", "https://api.watttime.org",
                                        32 * 86400};

FetchTarget WattTimeSource::target(const std::string &region) const
{
    return keyTarget(region, 60, "WattTime region \"" + region + "\": expected a region such as CAISO_NORTH");
}

HttpRequest WattTimeSource::request(const FetchTarget &target, const FetchPeriod &period) const
{
    return jsonRequest(base() + "/v3/historical?region=" + urlEncoded(target.key) + "&start="
                           + urlEncoded(urlTimeSeconds(period.from)) + "&end=" + urlEncoded(urlTimeSeconds(period.to))
                           + "&signal_type=co2_moer",
                       {{"Authorization", "Bearer " + mToken}});
}

void WattTimeSource::authenticate(PacedClient &client, bool again)
{
    if (!mToken.empty() && !again)
        return;
    if (mUser.empty() || mPassword.empty())
        throw FetchError("WattTime needs a login: set CARBONSCOPE_WATTTIME_USER and CARBONSCOPE_WATTTIME_PASSWORD "
                         "(or --password-file)");
    client.addSecret(mPassword);
    HttpRequest login;
    login.url = base() + "/login";
    login.basicUser = mUser;
    login.basicPassword = mPassword;
    const std::string body = client.get(login);
    const nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("token") || !doc["token"].is_string()
        || doc["token"].get<std::string>().empty())
        throw FetchError("WattTime login at " + login.url + " answered without a token");
    mToken = doc["token"].get<std::string>();
    client.addSecret(mToken);
}

} // namespace cs
