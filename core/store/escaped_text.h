#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cs {

// Text from a file or a project (a series name, a field) made safe to print on a terminal: control characters
// (C0, DEL and the C1 range U+0080..U+009F) and bytes that are not UTF-8 are written as \n, \t, \r or \xNN, so that
// a name holding "\x1b[31m" cannot recolour or rewrite the screen. Valid UTF-8 text is kept as it is. At most
// `maxChars` characters are kept, then "…".
std::string escapedText(std::string_view text, std::size_t maxChars = std::string_view::npos);

} // namespace cs
