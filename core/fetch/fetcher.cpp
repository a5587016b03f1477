#include "fetcher.h"

#include "body_points.h"
#include "fetch_cache.h"
#include "fetch_error.h"
#include "paced_client.h"
#include "project_store.h"

#include <algorithm>
#include <set>

namespace cs {
namespace {

std::vector<FetchPeriod> asPeriods(const std::vector<FetchCache::Span> &spans)
{
    std::vector<FetchPeriod> result;
    for (const FetchCache::Span &s : spans)
        result.push_back({s.from, s.to});
    return result;
}

} // namespace

Fetcher::Fetcher(ApiSource &source, PacedClient &client, ProjectStore &store)
    : mSource(source)
    , mClient(client)
    , mStore(store)
{
}

std::string Fetcher::fetchBody(const FetchTarget &target, const FetchPeriod &period, std::string &url)
{
    HttpRequest request = mSource.request(target, period);
    url = request.url;
    try {
        return mClient.get(request);
    } catch (const FetchError &e) {
        if (e.status() != 401 || !mSource.canReauthenticate())
            throw;
    }
    mSource.authenticate(mClient, true); // the token expired: one new login, one more try
    return mClient.get(mSource.request(target, period));
}

void Fetcher::writeSeries(const FetchSpec &spec, const FetchTarget &target, FetchSummary &summary)
{
    FetchCache cache(mStore.database());
    const std::vector<CarbonPoint> points = cache.points(mSource.name(), target.key, spec.from, spec.to);
    const std::string prefix = spec.seriesPrefix.empty() ? mSource.seriesPrefix() : spec.seriesPrefix;
    const std::string name = prefix + " " + target.label;
    if (points.empty()) {
        summary.notes.push_back(name + ": the API returned no points for " + formatUtcTime(spec.from) + " to "
                                + formatUtcTime(spec.to) + "; no series written");
        return;
    }
    SeriesMeta meta;
    meta.name = name;
    meta.region = target.label;
    meta.source = mSource.publisher();
    meta.unit = mSource.name() == "electricitymaps" ? "gCO2eq/kWh" : "gCO2/kWh";
    meta.provenance = "downloaded from " + mSource.publisher() + " (" + target.key + "), " + formatUtcTime(spec.from)
        + " to " + formatUtcTime(spec.to) + ", through the " + mSource.importFormat() + " importer";
    mStore.saveCarbonSeries(meta, points, true);
    summary.series.push_back({name, target.label, static_cast<long long>(points.size())});
}

FetchSummary Fetcher::run(const FetchSpec &spec, const Progress &progress)
{
    if (spec.to <= spec.from)
        throw InputError("fetch: --to (" + formatUtcTime(spec.to) + ") must come after --from ("
                         + formatUtcTime(spec.from) + ")");
    if (spec.regions.empty())
        throw InputError("fetch: no region given");
    if (const std::optional<FetchPeriod> reach = mSource.reach(mClient.clock().utcNow());
        reach && (spec.from < reach->from || spec.to > reach->to))
        throw InputError("fetch: this endpoint answers only " + formatUtcTime(reach->from) + " to "
                         + formatUtcTime(reach->to) + "; the range asked is " + formatUtcTime(spec.from) + " to "
                         + formatUtcTime(spec.to));
    std::vector<FetchTarget> targets;
    std::set<std::string> seen;
    for (const std::string &region : spec.regions) {
        FetchTarget t = mSource.target(region);
        if (seen.insert(t.key).second)
            targets.push_back(std::move(t));
    }

    for (const std::string &secret : mSource.secrets())
        mClient.addSecret(secret);
    FetchCache cache(mStore.database());
    FetchSummary summary;
    std::vector<std::vector<FetchPeriod>> plans;
    long long total = 0;
    for (const FetchTarget &t : targets) {
        const std::vector<FetchPeriod> cached = asPeriods(cache.spans(mSource.name(), t.key));
        plans.push_back(missingPeriods(spec.from, spec.to, cached, mSource.maxSpanSeconds()));
        total += static_cast<long long>(plans.back().size());
        summary.cachedCalls += static_cast<long long>(
            missingPeriods(spec.from, spec.to, {}, mSource.maxSpanSeconds()).size() - plans.back().size());
    }
    summary.cachedCalls = std::max(0LL, summary.cachedCalls);

    const long long requestsBefore = mClient.stats().requests;
    const long long retriesBefore = mClient.stats().retries;
    if (total > 0)
        mSource.authenticate(mClient, false);
    for (std::size_t i = 0; i < targets.size(); ++i) {
        for (const FetchPeriod &period : plans[i]) {
            FetchProgress step{summary.calls, total, summary.cachedCalls, targets[i].label, period,
                               mSource.request(targets[i], period).url};
            if (progress && !progress(step))
                throw FetchCancelled();
            std::string url;
            const std::string body = fetchBody(targets[i], period, url);
            std::vector<CarbonPoint> points = bodyPoints(mSource.importableBody(body), mSource.importFormat(), url);
            // Keep what lies in the period asked for: the UK CI API also answers the half-hour ending at {from},
            // past-range its inclusive end; the neighbouring call brings those.
            std::erase_if(points, [&](const CarbonPoint &p) { return p.time < period.from || p.time >= period.to; });
            cache.store(mSource.name(), targets[i].key, {period.from, period.to}, points, url);
            ++summary.calls;
        }
        writeSeries(spec, targets[i], summary); // a region complete is written at once: a later cancel keeps it
    }
    summary.requests = mClient.stats().requests - requestsBefore;
    summary.retries = mClient.stats().retries - retriesBefore;
    if (progress)
        progress({summary.calls, total, summary.cachedCalls, {}, {}, {}});
    return summary;
}

} // namespace cs
