#include "retry_after.h"

#include <curl/curl.h>

#include <charconv>
#include <string>

namespace cs {

std::optional<long long> retryAfterSeconds(std::string_view header, UtcSeconds now)
{
    while (!header.empty() && (header.front() == ' ' || header.front() == '\t'))
        header.remove_prefix(1);
    while (!header.empty() && (header.back() == ' ' || header.back() == '\t'))
        header.remove_suffix(1);
    if (header.empty())
        return std::nullopt;
    if (header.find_first_not_of("0123456789") == std::string_view::npos) {
        long long seconds = 0;
        const auto [end, error] = std::from_chars(header.data(), header.data() + header.size(), seconds);
        if (error != std::errc() || end != header.data() + header.size())
            return std::nullopt; // too many digits
        return seconds;
    }
    // An HTTP-date names its zone (GMT); anything curl_getdate cannot read is -1.
    const std::string text(header);
    if (text.find("GMT") == std::string::npos && text.find("UTC") == std::string::npos)
        return std::nullopt;
    const time_t when = curl_getdate(text.c_str(), nullptr);
    if (when == -1)
        return std::nullopt;
    return when > now ? static_cast<long long>(when - now) : 0;
}

} // namespace cs
