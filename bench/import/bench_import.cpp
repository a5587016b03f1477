// Imports a Twitter-format request trace (>= 1 GB, SYNTHETIC: bench/import/gen_twitter_trace.py) as 30-min counts
// into a project database, and measures in the same run the same job done by two peers:
//   sqlite3 shell: .import of the CSV into a table, then CREATE TABLE ... AS SELECT ts/1800, count(*) GROUP BY;
//   pandas: read_csv (only the timestamp column: its fastest form) + groupby(ts // 1800).size().
// Prints MB/s (1 MB = 10^6 bytes of the file) and the ratios, and checks that all three count the same. Several
// traces (a high-rate and a low-rate one: gen_twitter_trace.py --rate 2) are measured one after the other, with a
// summary at the end: the importer's speed must not depend on the request rate.
//
// usage: bench_import TRACE... [WORKDIR] [--no-peers] [--no-pandas]
//        (a WORKDIR is any argument that is not a file; PYTHON=/usr/bin/python3 and SQLITE3=sqlite3 by default)
#include "import_runner.h"
#include "project_store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Outcome
{
    double seconds = 0;
    double cpuSeconds = 0; // user + system CPU time of the work (ours: this process; peers: the child processes)
    long long bins = -1;
    long long requests = -1;
};

double cpuTime(int who)
{
    rusage u{};
    getrusage(who, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
           + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double since(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Runs a shell command, timing it; its last output line holds "bins requests".
Outcome timedCommand(const std::string &command, const fs::path &outFile)
{
    Outcome o;
    const double cpu0 = cpuTime(RUSAGE_CHILDREN);
    const auto t0 = Clock::now();
    const int rc = std::system((command + " > '" + outFile.string() + "'").c_str());
    o.seconds = since(t0);
    o.cpuSeconds = cpuTime(RUSAGE_CHILDREN) - cpu0;
    if (rc != 0) {
        std::fprintf(stderr, "peer failed (status %d): %s\n", rc, command.c_str());
        o.seconds = -1;
        return o;
    }
    std::ifstream in(outFile);
    std::string line, last;
    while (std::getline(in, line))
        if (!line.empty())
            last = line;
    std::sscanf(last.c_str(), "%lld%*[ ,|]%lld", &o.bins, &o.requests);
    return o;
}

const char *env(const char *name, const char *fallback)
{
    const char *v = std::getenv(name);
    return v && *v ? v : fallback;
}

// One trace: ours and the peers, a table, and whether all counted the same.
struct TraceOutcome
{
    double mb = 0;
    Outcome ours, shell, pandas;
    bool agree = false;
};

TraceOutcome benchTrace(const fs::path &trace, const fs::path &work, bool peers, bool withPandas)
{
    TraceOutcome out;
    const double mb = static_cast<double>(fs::file_size(trace)) / 1e6;
    out.mb = mb;
    std::printf("trace: %s, %.1f MB (SYNTHETIC Twitter-format data from gen_twitter_trace.py)\n", trace.c_str(), mb);
    std::printf("job: count requests per 30 min and store the counts in an SQLite file\n");
    std::printf("machine: %u hardware threads, load average at start: ", std::thread::hardware_concurrency());
    {
        std::ifstream load("/proc/loadavg");
        std::string l;
        std::getline(load, l);
        std::printf("%s\n", l.c_str());
    }
    std::printf("(wall time, and CPU time = user + system of the work: on a shared machine the CPU figure is the\n"
                " one-core rate)\n\n%-34s %10s %14s %10s %14s\n", "", "wall", "wall rate", "CPU", "CPU rate");

    // CarbonScope.
    Outcome ours;
    {
        const fs::path db = work / "carbonscope.csdb";
        fs::remove(db);
        fs::remove(db.string() + "-wal");
        fs::remove(db.string() + "-shm");
        const double cpu0 = cpuTime(RUSAGE_SELF);
        const auto t0 = Clock::now();
        cs::ProjectStore store = cs::ProjectStore::open(db.string());
        cs::ImportOptions o;
        o.kind = cs::SeriesKind::Requests;
        o.format = "twitter";
        o.name = "bench";
        o.start = 1583020800; // 2020-03-01T00:00Z, an arbitrary anchor for the synthetic trace
        o.intervalSeconds = 1800;
        const cs::ImportResult r = cs::ImportRunner::importFile(store, trace.string(), o);
        ours.seconds = since(t0);
        ours.cpuSeconds = cpuTime(RUSAGE_SELF) - cpu0;
        const cs::TimeSeries ts = store.loadRequestSeries("bench");
        ours.bins = static_cast<long long>(ts.size());
        double total = 0;
        for (double v : ts.values)
            total += v;
        ours.requests = static_cast<long long>(total);
        std::printf("%-34s %8.2f s %9.1f MB/s  %8.2f s %9.1f MB/s   %lld bins, %lld requests (%lld lines)\n",
                    "CarbonScope import (1 thread)", ours.seconds, mb / ours.seconds, ours.cpuSeconds,
                    mb / ours.cpuSeconds, ours.bins, ours.requests, r.rows);
    }
    out.ours = ours;
    if (!peers) {
        std::printf("\n");
        return out;
    }

    // sqlite3 shell.
    Outcome shell;
    {
        const fs::path db = work / "sqlite3_shell.db";
        fs::remove(db);
        const fs::path script = work / "sqlite3_script.sql";
        std::ofstream s(script);
        s << "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n"
             "CREATE TABLE t(ts INTEGER, key TEXT, key_size INTEGER, value_size INTEGER, client INTEGER, op TEXT,"
             " ttl INTEGER);\n"
          << ".import --csv '" << trace.string() << "' t\n"
          << "CREATE TABLE counts AS SELECT ts / 1800 AS bin, count(*) AS n FROM t GROUP BY bin;\n"
             "SELECT count(*), sum(n) FROM counts;\n";
        s.close();
        shell = timedCommand(std::string(env("SQLITE3", "sqlite3")) + " '" + db.string() + "' < '" + script.string() + "'",
                             work / "sqlite3_out.txt");
        std::printf("%-34s %8.2f s %9.1f MB/s  %8.2f s %9.1f MB/s   %lld bins, %lld requests\n",
                    "sqlite3 shell .import + GROUP BY", shell.seconds, mb / shell.seconds, shell.cpuSeconds,
                    mb / shell.cpuSeconds, shell.bins, shell.requests);
        fs::remove(db);
    }

    // pandas.
    Outcome pandas;
    if (withPandas) {
        const fs::path py = work / "pandas_peer.py";
        std::ofstream s(py);
        s << "import sqlite3, sys\nimport pandas as pd\n"
             "df = pd.read_csv(sys.argv[1], header=None, usecols=[0], names=['ts'], dtype={'ts': 'int64'})\n"
             "counts = df.groupby(df.ts // 1800).size()\n"
             "con = sqlite3.connect(sys.argv[2])\n"
             "counts.rename('n').to_frame().to_sql('counts', con, if_exists='replace')\n"
             "con.commit()\n"
             "print(len(counts), int(counts.sum()))\n";
        s.close();
        const fs::path db = work / "pandas.db";
        fs::remove(db);
        pandas = timedCommand(std::string(env("PYTHON", "/usr/bin/python3")) + " '" + py.string() + "' '" + trace.string()
                                  + "' '" + db.string() + "'",
                              work / "pandas_out.txt");
        std::printf("%-34s %8.2f s %9.1f MB/s  %8.2f s %9.1f MB/s   %lld bins, %lld requests\n",
                    "pandas read_csv(ts) + groupby", pandas.seconds, mb / pandas.seconds, pandas.cpuSeconds,
                    mb / pandas.cpuSeconds, pandas.bins, pandas.requests);
    }

    std::printf("\n");
    if (shell.seconds > 0)
        std::printf("ratio vs sqlite3 shell: %.1fx wall, %.1fx CPU (goal >= 20x)\n", shell.seconds / ours.seconds,
                    shell.cpuSeconds / ours.cpuSeconds);
    if (pandas.seconds > 0)
        std::printf("ratio vs pandas:        %.1fx wall, %.1fx CPU (goal >= 5x)\n", pandas.seconds / ours.seconds,
                    pandas.cpuSeconds / ours.cpuSeconds);
    std::printf("CarbonScope: %.0f MB/s wall, %.0f MB/s per CPU-second (goal >= 1000 MB/s on one core)\n",
                mb / ours.seconds, mb / ours.cpuSeconds);
    // The synthetic trace has no empty 30-min bin, so the peers' GROUP BY bins equal ours.
    const bool agree = shell.requests == ours.requests && shell.bins == ours.bins
                       && (!withPandas || (pandas.requests == ours.requests && pandas.bins == ours.bins));
    std::printf("results agree: %s\n\n", agree ? "yes" : "NO");
    out.shell = shell;
    out.pandas = pandas;
    out.agree = agree;
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<fs::path> traces;
    fs::path work = fs::temp_directory_path() / "bench_import";
    bool peers = true, withPandas = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--no-peers")
            peers = false;
        else if (a == "--no-pandas")
            withPandas = false;
        else if (fs::is_regular_file(a))
            traces.push_back(fs::absolute(a));
        else
            work = a;
    }
    if (traces.empty()) {
        std::fprintf(stderr, "usage: bench_import TRACE... [WORKDIR] [--no-peers] [--no-pandas]\n"
                             "make traces with bench/import/gen_twitter_trace.py /tmp/twitter_synthetic_1gb.csv, and\n"
                             "gen_twitter_trace.py /tmp/twitter_low_rate.csv --size-gb 0.3 --rate 2 (low rate)\n");
        return 2;
    }
    fs::create_directories(work);
    std::vector<TraceOutcome> outcomes;
    for (const fs::path &trace : traces)
        outcomes.push_back(benchTrace(trace, work, peers, withPandas));
    bool allAgree = true;
    std::printf("summary (one thread; goal on every trace: >= 1000 MB/s and >= 20x the sqlite3 shell)\n");
    for (std::size_t i = 0; i < traces.size(); ++i) {
        const TraceOutcome &o = outcomes[i];
        std::printf("  %-40s %6.1f requests/s of trace: %7.0f MB/s wall, %7.0f MB/s CPU", traces[i].filename().c_str(),
                    o.ours.requests / std::max(1.0, o.ours.bins * 1800.0), o.mb / o.ours.seconds, o.mb / o.ours.cpuSeconds);
        if (peers && o.shell.seconds > 0)
            std::printf(";  vs sqlite3 shell %.1fx wall, %.1fx CPU", o.shell.seconds / o.ours.seconds,
                        o.shell.cpuSeconds / o.ours.cpuSeconds);
        std::printf("\n");
        allAgree = allAgree && (!peers || o.agree);
    }
    return allAgree ? 0 : 1;
}
