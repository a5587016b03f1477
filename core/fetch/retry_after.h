#pragma once

#include "utc_time.h"

#include <optional>
#include <string_view>

namespace cs {

// The wait a Retry-After header asks for, in seconds from `now` (RFC 9110 §10.2.3): either a number of seconds
// ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT", and the obsolete RFC 850 / asctime forms, read by
// libcurl's curl_getdate). A date in the past is 0. Nothing where the text is neither.
std::optional<long long> retryAfterSeconds(std::string_view header, UtcSeconds now);

} // namespace cs
