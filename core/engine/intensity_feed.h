#pragma once

#include "scenario.h"
#include "utc_time.h"

#include <istream>
#include <optional>
#include <string>

namespace cs {

// One interval as a live session sees it: its time, the carbon intensity and the trace's request count.
struct FeedPoint
{
    UtcSeconds time = 0;
    double intensity = 0;
    double requests = 1;
};

// Where a live session's intensity comes from, one interval at a time.
class IntensityFeed
{
public:
    virtual ~IntensityFeed() = default;
    virtual std::optional<FeedPoint> next() = 0; // nothing: the feed ended
    virtual std::string source() const = 0;
    virtual UtcSeconds intervalSeconds() const = 0;
    virtual double meanRequests() const = 0;     // request counts are scaled by this to a request rate
};

// Replays a scenario's intervals in order (the live session paces them; see LiveOptions::intervalWallSeconds).
class ReplayFeed : public IntensityFeed
{
public:
    explicit ReplayFeed(Scenario scenario);
    std::optional<FeedPoint> next() override;
    std::string source() const override { return mScenario.carbonSource; }
    UtcSeconds intervalSeconds() const override { return mScenario.intervalSeconds; }
    double meanRequests() const override { return mMean; }

private:
    Scenario mScenario;
    std::size_t mNext = 0;
    double mMean = 1;
};

// Reads intervals from a stream, one a line: "INTENSITY", "TIME,INTENSITY" or "TIME,INTENSITY,REQUESTS"
// (TIME in ISO 8601). Blank lines and lines starting with '#' are skipped; a bad line throws ParseError.
// Lines without a time get times one interval apart from now.
class StreamFeed : public IntensityFeed
{
public:
    StreamFeed(std::istream &in, std::string name, UtcSeconds intervalSeconds);
    std::optional<FeedPoint> next() override;
    std::string source() const override { return mName; }
    UtcSeconds intervalSeconds() const override { return mInterval; }
    double meanRequests() const override { return 1; }

private:
    std::istream &mIn;
    std::string mName;
    UtcSeconds mInterval;
    UtcSeconds mNextTime;
    int mLine = 0;
};

} // namespace cs
