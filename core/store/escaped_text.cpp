#include "escaped_text.h"

namespace cs {

namespace {

// The length of the valid UTF-8 sequence of two or more bytes starting at text[i], or 0.
std::size_t utf8Sequence(std::string_view text, std::size_t i)
{
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > text.size())
        return 0;
    unsigned cp = c & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    const bool bad = overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0x80 && cp <= 0x9F);
    return bad ? 0 : len;
}

} // namespace

std::string escapedText(std::string_view text, std::size_t maxChars)
{
    static const char *hex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size() < 256 ? text.size() : 256);
    std::size_t chars = 0, i = 0;
    while (i < text.size() && chars < maxChars) {
        ++chars;
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            if (const std::size_t len = utf8Sequence(text, i)) {
                out += text.substr(i, len);
                i += len;
                continue;
            }
        }
        ++i;
        if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    if (i < text.size())
        out += "\xE2\x80\xA6"; // …
    return out;
}

} // namespace cs
