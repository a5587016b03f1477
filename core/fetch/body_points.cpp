#include "body_points.h"

#include "fetch_error.h"
#include "import_runner.h"
#include "io/atomic_file.h"
#include "memory_sink.h"

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
}

BodyPoints::~BodyPoints()
{
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
    std::vector<ImportedSeries> series;
    try {
        series = ImportRunner::readFile(path, options);
    } catch (const ParseError &e) {
        throw FetchError(origin + " (response body):" + std::to_string(e.line()) + ":" + std::to_string(e.column())
                         + ": " + e.message());
    } catch (const InputError &e) {
        std::string message = e.what();
        for (std::size_t at = message.find(path); at != std::string::npos; at = message.find(path))
            message.replace(at, path.size(), origin + " (response body)");
        throw FetchError(message);
    }
    if (series.size() != 1)
        throw FetchError(origin + ": expected one series in the answer, found " + std::to_string(series.size()));
    const ImportedSeries &s = series.front();
    std::vector<CarbonPoint> points;
    points.reserve(s.times.size());
    for (std::size_t i = 0; i < s.times.size(); ++i)
        points.push_back({s.times[i], s.values[i], i < s.forecast.size() ? s.forecast[i] : std::nullopt});
    return points;
}

} // namespace cs
