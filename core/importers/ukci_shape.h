#pragma once

#include "json_rows.h"
#include "json_stream.h"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace cs {

class ImportContext;

// The shapes of UK Carbon Intensity API responses (ukci_importer.h lists them): where the entries of "data" are,
// and a region's id and name. Shared by the importer's two readings of a file.
namespace ukcishape {

std::string regionId(const JsonValue &region);
std::string shortName(const JsonValue &region);
// A member of a period or region entry (from, to, intensity, regions, regionid, shortname).
bool isElementMember(std::string_view key);

// Where the entries of "data" are: elements of the root array (depth 1), elements of "data" (depth 2), or
// "data" itself as one region's object (depth 1). Both visitors walk the same way.
struct Layout
{
    JsonPlace root;
    bool rootObject = false;
    bool dataSeen = false;
    bool inData = false;        // inside the list of entries (or the one region's object)
    bool dataObject = false;
    std::size_t depth = 0;      // the path length of an entry

    // The root and its "data" member; returns the Take for them, or nothing where `path` is deeper.
    std::optional<JsonStream::Take> begin(const JsonStream::Path &path, JsonValue::Type type, const JsonPlace &at,
                                          const JsonRows &rows);
};

// Counts the regions of a file before its first series is named (a file of several one-region objects names
// each series "<name>/<short name>", a file of one region just "<name>"): a second reading that keeps only
// each entry's region id.
class RegionCounter : public JsonStream::Visitor
{
public:
    explicit RegionCounter(ImportContext &context) : mRows(context) {}
    std::set<std::string> ids;

    JsonStream::Take begin(const Path &path, JsonValue::Type type, const JsonPlace &at) override;
    void value(const Path &path, JsonValue &v) override;
    void end(const Path &path) override;

private:
    JsonRows mRows;
    Layout mLayout;
    JsonValue mEntry;
    bool mHasData = false;
};

} // namespace ukcishape
} // namespace cs
