#pragma once

#include <string>

namespace cs {

// Where the tokens and passwords of a download come from: an environment variable or a file the user names,
// never the command line (it shows in process listings) nor the project. Messages name the variable or the
// file, never the secret.
//   Electricity Maps: CARBONSCOPE_EM_TOKEN, or --token-file
//   WattTime:         CARBONSCOPE_WATTTIME_USER and CARBONSCOPE_WATTTIME_PASSWORD, or --password-file
namespace credentials {

constexpr const char *emTokenVariable = "CARBONSCOPE_EM_TOKEN";
constexpr const char *wattTimeUserVariable = "CARBONSCOPE_WATTTIME_USER";
constexpr const char *wattTimePasswordVariable = "CARBONSCOPE_WATTTIME_PASSWORD";

// The file's first line, spaces and line end trimmed; throws InputError naming the file where it cannot be
// read, is empty, or is longer than 4 KiB (no token is).
std::string readSecretFile(const std::string &path);
// The variable's value, trimmed; empty where unset.
std::string fromEnvironment(const char *variable);

} // namespace credentials
} // namespace cs
