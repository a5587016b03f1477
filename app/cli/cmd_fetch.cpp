// fetch: downloads carbon-intensity history from the UK Carbon Intensity API, Electricity Maps or WattTime into a
// project, resumably (core/fetch). Progress on stderr, the summary on stdout.
#include "commands.h"
#include "curl_http_client.h"
#include "fetch_error.h"
#include "fetcher.h"
#include "paced_client.h"
#include "parse_error.h"
#include "project_store.h"
#include "source_factory.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <memory>

namespace cs::cli {

namespace {

struct FetchArgs
{
    SourceSettings source;
    std::vector<std::string> regions;
    std::string from;
    std::string to;
    std::string db;
    std::string prefix;
    long long minGapMs = 1000;
    int attempts = 6;
    int timeout = 60;
    long long backoffCapMs = 120000;
    bool quiet = false;
};

// Ctrl-C once: finish the request in flight, keep it, stop. Twice: abandon it too.
volatile std::sig_atomic_t interrupts = 0;
extern "C" void onInterrupt(int) { interrupts = interrupts + 1; }

class InterruptGuard
{
public:
    InterruptGuard()
    {
        interrupts = 0;
        struct sigaction action {};
        action.sa_handler = onInterrupt;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &mOldInt);
        sigaction(SIGTERM, &action, &mOldTerm);
    }
    ~InterruptGuard()
    {
        sigaction(SIGINT, &mOldInt, nullptr);
        sigaction(SIGTERM, &mOldTerm, nullptr);
    }

private:
    struct sigaction mOldInt {};
    struct sigaction mOldTerm {};
};

UtcSeconds timeOption(const std::string &text, const char *option)
{
    // A bare date is its midnight, UTC.
    const std::string full = text.size() == 10 ? text + "T00:00:00Z" : text;
    const auto t = parseUtcTime(full);
    if (!t)
        throw InputError(std::string(option) + ": expected a date (2023-01-01) or an ISO 8601 time "
                                                "(2023-01-01T00:00Z), got \"" + text + "\"");
    return *t;
}

std::string day(UtcSeconds t)
{
    const std::string iso = formatUtcTime(t);
    return t % 86400 == 0 ? iso.substr(0, 10) : iso;
}

void runFetch(const FetchArgs &a)
{
    FetchSpec spec;
    spec.regions = expandRegions(a.regions);
    spec.from = timeOption(a.from, "--from");
    spec.to = timeOption(a.to, "--to");
    spec.seriesPrefix = a.prefix;
    std::unique_ptr<ApiSource> source = makeApiSource(a.source);

    FetchPacing pacing;
    pacing.minGapMs = a.minGapMs;
    pacing.maxAttempts = a.attempts;
    pacing.timeoutSeconds = a.timeout;
    pacing.backoffCapMs = a.backoffCapMs;
    pacing.backoffBaseMs = std::min(pacing.backoffBaseMs, a.backoffCapMs);

    ProjectStore store = ProjectStore::open(a.db);
    CurlHttpClient http;
    SystemFetchClock clock;
    PacedClient client(http, clock, pacing);
    InterruptGuard guard;
    client.setCancel([] { return interrupts > 0; });
    client.setAbort([] { return interrupts > 1; });
    client.setNote([&](const std::string &note) { std::fprintf(stderr, "fetch: %s\n", note.c_str()); });

    Fetcher fetcher(*source, client, store);
    const auto progress = [&](const FetchProgress &p) {
        if (interrupts > 0)
            return false;
        if (!a.quiet && !p.url.empty())
            std::fprintf(stderr, "fetch [%lld/%lld] %s %s..%s\n", p.done + 1, p.total, p.target.c_str(),
                         day(p.period.from).c_str(), day(p.period.to).c_str());
        return true;
    };
    FetchSummary summary;
    try {
        summary = fetcher.run(spec, progress);
    } catch (const FetchCancelled &) {
        throw FetchError("fetch interrupted; every period fetched so far is kept in " + a.db
                         + ": run the same command again to fetch the rest");
    }
    std::printf("fetched %lld call%s from %s (%lld already cached), %lld HTTP request%s, %lld retr%s\n",
                summary.calls, summary.calls == 1 ? "" : "s", source->publisher().c_str(), summary.cachedCalls,
                summary.requests, summary.requests == 1 ? "" : "s", summary.retries, summary.retries == 1 ? "y" : "ies");
    for (const FetchSummary::Series &s : summary.series)
        std::printf("series \"%s\": %lld points, %s to %s\n", s.name.c_str(), s.points, day(spec.from).c_str(),
                    day(spec.to).c_str());
    for (const std::string &note : summary.notes)
        std::fprintf(stderr, "fetch: note: %s\n", note.c_str());
}

} // namespace

void addFetchCommands(CLI::App &app)
{
    auto args = std::make_shared<FetchArgs>();
    CLI::App *fetch = app.add_subcommand("fetch", "Download carbon-intensity history into a project (resumable)");
    fetch->add_option("--source", args->source.source, "ukci, electricitymaps or watttime")->required()
        ->check(CLI::IsMember(apiSourceNames()));
    fetch->add_option("--region", args->regions,
                      "Regions: ukci national, 1-17 (1-14 DNO regions), a postcode outward code (BS7); "
                      "electricitymaps zone keys (DE); watttime regions (CAISO_NORTH). Lists and ranges: 1-14,BS7")
        ->required();
    fetch->add_option("--from", args->from, "Start (date or ISO time, UTC)")->required();
    fetch->add_option("--to", args->to, "End, exclusive (date or ISO time, UTC)")->required();
    fetch->add_option("--db", args->db, "Project file (*.csdb); created where missing")->required();
    fetch->add_option("--name-prefix", args->prefix, "Series names: '<prefix> <region>' (default: the source's)");
    fetch->add_option("--base-url", args->source.baseUrl, "The API's base URL (default: its public one)");
    fetch->add_option("--token-file", args->source.tokenFile,
                      "Electricity Maps token file (default: $CARBONSCOPE_EM_TOKEN)");
    fetch->add_option("--endpoint", args->source.endpoint,
                      "Electricity Maps: past-range (default) or history (the last 24 hours, free tier)");
    fetch->add_option("--user", args->source.user, "WattTime user name (default: $CARBONSCOPE_WATTTIME_USER)");
    fetch->add_option("--password-file", args->source.passwordFile,
                      "WattTime password file (default: $CARBONSCOPE_WATTTIME_PASSWORD)");
    fetch->add_option("--min-gap-ms", args->minGapMs, "Least time between two requests (ms)")
        ->capture_default_str()->check(CLI::Range(0LL, 3600000LL));
    fetch->add_option("--attempts", args->attempts, "Attempts per request on 429, 5xx, timeouts")
        ->capture_default_str()->check(CLI::Range(1, 100));
    fetch->add_option("--timeout", args->timeout, "Seconds per request")->capture_default_str()->check(CLI::Range(1, 3600));
    fetch->add_option("--backoff-cap-ms", args->backoffCapMs, "Longest backoff between attempts (ms)")
        ->capture_default_str()->check(CLI::Range(0LL, 3600000LL));
    fetch->add_flag("--quiet", args->quiet, "No progress lines");
    fetch->callback([args] { runFetch(*args); });
}

} // namespace cs::cli
