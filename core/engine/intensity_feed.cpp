#include "intensity_feed.h"

#include "parse_error.h"

#include <chrono>
#include <cmath>
#include <numeric>
#include <sstream>
#include <vector>

namespace cs {

ReplayFeed::ReplayFeed(Scenario scenario)
    : mScenario(std::move(scenario))
{
    if (!mScenario.requests.empty()) {
        const double sum = std::accumulate(mScenario.requests.begin(), mScenario.requests.end(), 0.0);
        mMean = sum > 0 ? sum / static_cast<double>(mScenario.requests.size()) : 1;
    }
}

std::optional<FeedPoint> ReplayFeed::next()
{
    if (mNext >= mScenario.size())
        return std::nullopt;
    FeedPoint p;
    p.time = mScenario.times[mNext];
    p.intensity = mScenario.intensity[mNext];
    p.requests = mNext < mScenario.requests.size() ? mScenario.requests[mNext] : 1;
    ++mNext;
    return p;
}

StreamFeed::StreamFeed(std::istream &in, std::string name, UtcSeconds intervalSeconds)
    : mIn(in)
    , mName(std::move(name))
    , mInterval(intervalSeconds)
{
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch())
                         .count();
    mNextTime = now - now % std::max<UtcSeconds>(1, intervalSeconds);
}

namespace {
std::string trim(const std::string &s)
{
    const auto a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos)
        return {};
    return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}
} // namespace

std::optional<FeedPoint> StreamFeed::next()
{
    std::string line;
    while (std::getline(mIn, line)) {
        ++mLine;
        line = trim(line);
        if (line.empty() || line[0] == '#')
            continue;
        std::vector<std::string> fields;
        std::stringstream ss(line);
        for (std::string f; std::getline(ss, f, ',');)
            fields.push_back(trim(f));
        if (fields.size() > 3)
            throw ParseError(mName, mLine, 1, "expected INTENSITY, TIME,INTENSITY or TIME,INTENSITY,REQUESTS");
        FeedPoint p;
        std::size_t k = 0;
        if (fields.size() >= 2) {
            const auto t = parseUtcTime(fields[0]);
            if (!t)
                throw ParseError(mName, mLine, 1, "not a time: '" + fields[0] + "'");
            p.time = *t;
            k = 1;
        } else {
            p.time = mNextTime;
        }
        mNextTime = p.time + mInterval;
        auto number = [&](std::size_t i, const char *what) {
            char *end = nullptr;
            const double v = std::strtod(fields[i].c_str(), &end);
            if (fields[i].empty() || *end != '\0' || !std::isfinite(v) || v < 0)
                throw ParseError(mName, mLine, 1, std::string("not a ") + what + ": '" + fields[i] + "'");
            return v;
        };
        p.intensity = number(k, "carbon intensity (gCO2/kWh, not negative)");
        if (fields.size() == 3)
            p.requests = number(2, "request count");
        return p;
    }
    return std::nullopt;
}

} // namespace cs
