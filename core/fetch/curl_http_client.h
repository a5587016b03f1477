#pragma once

#include "http_client.h"

#include <cstddef>

namespace cs {

// HttpClient over libcurl (easy interface, one handle reused so that connections are kept alive between the
// calls of a download). Bodies are held in memory up to maxBodyBytes; a larger one is a transport error, so
// memory stays bounded whatever a server sends. Signals are left alone (CURLOPT_NOSIGNAL).
class CurlHttpClient : public HttpClient
{
public:
    static constexpr std::size_t defaultMaxBodyBytes = std::size_t(64) << 20;

    explicit CurlHttpClient(std::size_t maxBodyBytes = defaultMaxBodyBytes);
    ~CurlHttpClient() override;
    CurlHttpClient(const CurlHttpClient &) = delete;
    CurlHttpClient &operator=(const CurlHttpClient &) = delete;

    HttpResponse get(const HttpRequest &request, const std::function<bool()> &abort) override;

private:
    void *mCurl = nullptr; // CURL*
    std::size_t mMaxBody;
};

} // namespace cs
