#include "body_points.h"

#include "fetch_error.h"
#include "import_runner.h"
#include "memory_sink.h"
#include "parse_error.h"

namespace cs {

std::vector<CarbonPoint> bodyPoints(const std::string &body, const std::string &format, const std::string &origin)
{
    ImportOptions options;
    options.kind = SeriesKind::Carbon;
    options.format = format;
    options.name = "fetched";
    MemorySink sink;
    try {
        ImportRunner::importBytes(sink, body, origin + " (response body)", options);
    } catch (const ParseError &e) { // "origin (response body):line:column: message"
        throw FetchError(e.what());
    } catch (const InputError &e) {
        throw FetchError(e.what());
    }
    if (sink.series().size() != 1)
        throw FetchError(origin + ": expected one series in the answer, found " + std::to_string(sink.series().size()));
    const ImportedSeries &s = sink.series().front();
    std::vector<CarbonPoint> points;
    points.reserve(s.times.size());
    for (std::size_t i = 0; i < s.times.size(); ++i)
        points.push_back({s.times[i], s.values[i], i < s.forecast.size() ? s.forecast[i] : std::nullopt});
    return points;
}

} // namespace cs
