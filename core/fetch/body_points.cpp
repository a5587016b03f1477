#include "body_points.h"

#include "fetch_error.h"
#include "import_runner.h"
#include "io/atomic_file.h"
#include "project_store.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace cs {

BodyPoints::BodyPoints()
{
    const char *tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/carbonscope-fetch-XXXXXX";
    if (!mkdtemp(pattern.data()))
        throw FetchError("cannot create a temporary folder " + pattern + ": " + std::strerror(errno));
    mFolder = pattern;
    mScratch = std::make_unique<ProjectStore>(ProjectStore::open(mFolder + "/scratch.csdb"));
}

BodyPoints::~BodyPoints()
{
    mScratch.reset();
    std::error_code ignored;
    std::filesystem::remove_all(mFolder, ignored);
}

std::vector<CarbonPoint> BodyPoints::read(const std::string &body, const std::string &format,
                                          const std::string &origin)
{
    const std::string path = mFolder + "/response.json";
    writeFileAtomically(path, body);
    ImportOptions options;
    options.kind = SeriesKind::Carbon;
    options.format = format;
    options.name = "fetched";
    options.replace = true;
    try {
        ImportRunner::importFile(*mScratch, path, options);
    } catch (const ParseError &e) {
        throw FetchError(origin + " (response body):" + std::to_string(e.line()) + ":" + std::to_string(e.column())
                         + ": " + e.message());
    } catch (const InputError &e) {
        std::string message = e.what();
        for (std::size_t at = message.find(path); at != std::string::npos; at = message.find(path))
            message.replace(at, path.size(), origin + " (response body)");
        throw FetchError(message);
    }
    return mScratch->loadCarbonPoints("fetched");
}

} // namespace cs
