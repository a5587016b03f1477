#include "import_context.h"

#include "byte_source.h"
#include "parse_error.h"

#include <filesystem>

namespace cs {

namespace {
constexpr std::size_t maxWarnings = 20;
}

ImportContext::ImportContext(ImportSink &sink, ByteSource &source, const ImportOptions &options, std::string displayName,
                             ImportResult &result)
    : mSink(sink)
    , mSource(source)
    , mOptions(options)
    , mName(std::move(displayName))
    , mResult(result)
{}

void ImportContext::badRow(long long line, int column, const std::string &message)
{
    if (!mOptions.skipBadRows)
        throw ParseError(mName, static_cast<int>(line), column, message);
    ++mResult.skippedRows;
    if (mResult.warnings.size() < maxWarnings)
        mResult.warnings.push_back({line, column, "skipped: " + message});
}

void ImportContext::warn(long long line, int column, const std::string &message)
{
    if (mResult.warnings.size() < maxWarnings)
        mResult.warnings.push_back({line, column, message});
}

void ImportContext::fail(long long line, int column, const std::string &message) const
{
    throw ParseError(mName, static_cast<int>(line), column, message);
}

void ImportContext::progress()
{
    const std::uint64_t done = mSource.fileBytesRead();
    if (done == mLastReported)
        return;
    mLastReported = done;
    mResult.bytes = done;
    if (mOptions.progress && !mOptions.progress(done, mSource.fileSize()))
        throw ImportCancelled();
}

std::string ImportContext::seriesName(const std::string &suffix) const
{
    std::string base = mOptions.name;
    if (base.empty()) {
        std::filesystem::path p(mSource.path());
        base = p.stem().string();
        // "trace.csv.zst" -> "trace"
        for (const char *ext : {".csv", ".tsv", ".json", ".txt"})
            if (base.size() > std::string(ext).size() && base.ends_with(ext))
                base.erase(base.size() - std::string(ext).size());
    }
    return suffix.empty() ? base : base + "/" + suffix;
}

std::unique_ptr<SeriesSink> ImportContext::newSeries(SeriesMeta meta)
{
    if (meta.name.empty())
        meta.name = seriesName();
    if (meta.provenance.empty())
        meta.provenance = std::filesystem::path(mSource.path()).filename().string() + " (" + mResult.format + ")";
    mResult.series.push_back(meta.name);
    return mSink.newSeries(mOptions.kind, std::move(meta), mOptions.replace);
}

void ImportContext::finish(SeriesSink &writer)
{
    try {
        writer.finish();
    } catch (const InputError &e) {
        // No points, or steps that fit no interval: about the whole file, so named by it.
        throw ParseError(mName, 0, 0, e.what());
    }
    mResult.points += writer.points();
}

} // namespace cs
