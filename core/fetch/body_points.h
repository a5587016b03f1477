#pragma once

#include "store_types.h"

#include <memory>
#include <string>
#include <vector>

namespace cs {

class ProjectStore;

// Reads a response body with the project's own importers (ukci, electricitymaps, watttime), so that a download
// is checked exactly as an imported file is. The importers read files: each body is written to a private
// temporary folder and imported into a scratch project there (removed with this object), never the user's.
class BodyPoints
{
public:
    BodyPoints();
    ~BodyPoints();
    BodyPoints(const BodyPoints &) = delete;
    BodyPoints &operator=(const BodyPoints &) = delete;

    // The points of one body (one series). `origin` names it in errors (the URL); a ParseError of the importer
    // becomes FetchError "origin (response body):line:column: message".
    std::vector<CarbonPoint> read(const std::string &body, const std::string &format, const std::string &origin);

private:
    std::string mFolder;
    std::unique_ptr<ProjectStore> mScratch;
};

} // namespace cs
