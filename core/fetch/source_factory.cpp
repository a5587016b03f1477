#include "source_factory.h"

#include "credentials.h"
#include "electricitymaps_source.h"
#include "parse_error.h"
#include "ukci_source.h"
#include "watttime_source.h"

namespace cs {
namespace {

bool allDigits(const std::string &text)
{
    return !text.empty() && text.size() <= 6 && text.find_first_not_of("0123456789") == std::string::npos;
}

} // namespace

std::vector<std::string> apiSourceNames()
{
    return {"ukci", "electricitymaps", "watttime"};
}

std::unique_ptr<ApiSource> makeApiSource(const SourceSettings &s)
{
    if (s.source == "ukci")
        return std::make_unique<UkciSource>(s.baseUrl);
    if (s.source == "electricitymaps") {
        const std::string token = !s.token.empty()      ? s.token
            : s.tokenFile.empty() ? credentials::fromEnvironment(credentials::emTokenVariable)
                                  : credentials::readSecretFile(s.tokenFile);
        if (token.empty())
            throw InputError(std::string("Electricity Maps needs a token: set ") + credentials::emTokenVariable
                             + " or give --token-file FILE");
        if (!s.endpoint.empty() && s.endpoint != "past-range" && s.endpoint != "history")
            throw InputError("--endpoint \"" + s.endpoint + "\": expected past-range or history");
        return std::make_unique<ElectricityMapsSource>(
            token, s.baseUrl,
            s.endpoint == "history" ? ElectricityMapsSource::Endpoint::History : ElectricityMapsSource::Endpoint::PastRange);
    }
    if (s.source == "watttime") {
        const std::string user = s.user.empty() ? credentials::fromEnvironment(credentials::wattTimeUserVariable) : s.user;
        const std::string password = !s.password.empty() ? s.password
            : s.passwordFile.empty() ? credentials::fromEnvironment(credentials::wattTimePasswordVariable)
                                     : credentials::readSecretFile(s.passwordFile);
        if (user.empty() || password.empty())
            throw InputError(std::string("WattTime needs a login: set ") + credentials::wattTimeUserVariable + " and "
                             + credentials::wattTimePasswordVariable + " (or give --user and --password-file FILE)");
        return std::make_unique<WattTimeSource>(user, password, s.baseUrl);
    }
    throw InputError("--source \"" + s.source + "\": expected ukci, electricitymaps or watttime");
}

std::vector<std::string> expandRegions(const std::vector<std::string> &specs)
{
    std::vector<std::string> regions;
    const auto add = [&](std::string region) {
        if (regions.size() >= 1000)
            throw InputError("--region: at most 1000 regions in one download");
        regions.push_back(std::move(region));
    };
    for (const std::string &spec : specs) {
        std::size_t start = 0;
        while (start <= spec.size()) {
            const std::size_t comma = spec.find(',', start);
            const std::string item = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            start = comma == std::string::npos ? spec.size() + 1 : comma + 1;
            if (item.empty())
                continue;
            const std::size_t dash = item.find('-');
            if (dash != std::string::npos && allDigits(item.substr(0, dash)) && allDigits(item.substr(dash + 1))) {
                const int a = std::stoi(item.substr(0, dash));
                const int b = std::stoi(item.substr(dash + 1));
                if (b < a)
                    throw InputError("--region " + item + ": a range runs from the lower number to the higher");
                for (int id = a; id <= b; ++id)
                    add(std::to_string(id));
            } else {
                add(item);
            }
        }
    }
    if (regions.empty())
        throw InputError("--region: no region given");
    return regions;
}

} // namespace cs
