#include "curl_http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <stdexcept>
#include <string_view>

namespace cs {
namespace {

struct Transfer
{
    HttpResponse *response;
    std::size_t maxBody;
    bool tooLarge = false;
    const std::function<bool()> *abort;
};

std::size_t onBody(char *data, std::size_t size, std::size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const std::size_t n = size * count;
    if (t->response->body.size() + n > t->maxBody) {
        t->tooLarge = true;
        return 0; // libcurl stops with CURLE_WRITE_ERROR
    }
    t->response->body.append(data, n);
    return n;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (text.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

std::size_t onHeader(char *data, std::size_t size, std::size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const std::string_view line(data, size * count);
    if (startsWithNoCase(line, "HTTP/"))
        t->response->retryAfter.clear(); // a new response (after a redirect or 100 Continue)
    else if (startsWithNoCase(line, "retry-after:"))
        t->response->retryAfter = std::string(trimmed(line.substr(12)));
    return size * count;
}

int onProgress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto *t = static_cast<Transfer *>(user);
    return (*t->abort && (*t->abort)()) ? 1 : 0;
}

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw std::runtime_error("libcurl could not be initialised");
    });
}

} // namespace

CurlHttpClient::CurlHttpClient(std::size_t maxBodyBytes)
    : mMaxBody(maxBodyBytes)
{
    initCurlOnce();
    mCurl = curl_easy_init();
    if (!mCurl)
        throw std::runtime_error("libcurl could not create a transfer handle");
}

CurlHttpClient::~CurlHttpClient()
{
    curl_easy_cleanup(static_cast<CURL *>(mCurl));
}

HttpResponse CurlHttpClient::get(const HttpRequest &request, const std::function<bool()> &abort)
{
    CURL *curl = static_cast<CURL *>(mCurl);
    curl_easy_reset(curl);
    HttpResponse response;
    Transfer transfer{&response, mMaxBody, false, &abort};
    char errorText[CURL_ERROR_SIZE] = {};

    curl_slist *headers = nullptr;
    for (const auto &[name, value] : request.headers)
        headers = curl_slist_append(headers, (name + ": " + value).c_str());

    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L); // a redirect could carry the auth header elsewhere
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, ""); // whatever libcurl can inflate
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "CarbonScope-fetch/1");
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(request.timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, static_cast<long>(std::min(request.timeoutSeconds, 30)));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorText);
    if (!request.basicUser.empty()) {
        curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
        curl_easy_setopt(curl, CURLOPT_USERNAME, request.basicUser.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, request.basicPassword.c_str());
    }

    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    curl_slist_free_all(headers);
    // Forget the credentials now rather than at the next reset.
    curl_easy_setopt(curl, CURLOPT_USERNAME, nullptr);
    curl_easy_setopt(curl, CURLOPT_PASSWORD, nullptr);

    if (code != CURLE_OK) {
        if (transfer.tooLarge)
            response.transportError = "response body larger than " + std::to_string(mMaxBody >> 20) + " MiB";
        else if (code == CURLE_ABORTED_BY_CALLBACK)
            response.transportError = "aborted";
        else if (code == CURLE_PARTIAL_FILE)
            response.transportError = "truncated response body (the connection closed before its end)";
        else
            response.transportError = errorText[0] ? std::string(errorText) : curl_easy_strerror(code);
    }
    return response;
}

} // namespace cs
