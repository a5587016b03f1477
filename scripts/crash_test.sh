#!/usr/bin/env bash
# Crash consistency: an import killed with SIGKILL at N random moments (default 50) must leave a project that
# opens, passes PRAGMA integrity_check, and holds exactly what it held before that import (or, where the kill
# came after the import's COMMIT, while the process was still closing, exactly what a whole import leaves;
# such kills are counted apart and not towards N). Never anything in between.
#   scripts/crash_test.sh [KILLS] [CLI]      CLI defaults to build/app/carbonscope-cli
# The import is a SYNTHETIC Twitter-format trace (bench/import/gen_twitter_trace.py, ~100 MB in /tmp) counted per
# second, so that the import writes rows (and spills pages to the WAL) all along, not only at its commit.
# Needs the sqlite3 shell and python3 with numpy.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
kills_wanted="${1:-50}"
cli="${2:-$here/build/app/carbonscope-cli}"
data="$here/../shared/data"
work="$(mktemp -d /tmp/carbonscope_crash.XXXXXX)"
trap 'rm -rf "$work"' EXIT
trace="${CRASH_TRACE:-/tmp/carbonscope_crash_trace.csv}"
[ -f "$trace" ] || "${PYTHON:-/usr/bin/python3}" "$here/bench/import/gen_twitter_trace.py" "$trace" --size-gb 0.1 >/dev/null

db="$work/project é.csdb"
# What the project holds before: a real carbon series (or a generated one where ../shared/data is absent).
if [ -f "$data/neso_regional_ci_south_west_england_2023-06.csv" ]; then
    "$cli" import carbon "$data/neso_regional_ci_south_west_england_2023-06.csv" --db "$db" --name before >/dev/null
else
    printf 'time,value\n2023-06-01T00:00Z,100\n2023-06-01T00:30Z,200\n' >"$work/c.csv"
    "$cli" import carbon "$work/c.csv" --db "$db" --name before >/dev/null
fi
# Every row of every table, less the creation times (a second import would differ only there).
snapshot() {
    sqlite3 "$1" "SELECT id, name, region, source, unit, interval_s, provenance FROM carbon_series ORDER BY id;
                  SELECT * FROM carbon_points ORDER BY series_id, t;
                  SELECT id, name, source, unit, interval_s, provenance FROM request_series ORDER BY id;
                  SELECT * FROM request_points ORDER BY series_id, t;
                  SELECT * FROM pools; SELECT * FROM models; SELECT * FROM scenarios;" | sha256sum | cut -d' ' -f1
}
cp "$db" "$work/pristine.csdb"
expected="$(snapshot "$db")"

# How long one whole import takes here, to spread the kill moments over it.
cp "$work/pristine.csdb" "$work/timing.csdb"
t0=$(date +%s.%N)
"$cli" import requests "$trace" --db "$work/timing.csdb" --start 2020-03-01T00:00Z --interval 1 --name new >/dev/null
duration=$(echo "$(date +%s.%N) - $t0" | bc)
whole="$(snapshot "$work/timing.csdb")"
echo "one full import takes ${duration} s; killing at random moments within it"

kills=0 finished=0 committed=0 attempts=0
while [ "$kills" -lt "$kills_wanted" ]; do
    attempts=$((attempts + 1))
    delay=$(python3 -c "import random; print(f'{random.uniform(0.02, $duration * 0.98):.3f}')")
    "$cli" import requests "$trace" --db "$db" --start 2020-03-01T00:00Z --interval 1 --name new >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    if kill -KILL "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null || true
        kills=$((kills + 1))
    else
        # It finished before the kill: put the project back and try again (not counted).
        wait "$pid" 2>/dev/null || true
        finished=$((finished + 1))
        rm -f "$db" "$db-wal" "$db-shm"
        cp "$work/pristine.csdb" "$db"
        continue
    fi
    check="$(sqlite3 "$db" 'PRAGMA integrity_check')"
    if [ "$check" != "ok" ]; then
        echo "kill $kills at ${delay} s: integrity_check says: $check"; exit 1
    fi
    if ! "$cli" list --db "$db" >/dev/null; then
        echo "kill at ${delay} s: carbonscope-cli list cannot open the project"; exit 1
    fi
    state="$(snapshot "$db")"
    if [ "$state" = "$whole" ]; then
        # Killed after its COMMIT: the import is whole. Not counted; back to the project as it was.
        kills=$((kills - 1))
        committed=$((committed + 1))
        rm -f "$db" "$db-wal" "$db-shm"
        cp "$work/pristine.csdb" "$db"
        continue
    fi
    if [ "$state" != "$expected" ]; then
        echo "kill $kills at ${delay} s: the project holds neither what it held before nor a whole import"; exit 1
    fi
done
echo "crash test: $kills SIGKILLs during imports, each rolled back ($committed more landed after the COMMIT and left the"
echo "whole import; $finished imports finished before their kill; neither counted);"
echo "every time the project opened, passed PRAGMA integrity_check and held exactly what it held before"
