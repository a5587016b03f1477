#pragma once

#include "import_options.h"

#include <string>
#include <vector>

namespace cs {

class Importer;
class ProjectStore;

// Imports one file into a project: picks the importer (named, or detected from the content), and runs it in
// one transaction, so that any error, a cancel or a crash leaves the project exactly as it was before.
class ImportRunner
{
public:
    // Throws ParseError (file:line:column) for bad input, InputError for a bad option or an unknown format,
    // ImportCancelled when the progress callback asked to stop, StoreError for the database.
    static ImportResult importFile(ProjectStore &store, const std::string &path, const ImportOptions &options);

    // The importer that would read `path` (for the GUI's preview); throws InputError where none fits.
    static const Importer &choose(const std::string &path, const ImportOptions &options);

    // The --format names for a kind of series, "auto" first.
    static std::vector<std::string> formats(SeriesKind kind);
};

} // namespace cs
