#include "series_name.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace cs {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool saysNothing(const std::string &column)
{
    static constexpr std::array<std::string_view, 15> generic{
        "", "y", "value", "values", "actual", "intensity", "carbon_intensity", "gco2_kwh", "gco2/kwh", "count",
        "counts", "requests", "request_count", "n", "hits"};
    return std::find(generic.begin(), generic.end(), lower(column)) != generic.end();
}

std::string stemOf(const std::string &path)
{
    std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    for (bool cut = true; cut;) {
        cut = false;
        for (std::string_view ext : {".gz", ".zst", ".csv", ".tsv", ".txt", ".json"})
            if (name.size() > ext.size() && lower(name).ends_with(ext)) {
                name.erase(name.size() - ext.size());
                cut = true;
            }
    }
    return name;
}

// Bytes of the first `chars` UTF-8 characters of s.
std::size_t bytesOfChars(const std::string &s, std::size_t chars)
{
    std::size_t i = 0;
    for (std::size_t n = 0; i < s.size() && n < chars; ++n)
        do
            ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
    return i;
}

} // namespace

std::string readableSeriesName(const std::string &path, const std::string &column, std::size_t maxChars)
{
    const std::string stem = stemOf(path);
    std::string name = stem.empty() ? column : saysNothing(column) ? stem : stem + ": " + column;
    maxChars = std::max<std::size_t>(maxChars, 8);
    if (bytesOfChars(name, maxChars) == name.size())
        return name;
    std::size_t cut = bytesOfChars(name, maxChars - 1);
    // Prefer to end at a space within the last quarter, so that no word is cut in half.
    const std::size_t space = cut > 0 ? name.rfind(' ', cut - 1) : std::string::npos;
    if (space != std::string::npos && space >= cut - cut / 4)
        cut = space + 1;
    name.erase(cut);
    return name + "…";
}

} // namespace cs
