#!/usr/bin/env bash
# Runs the fuzz targets (the importers, policy specs, CLI options, pool JSON) on a lent many-core machine that
# has no clang: the targets are built HERE (scripts/fuzz.sh build) and packed with scripts/device_fuzz_pack.sh
# into .device/fuzz.tgz, which the device call carries. Each target runs WORKERS processes side by side on one shared corpus for SECONDS.
#   scripts/device_fuzz.sh SECONDS [WORKERS] [TARGET=N,...]   (on the device; results under $OUT)
# WORKERS processes per target, or N for a target named in the list (more for the slower targets).
# Writes $OUT/fuzz_summary.txt (executions per process and per target, clean or not) and $OUT/fuzz_state.tgz
# (the grown corpora, the findings and each log's last lines), which device_fuzz_pack.sh folds into the next run.
set -uo pipefail
seconds="${1:?usage: device_fuzz.sh SECONDS [WORKERS]}"
workers="${2:-2}"
spec=",${3:-},"
workersOf() { local n; n=$(grep -o ",$1=[0-9]*," <<<"$spec" | grep -o '[0-9]*' || true); echo "${n:-$workers}"; }
out="${OUT:-/tmp/fuzz-out}"
root=/tmp/carbonscope-fuzz
rm -rf "$root" && mkdir -p "$root" "$out"
tar xzf .device/fuzz.tgz -C "$root"
export LD_LIBRARY_PATH="$root/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
targets=(ukci electricitymaps watttime csv_carbon csv_requests twitter azure_llm auto_detect policy_spec cli_args pool_json)

# LeakSanitizer needs ptrace-like access some containers refuse; then leaks are checked where the corpus is
# replayed (here after the run is packed back: scripts/fuzz.sh 0 over the grown corpus).
leaks=1
if ! ASAN_OPTIONS=detect_leaks=1 "$root/bin/fuzz_ukci" -runs=10 "$root/corpus/ukci" >"$root/lsan_probe.log" 2>&1; then
    grep -q "LeakSanitizer has encountered a fatal error" "$root/lsan_probe.log" && leaks=0
fi
export ASAN_OPTIONS="detect_leaks=$leaks:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

{
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    echo "glibc: $(ldd --version | head -1)"
    echo "leak detection: $leaks; $workers processes per target (${3:-no exceptions}), $seconds s each; started $(date -u +%FT%TZ)"
} >"$out/fuzz_summary.txt"

for t in "${targets[@]}"; do
    mkdir -p "$root/corpus/$t" "$root/findings/$t"
    for w in $(seq 1 "$(workersOf "$t")"); do
        "$root/bin/fuzz_$t" "$root/corpus/$t" "fuzz/corpus/$t" -seed="$(( (w * 7919 + ${#t} + $(date +%s)) % 2000000000 ))" \
            -max_total_time="$seconds" -reload=0 -max_len=65536 -rss_limit_mb=2048 -timeout=25 \
            -artifact_prefix="$root/findings/$t/" -print_final_stats=1 >"$root/${t}_$w.log" 2>&1 &
    done
done
wait

status=0
for t in "${targets[@]}"; do
    total=0
    line="$t:"
    for w in $(seq 1 "$(workersOf "$t")"); do
        log="$root/${t}_$w.log"
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
        rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$')
        total=$((total + ${runs:-0}))
        line="$line ${runs:-?} (${rate:-?}/s)"
        if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|deadly signal" "$log"; then
            line="$line FINDING"; status=1
        fi
    done
    findings=$(ls "$root/findings/$t" | wc -l)
    echo "$line = $total executions, corpus $(ls "$root/corpus/$t" | wc -l) inputs, findings $findings" \
        >>"$out/fuzz_summary.txt"
done
echo "ended $(date -u +%FT%TZ); $([ $status = 0 ] && echo 'all clean' || echo 'FINDINGS: see the logs')" >>"$out/fuzz_summary.txt"
for log in "$root"/*_[0-9]*.log; do tail -n 60 "$log" >"$log.tail"; done
tar czf "$out/fuzz_state.tgz" -C "$root" corpus findings $(cd "$root" && ls *.tail)
cat "$out/fuzz_summary.txt"
exit $status
