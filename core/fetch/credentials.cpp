#include "credentials.h"

#include "parse_error.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace cs::credentials {
namespace {

std::string trimmed(std::string text)
{
    const std::size_t end = text.find_first_of("\r\n");
    if (end != std::string::npos)
        text.resize(end);
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

std::string readSecretFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path + ": cannot read the token file: " + std::strerror(errno));
    std::string text(4097, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > 4096)
        throw InputError(path + ": a token file holds one line of at most 4096 bytes");
    text = trimmed(text);
    if (text.empty())
        throw InputError(path + ": the token file is empty");
    return text;
}

std::string fromEnvironment(const char *variable)
{
    const char *value = std::getenv(variable);
    return value ? trimmed(value) : std::string();
}

} // namespace cs::credentials
