#pragma once

#include "store_types.h"

#include <string>
#include <vector>

namespace cs {

// Reads a response body with the project's own importers (ukci, electricitymaps, watttime), so that a download
// is checked exactly as an imported file is. The importers read files: each body is written to a private
// temporary folder (removed with this object) and read into memory (ImportRunner::readFile).
class BodyPoints
{
public:
    BodyPoints();
    ~BodyPoints();
    BodyPoints(const BodyPoints &) = delete;
    BodyPoints &operator=(const BodyPoints &) = delete;

    // The points of one body, which must hold one series. `origin` names it in errors (the URL): a ParseError
    // of the importer becomes FetchError "origin (response body):line:column: message".
    std::vector<CarbonPoint> read(const std::string &body, const std::string &format, const std::string &origin);

private:
    std::string mFolder;
};

} // namespace cs
