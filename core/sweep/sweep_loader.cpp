#include "sweep_loader.h"

#include "parse_error.h"
#include "trace_file.h"

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

namespace cs {

std::string sweepSeriesName(const std::string &path)
{
    std::string stem = std::filesystem::path(path).filename().string();
    if (stem.size() > 4 && stem.ends_with(".csv"))
        stem.resize(stem.size() - 4);
    for (std::size_t i = 1; i + 5 <= stem.size(); ++i) {
        if (stem[i] != '_')
            continue;
        const bool year = std::all_of(stem.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                      stem.begin() + static_cast<std::ptrdiff_t>(i) + 5,
                                      [](unsigned char c) { return std::isdigit(c) != 0; });
        if (year && (i + 5 == stem.size() || !std::isdigit(static_cast<unsigned char>(stem[i + 5]))))
            return stem.substr(0, i);
    }
    return stem;
}

std::vector<std::string> carbonFilesIn(const std::string &folder)
{
    std::error_code ec;
    std::vector<std::string> files;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->path().extension() == ".csv" && it->is_regular_file(ec))
            files.push_back(it->path().string());
    if (ec)
        throw InputError(folder + ": cannot read the folder: " + ec.message());
    if (files.empty())
        throw InputError(folder + ": no carbon CSV files (*.csv) in the folder");
    std::sort(files.begin(), files.end());
    return files;
}

namespace {

// Appends `next` (a later file of the same series) to `into`.
void join(TimeSeries &into, const TimeSeries &next, const std::string &intoPath, const std::string &nextPath)
{
    if (next.empty())
        return;
    if (into.empty()) {
        into.times = next.times;
        into.values = next.values;
        into.intervalSeconds = next.intervalSeconds;
        return;
    }
    if (into.intervalSeconds == 0) // a file of one point has no interval of its own
        into.intervalSeconds = next.intervalSeconds;
    if (next.intervalSeconds != 0 && next.intervalSeconds != into.intervalSeconds)
        throw InputError(nextPath + ": interval " + std::to_string(next.intervalSeconds) + " s, but " + intoPath +
                         " of the same series has " + std::to_string(into.intervalSeconds) + " s");
    if (next.times.front() <= into.times.back())
        throw InputError(nextPath + ": starts at " + formatUtcTime(next.times.front()) + ", before " + intoPath +
                         " of the same series ends (" + formatUtcTime(into.times.back()) + ")");
    into.times.insert(into.times.end(), next.times.begin(), next.times.end());
    into.values.insert(into.values.end(), next.values.begin(), next.values.end());
}

} // namespace

std::vector<TimeSeries> loadSweepCarbon(const std::vector<std::string> &paths, unsigned threads)
{
    if (paths.size() > maxSweepFiles)
        throw InputError("a sweep reads at most " + std::to_string(maxSweepFiles) + " files (" +
                         std::to_string(paths.size()) + " given)");
    std::vector<TimeSeries> files(paths.size());
    std::vector<std::string> errors(paths.size());
    auto read = [&](std::size_t i) {
        try {
            files[i] = readTrace(paths[i], SeriesKind::Carbon);
        } catch (const std::exception &e) {
            errors[i] = e.what();
        }
    };
    if (threads == 1) {
        for (std::size_t i = 0; i < paths.size(); ++i)
            read(i);
    } else {
        tbb::task_arena arena(threads == 0 ? tbb::task_arena::automatic : static_cast<int>(threads));
        arena.execute([&] { tbb::parallel_for(std::size_t{0}, paths.size(), read); });
    }
    for (const std::string &e : errors) // the first failure in file order, whichever thread met it first
        if (!e.empty())
            throw InputError(e);

    // Group by series name (first appearance order), each group's files in time order.
    std::vector<std::string> names;
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const std::string name = sweepSeriesName(paths[i]);
        if (!groups.count(name))
            names.push_back(name);
        groups[name].push_back(i);
    }
    std::vector<TimeSeries> series;
    for (const std::string &name : names) {
        std::vector<std::size_t> &group = groups[name];
        std::stable_sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
            const bool ea = files[a].empty(), eb = files[b].empty();
            return ea != eb ? ea : (!ea && files[a].times.front() < files[b].times.front());
        });
        TimeSeries joined;
        joined.name = name;
        joined.unit = "gCO2/kWh";
        std::string last;
        for (std::size_t i : group) {
            join(joined, files[i], last, paths[i]);
            if (!files[i].empty())
                last = paths[i];
            joined.source += (joined.source.empty() ? "" : ";") + paths[i];
        }
        if (joined.empty())
            throw InputError(paths[group.front()] + ": no data points");
        series.push_back(std::move(joined));
    }
    return series;
}

} // namespace cs
