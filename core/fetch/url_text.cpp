#include "api_source.h"

#include "parse_error.h"

#include <cctype>
#include <cstdio>

namespace cs {

std::string urlTimeSeconds(UtcSeconds t)
{
    return formatUtcTime(t); // 2024-01-01T00:00:00Z
}

std::string urlTimeMinutes(UtcSeconds t)
{
    const std::string full = formatUtcTime(t - t % 60);
    return full.substr(0, 16) + "Z"; // 2024-01-01T00:00Z
}

std::string urlEncoded(const std::string &text)
{
    std::string out;
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
            || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            out += hex;
        }
    }
    return out;
}

std::string trimmedBase(std::string base)
{
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return base;
}

bool isKeyText(const std::string &text, std::size_t maxLength)
{
    bool ok = !text.empty() && text.size() <= maxLength;
    for (char c : text)
        ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
    return ok;
}

FetchTarget keyTarget(const std::string &key, std::size_t maxLength, const std::string &refusal)
{
    if (!isKeyText(key, maxLength))
        throw InputError(refusal);
    return {key, key};
}

HttpRequest jsonRequest(std::string url, std::vector<std::pair<std::string, std::string>> headers)
{
    HttpRequest r;
    r.url = std::move(url);
    r.headers = std::move(headers);
    r.headers.push_back({"Accept", "application/json"});
    return r;
}

} // namespace cs
