#!/usr/bin/env bash
# Builds the fuzz targets with clang (libFuzzer, ASan + UBSan) and runs each for SECONDS: one per importer, the
# policy-spec parser (policy_spec), the CLI's option parser (cli_args) and the pool JSON reader (pool_json).
#   scripts/fuzz.sh SECONDS [TARGET...]     fuzz each target (all by default) for SECONDS
#   scripts/fuzz.sh 0 [TARGET...]           run each target once over its seed corpus only (what CTest does)
#   scripts/fuzz.sh build                   only build the targets
# Seeds: fuzz/corpus/<target>/ (excerpts of the real samples). New inputs go to $FUZZ_BUILD/corpus/<target>/,
# findings to $FUZZ_BUILD/findings/<target>/. Needs: clang, libclang-rt-14-dev (Debian 12), cmake, ninja.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}"
shift || true
build="${FUZZ_BUILD:-$here/build-fuzz}"
all=(ukci electricitymaps watttime csv_carbon csv_requests twitter azure_llm auto_detect policy_spec cli_args pool_json)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

if ! command -v clang++ >/dev/null; then
    echo "fuzz.sh: clang++ not found (apt-get install -y clang libclang-rt-14-dev)" >&2
    exit 2
fi
cmake -S "$here/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" -j "${FUZZ_JOBS:-2}" $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null
[ "$seconds" = build ] && exit 0

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for t in "${targets[@]}"; do
    exe="$build/fuzz_$t"
    seeds="$here/fuzz/corpus/$t"
    if [ "$seconds" = 0 ]; then
        # Every seed once; a crash, leak or UB report fails the run.
        if "$exe" -runs=0 "$seeds" >"$build/fuzz_$t.corpus.log" 2>&1; then
            echo "fuzz_$t: corpus of $(ls "$seeds" | wc -l) inputs ran clean"
        else
            echo "fuzz_$t: FAILED on its corpus, see $build/fuzz_$t.corpus.log"; status=1
        fi
        continue
    fi
    work="$build/corpus/$t"
    findings="$build/findings/$t"
    mkdir -p "$work" "$findings"
    log="$build/fuzz_$t.log"
    if "$exe" "$work" "$seeds" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=25 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1; then
        result="clean"
    else
        result="FINDING (see $log and $findings)"; status=1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
    echo "fuzz_$t: $runs executions in ${seconds} s ($speed/s), $cov, $result"
done
exit $status
