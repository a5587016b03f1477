#pragma once

#include "api_source.h"

#include <memory>
#include <string>
#include <vector>

namespace cs {

// What picks and sets up a source: the CLI's options, the GUI's dialog.
struct SourceSettings
{
    std::string source;        // ukci, electricitymaps, watttime
    std::string baseUrl;       // empty: the API's own
    std::string tokenFile;     // Electricity Maps; empty: CARBONSCOPE_EM_TOKEN
    std::string user;          // WattTime; empty: CARBONSCOPE_WATTTIME_USER
    std::string passwordFile;  // WattTime; empty: CARBONSCOPE_WATTTIME_PASSWORD
    // Typed into the GUI's dialog and held in memory only; where set they come before the files and variables.
    std::string token;
    std::string password;
    std::string endpoint;      // Electricity Maps: past-range (empty) or history
};

// The names --source takes.
std::vector<std::string> apiSourceNames();
// Throws InputError for an unknown source or a missing token/login (naming the variable and the option).
std::unique_ptr<ApiSource> makeApiSource(const SourceSettings &settings);
// Region lists as typed: "1-14", "1,3,13", "national", "DE,FR"; a range is two numbers joined by '-' (zone
// keys such as US-CAL-CISO stay whole). At most 1000 regions.
std::vector<std::string> expandRegions(const std::vector<std::string> &specs);

} // namespace cs
