#pragma once

#include "import_options.h"

#include <string>
#include <string_view>
#include <vector>

namespace cs {

class ImportSink;
class Importer;
class ProjectStore;
struct ImportedSeries;

// Imports one file: picks the importer (named, or detected from the content) and runs it into a sink: a project,
// in one transaction, so that any error, a cancel or a crash leaves the project exactly as it was before; or
// memory, for the CLI's traces and the GUI's import.
class ImportRunner
{
public:
    // Throws ParseError (file:line:column) for bad input, InputError for a bad option or an unknown format,
    // ImportCancelled when the progress callback asked to stop, StoreError for the database.
    static ImportResult importFile(ProjectStore &store, const std::string &path, const ImportOptions &options);
    // The same into any sink (the caller keeps what the sink holds, or rolls it back, where the import throws).
    static ImportResult importInto(ImportSink &sink, const std::string &path, const ImportOptions &options);
    // The same from bytes in memory (an embedded resource, a test's text), named `displayName` in messages.
    static ImportResult importBytes(ImportSink &sink, std::string_view bytes, const std::string &displayName,
                                    const ImportOptions &options);
    // Into memory: the series read, each as the store would hold it, at most `maxPoints` points in all (0:
    // limits::maxScenarioIntervals). Throws as importFile does, and InputError where the file holds no series.
    static std::vector<ImportedSeries> readFile(const std::string &path, const ImportOptions &options,
                                                ImportResult *result = nullptr, std::size_t maxPoints = 0);

    // The importer that would read `path` (for the GUI's preview); throws InputError where none fits.
    static const Importer &choose(const std::string &path, const ImportOptions &options);

    // A file's first 64 KiB (decompressed), as the formats are told apart by.
    static std::string head(const std::string &path);

    // The --format names for a kind of series, "auto" first.
    static std::vector<std::string> formats(SeriesKind kind);
};

} // namespace cs
