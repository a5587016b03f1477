#include "import_runner.h"

#include "byte_source.h"
#include "import_formats.h"
#include "importer.h"
#include "import_context.h"
#include "import_text.h"
#include "memory_sink.h"
#include "store_sink.h"
#include "project_store.h"
#include "transaction.h"

#include <algorithm>
#include <memory>

namespace cs {

namespace {

std::string headOf(ByteSource &source)
{
    // 64 KiB is enough to tell the formats apart; a small plain file needs only its size (the fuzzers import
    // millions of tiny files, and zeroing 64 KiB each time showed in their profile).
    std::size_t want = 64 * 1024;
    if (source.compression() == ByteSource::Compression::None && source.fileSize() > 0)
        want = static_cast<std::size_t>(std::min<std::uint64_t>(want, source.fileSize()));
    std::string text(want, '\0');
    std::size_t got = 0;
    while (got < text.size()) {
        const std::size_t n = source.read(text.data() + got, text.size() - got);
        if (n == 0)
            break;
        got += n;
    }
    text.resize(got);
    return text;
}

} // namespace

std::string ImportRunner::head(const std::string &path)
{
    ByteSource source(path);
    return headOf(source);
}

namespace {

const Importer &pick(const std::string &path, const std::string &text, const ImportOptions &options)
{
    const char *kindWord = options.kind == SeriesKind::Carbon ? "carbon" : "requests";
    const Importer *best = nullptr;
    int bestScore = 0;
    int candidates = 0;
    for (const ImportFormat &format : importFormats()) {
        const Importer *importer = format.importer.get();
        if (importer->kind() != options.kind)
            continue;
        // A WattTime-derived CSV (vessim's) is a generic CSV already in g/kWh.
        const bool named = options.format == importer->format()
                           || (options.format == "watttime" && importer->format() == "csv");
        if (options.format != "auto" && !named)
            continue;
        ++candidates;
        const int score = importer->detect(text, path);
        if (!best || score > bestScore) {
            best = importer;
            bestScore = score;
        }
    }
    if (candidates == 0) {
        std::string list;
        for (const std::string &f : ImportRunner::formats(options.kind))
            list += (list.empty() ? "" : ", ") + f;
        throw InputError("unknown " + std::string(kindWord) + " format \"" + options.format + "\" (one of: " + list
                         + ")");
    }
    if (bestScore == 0 && (options.format == "auto" || candidates > 1))
        throw InputError(path + ": cannot tell its " + kindWord + " format; name it with --format");
    return *best;
}

} // namespace

std::vector<std::string> ImportRunner::formats(SeriesKind kind)
{
    std::vector<std::string> out{"auto"};
    for (const ImportFormat &f : importFormats())
        if (f.kind == kind && std::find(out.begin(), out.end(), f.name) == out.end())
            out.push_back(f.name);
    if (kind == SeriesKind::Carbon && std::find(out.begin(), out.end(), "watttime") == out.end())
        out.push_back("watttime");
    return out;
}

const Importer &ImportRunner::choose(const std::string &path, const ImportOptions &options)
{
    return pick(path, head(path), options);
}

namespace {

// Checks the head, picks the importer and runs it over `source`.
ImportResult run(ImportSink &sink, const std::string &text, ByteSource &source, const ImportOptions &options)
{
    const std::string &name = source.path();
    if (text.empty())
        throw ParseError(name, 1, 1, "empty file: expected " + std::string(options.kind == SeriesKind::Carbon
                                                                              ? "a carbon-intensity trace"
                                                                              : "a request trace"));
    if (const std::string enc = importtext::foreignEncoding(text); !enc.empty())
        throw ParseError(name, 1, 1, "wrong encoding: " + enc + "; expected UTF-8 text");
    const Importer &importer = pick(name, text, options);

    ImportResult result;
    result.format = importer.format();
    ImportContext context(sink, source, options, name, result);
    importer.run(context);
    context.progress();
    result.bytes = source.fileBytesRead();
    return result;
}

} // namespace

ImportResult ImportRunner::importInto(ImportSink &sink, const std::string &path, const ImportOptions &options)
{
    const std::string text = head(path);
    ByteSource source(path, {options.maxDecompressedBytes, options.maxDecompressionRatio});
    return run(sink, text, source, options);
}

ImportResult ImportRunner::importBytes(ImportSink &sink, std::string_view bytes, const std::string &displayName,
                                       const ImportOptions &options)
{
    const DecompressionLimits limits{options.maxDecompressedBytes, options.maxDecompressionRatio};
    ByteSource first(bytes, displayName, limits);
    const std::string text = headOf(first);
    ByteSource source(bytes, displayName, limits);
    return run(sink, text, source, options);
}

ImportResult ImportRunner::importFile(ProjectStore &store, const std::string &path, const ImportOptions &options)
{
    Transaction tx(store.database());
    StoreSink sink(store.database());
    ImportResult result = importInto(sink, path, options);
    tx.commit();
    return result;
}

std::vector<ImportedSeries> ImportRunner::readFile(const std::string &path, const ImportOptions &options,
                                                   ImportResult *result, std::size_t maxPoints)
{
    MemorySink sink(maxPoints);
    ImportResult r = importInto(sink, path, options);
    if (sink.series().empty())
        throw InputError(path + ": the file holds no " + (options.kind == SeriesKind::Carbon ? "carbon" : "request")
                         + " series");
    if (result)
        *result = std::move(r);
    return sink.takeSeries();
}

} // namespace cs
