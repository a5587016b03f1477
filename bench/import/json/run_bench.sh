#!/usr/bin/env bash
# JSON import benchmark: a SYNTHETIC UK Carbon Intensity national response of about MB megabytes (written by
# gen_ukci_json.py), imported by carbonscope-cli; time, CPU and peak RSS (/usr/bin/time -v) of each CLI given,
# run one after the other in the same run, and each database checked against the generator's own sums.
#   bench/import/json/run_bench.sh NEW_CLI [OLD_CLI] [MB] [national|regional]
# OLD_CLI is a build of an earlier revision (e.g. `git worktree add /tmp/json-old <rev>` and build it there), the
# peer it is compared with. Files go to ${BENCH_DIR:-/tmp}; the JSON is kept for the next run.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
new="${1:?usage: run_bench.sh NEW_CLI [OLD_CLI] [MB] [national|regional]}"
old="${2:-}"
mb="${3:-500}"
shape="${4:-national}"
dir="${BENCH_DIR:-/tmp}"
json="$dir/ukci_synthetic_${shape}_${mb}mb.json"
sums="$json.sums"
if [ ! -s "$json" ] || [ ! -s "$sums" ]; then
    python3 "$here/gen_ukci_json.py" "$json" --mb "$mb" --shape "$shape" 2>"$sums"
fi
echo "input: $json ($(stat -c %s "$json") bytes, SYNTHETIC); generator: $(cat "$sums")"
bytes=$(stat -c %s "$json")

run() { # label cli
    local label="$1" cli="$2" db="$dir/bench_json_$1.csdb" log="$dir/bench_json_$1.time"
    rm -f "$db" "$db-wal" "$db-shm"
    /usr/bin/time -v "$cli" import carbon "$json" --db "$db" --format ukci --name s >/dev/null 2>"$log"
    local wall cpu rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    local check
    check=$(sqlite3 "$db" "SELECT count(*) || ' points, forecast sum ' || CAST(total(forecast) AS INTEGER) || ', actual sum ' || CAST(total(actual) AS INTEGER) FROM carbon_points")
    printf '%-12s wall %7.2f s  %7.1f MB/s   CPU %7.2f s  %7.1f MB/s   peak RSS %8.1f MB   %s\n' "$label" "$wall" \
        "$(echo "$bytes / 1000000 / $wall" | bc -l)" "$cpu" "$(echo "$bytes / 1000000 / $cpu" | bc -l)" \
        "$(echo "$rss / 1024" | bc -l)" "$check"
    eval "${label}_wall=$wall ${label}_cpu=$cpu ${label}_rss=$rss"
    rm -f "$db" "$db-wal" "$db-shm"
}

run new "$new"
if [ -n "$old" ]; then
    run old "$old"
    printf 'new vs old: %.2fx wall, %.2fx CPU (above 1: new faster); peak RSS %.1f MB vs %.1f MB (%.0fx less)\n' \
        "$(echo "$old_wall / $new_wall" | bc -l)" "$(echo "$old_cpu / $new_cpu" | bc -l)" \
        "$(echo "$new_rss / 1024" | bc -l)" "$(echo "$old_rss / 1024" | bc -l)" "$(echo "$old_rss / $new_rss" | bc -l)"
fi
