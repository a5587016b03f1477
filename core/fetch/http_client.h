#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cs {

// One GET. Secrets never go into the URL: a token travels in a header, a login as HTTP basic auth, so that the
// URL can be shown in progress lines and error messages as it is.
struct HttpRequest
{
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers; // e.g. {"auth-token", token}
    std::string basicUser;                                   // HTTP basic auth where not empty
    std::string basicPassword;
    int timeoutSeconds = 60;                                 // the whole exchange, connect included
};

struct HttpResponse
{
    int status = 0;             // 0 where no HTTP answer came (transportError says why)
    std::string body;
    std::string retryAfter;     // the Retry-After header as sent, empty where absent
    std::string transportError; // connect refused, timeout, truncated body, body too large; empty where fine
};

// The HTTP transport behind the fetcher, an interface so that the planning, pacing, retry and cache logic can be
// tested against a scripted client as well as the real one (CurlHttpClient).
class HttpClient
{
public:
    virtual ~HttpClient() = default;
    // Never throws for a network failure: it is reported in transportError. `abort` is polled during the
    // transfer; returning true abandons it (transportError "aborted").
    virtual HttpResponse get(const HttpRequest &request, const std::function<bool()> &abort) = 0;
};

} // namespace cs
