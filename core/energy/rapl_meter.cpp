#include "rapl_meter.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace cs {

namespace {
std::optional<std::uint64_t> readCounter(const std::string &path)
{
    std::ifstream in(path);
    std::uint64_t v = 0;
    if (!(in >> v))
        return std::nullopt;
    return v;
}

// Top-level zones only ("intel-rapl:0", not "intel-rapl:0:0"): sub-zones are parts of their package.
bool isPackageZone(const std::string &name)
{
    return name.starts_with("intel-rapl:") && std::count(name.begin(), name.end(), ':') == 1;
}
} // namespace

std::uint64_t wrappedDelta(std::uint64_t previous, std::uint64_t current, std::uint64_t maxRange)
{
    if (current >= previous)
        return current - previous;
    return maxRange - previous + current; // wrapped once: up to the top, then from zero
}

RaplMeter::RaplMeter(std::string powercapRoot)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    bool sawUnreadable = false;
    std::vector<fs::path> dirs;
    for (const auto &entry : fs::directory_iterator(powercapRoot, ec))
        if (isPackageZone(entry.path().filename().string()))
            dirs.push_back(entry.path());
    std::sort(dirs.begin(), dirs.end());
    for (const fs::path &dir : dirs) {
        Zone z;
        z.energyPath = (dir / "energy_uj").string();
        const auto now = readCounter(z.energyPath);
        const auto range = readCounter((dir / "max_energy_range_uj").string());
        if (!now || !range) {
            sawUnreadable = true;
            continue;
        }
        z.last = *now;
        z.maxRange = *range;
        mZones.push_back(z);
    }
    mAvailable = !mZones.empty();
    if (mAvailable)
        mNotice = "RAPL: " + std::to_string(mZones.size()) + " CPU package(s) from " + powercapRoot
                  + " (CPU only: memory and other devices not counted)";
    else if (sawUnreadable)
        mNotice = "no CPU energy meter: RAPL counters under " + powercapRoot
                  + " are not readable by this user (they usually need root)";
    else
        mNotice = "no CPU energy meter: no RAPL zones under " + powercapRoot;
}

std::optional<EnergySample> RaplMeter::sample()
{
    if (!mAvailable)
        return std::nullopt;
    std::lock_guard lock(mMutex);
    const double now = steadySeconds();
    double joules = 0;
    for (Zone &z : mZones) {
        const auto v = readCounter(z.energyPath);
        if (!v)
            return std::nullopt;
        z.total += wrappedDelta(z.last, *v, z.maxRange) * 1e-6;
        z.last = *v;
        joules += z.total;
    }
    return EnergySample{now, joules};
}

} // namespace cs
