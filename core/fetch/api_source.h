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

// What names an API and bounds its calls, the same for every call of one source (each source's file cites the
// API's documentation for its span).
struct SourceFacts
{
    const char *name;         // --source and the cache's source column: "ukci"
    const char *publisher;    // the series' source: "UK Carbon Intensity API"
    const char *importFormat; // the importer that reads its answers
    const char *seriesPrefix; // the series a target's points are saved as: "<prefix> <label>"
    const char *defaultBase;  // the API's own base URL
    UtcSeconds maxSpan;       // the longest span one call may ask for
};

// One carbon-intensity API: its requests, its documented span per call, the importer that reads its answers.
class ApiSource
{
public:
    // `base` empty: the API's own; a trailing slash is dropped.
    ApiSource(const SourceFacts &facts, const std::string &base)
        : mFacts(facts), mBase(trimmedBase(base.empty() ? facts.defaultBase : base))
    {
    }
    virtual ~ApiSource() = default;

    std::string name() const { return mFacts.name; }
    std::string publisher() const { return mFacts.publisher; }
    std::string importFormat() const { return mFacts.importFormat; }
    std::string seriesPrefix() const { return mFacts.seriesPrefix; }
    const std::string &base() const { return mBase; }
    // The longest span one call may ask for (the facts' unless an endpoint answers less).
    virtual UtcSeconds maxSpanSeconds() const { return mFacts.maxSpan; }
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

private:
    SourceFacts mFacts;
    std::string mBase;
};

} // namespace cs
