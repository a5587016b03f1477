#pragma once

#include "fetch_period.h"
#include "http_client.h"

#include <optional>
#include <string>
#include <vector>

namespace cs {

class PacedClient;

// What one download asks for in one region: `key` is how the cache knows it ("regionid/1", "DE"), `label` how
// people do ("North Scotland"); the series is named after the label.
struct FetchTarget
{
    std::string key;
    std::string label;
};

// One carbon-intensity API: its requests, its documented span per call, the importer that reads its answers.
class ApiSource
{
public:
    virtual ~ApiSource() = default;

    virtual std::string name() const = 0;      // --source and the cache's source column: "ukci"
    virtual std::string publisher() const = 0; // the series' source: "UK Carbon Intensity API"
    virtual std::string importFormat() const = 0;
    // The longest span one call may ask for (each source cites its documentation).
    virtual UtcSeconds maxSpanSeconds() const = 0;
    // A region as given on the command line, checked; throws InputError naming what is accepted.
    virtual FetchTarget target(const std::string &region) const = 0;
    virtual HttpRequest request(const FetchTarget &target, const FetchPeriod &period) const = 0;
    // The body as the importer reads it (most pass it through).
    virtual std::string importableBody(std::string body) const { return body; }
    // Logs in where the API needs it (WattTime); `again` after a 401 (an expired token). Default: nothing.
    virtual void authenticate(PacedClient &, bool again) { (void)again; }
    virtual bool canReauthenticate() const { return false; }
    // The span an answer can cover at all, for an API that answers only recent data (Electricity Maps'
    // /history: the last 24 hours); nothing where any past range can be asked.
    virtual std::optional<FetchPeriod> reach(UtcSeconds now) const { (void)now; return std::nullopt; }
    // Texts no message may show (a token, a password): the client replaces them by "***".
    virtual std::vector<std::string> secrets() const { return {}; }
    // The series a target's points are saved as: "<prefix> <label>".
    virtual std::string seriesPrefix() const = 0;
};

// "2024-01-01T00:00Z" (UK CI) / "2024-01-01T00:00:00Z" (the others): times in URLs.
std::string urlTimeMinutes(UtcSeconds t);
std::string urlTimeSeconds(UtcSeconds t);
// Percent-encodes a query or path value (letters, digits and -._~ kept).
std::string urlEncoded(const std::string &text);
// The base URL without a trailing slash.
std::string trimmedBase(std::string base);
// A zone or region key as the APIs spell them ("DE", "US-CAL-CISO", "CAISO_NORTH"): 1 to maxLength letters,
// digits, '-' and '_', so that it is safe in a URL and a series name.
bool isKeyText(const std::string &text, std::size_t maxLength);
// The target named by such a key (its key and label alike); throws InputError with `refusal` where it is not one.
FetchTarget keyTarget(const std::string &key, std::size_t maxLength, const std::string &refusal);
// A GET of `url` that asks for JSON, with `headers` besides.
HttpRequest jsonRequest(std::string url, std::vector<std::pair<std::string, std::string>> headers = {});

} // namespace cs
