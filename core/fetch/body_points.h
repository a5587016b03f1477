#pragma once

#include "store_types.h"

#include <string>
#include <vector>

namespace cs {

// The points of one response body, read from memory by the project's own importers (ukci, electricitymaps,
// watttime), so that a download is checked exactly as an imported file is. The body must hold one series.
// Errors are FetchError naming the body "origin (response body)" (origin: the URL), with line and column where
// the importer gives them.
std::vector<CarbonPoint> bodyPoints(const std::string &body, const std::string &format, const std::string &origin);

} // namespace cs
