#pragma once

#include "import_options.h"
#include "parse_error.h"
#include "import_sink.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cs {

class ByteSource;

// What an importer works with: the input, the options, the sink its series go to (a project inside the runner's
// transaction, or memory), and the shared handling of bad rows, progress and cancel.
class ImportContext
{
public:
    ImportContext(ImportSink &sink, ByteSource &source, const ImportOptions &options, std::string displayName,
                  ImportResult &result);

    ByteSource &source() { return mSource; }
    const ImportOptions &options() const { return mOptions; }
    const std::string &displayName() const { return mName; }
    ImportResult &result() { return mResult; }

    // A bad row: throws ParseError(file, line, column, message), or with skipBadRows counts it and returns.
    void badRow(long long line, int column, const std::string &message);
    // A notable quirk that is kept as it is (an actual of 0, an estimated point).
    void warn(long long line, int column, const std::string &message);
    // Input that no option can skip (an empty file, no usable column): always throws.
    [[noreturn]] void fail(long long line, int column, const std::string &message) const;

    // Reports progress; throws ImportCancelled when the callback says stop. Cheap to call often.
    void progress();

    // A new series (name from the options or `fallbackName`); the result records it.
    std::unique_ptr<SeriesSink> newSeries(SeriesMeta meta);
    // The name a series gets: --name where given, else the file's stem.
    std::string seriesName(const std::string &suffix = {}) const;
    // Finishes a writer, adding its points to the result.
    void finish(SeriesSink &writer);

private:
    ImportSink &mSink;
    ByteSource &mSource;
    const ImportOptions &mOptions;
    std::string mName;
    ImportResult &mResult;
    std::uint64_t mLastReported = 0;
};

// The import was cancelled through the progress callback; the database is as it was before.
class ImportCancelled : public InputError
{
public:
    ImportCancelled() : InputError("import cancelled; the project is unchanged") {}
};

} // namespace cs
