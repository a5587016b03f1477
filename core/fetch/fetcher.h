#pragma once

#include "api_source.h"
#include "fetch_period.h"

#include <functional>
#include <string>
#include <vector>

namespace cs {

class PacedClient;
class ProjectStore;

struct FetchSpec
{
    std::vector<std::string> regions; // as the source takes them ("1", "BS7", "DE", "CAISO_NORTH")
    UtcSeconds from = 0;
    UtcSeconds to = 0;                // exclusive
    std::string seriesPrefix;         // empty: the source's ("UK CI")
};

struct FetchProgress
{
    long long done = 0;     // calls answered in this run
    long long total = 0;    // calls this run needs (the periods not cached yet)
    long long cached = 0;   // calls not needed: their periods were cached by an earlier run
    std::string target;     // label of the region being fetched
    FetchPeriod period;
    std::string url;        // never holds a secret
};

struct FetchSummary
{
    struct Series
    {
        std::string name;
        std::string label;
        long long points = 0;
    };
    long long calls = 0;         // periods fetched in this run
    long long cachedCalls = 0;   // periods already in the project's cache
    long long requests = 0;      // HTTP requests sent, logins and retries included
    long long retries = 0;
    std::vector<Series> series;  // written (replaced) in the project, one per region
    std::vector<std::string> notes;
};

// Downloads [from, to) for each region into the project: what the cache lacks is cut into calls of the source's
// span, fetched in order through the paced client, read by the importer and cached span by span; then each
// region's series "<prefix> <label>" is (re)written from the cache. Cancel, an error or a kill keeps every span
// already cached; the same call again fetches only what is missing.
class Fetcher
{
public:
    // Called before each call; return false to cancel (FetchCancelled is thrown after the series of the regions
    // already complete are written).
    using Progress = std::function<bool(const FetchProgress &)>;

    Fetcher(ApiSource &source, PacedClient &client, ProjectStore &store);

    FetchSummary run(const FetchSpec &spec, const Progress &progress = {});

private:
    std::string fetchBody(const FetchTarget &target, const FetchPeriod &period, std::string &url);
    void writeSeries(const FetchSpec &spec, const FetchTarget &target, FetchSummary &summary);

    ApiSource &mSource;
    PacedClient &mClient;
    ProjectStore &mStore;
};

} // namespace cs
