#!/usr/bin/env bash
# Cold start A/B: bench_gui part 3's measurement (process start to exit right after the first plot is painted,
# default scenario) for this build's GUI and for another GUI binary (an earlier build), with bench_gui's peer
# (carbonscope-cli compare on the same data) measured in the same rounds, alternating so load hits all three alike.
# Usage: bench/gui/coldstart_ab.sh OTHER_GUI [ROUNDS] [SCREEN_JSON]
#   OTHER_GUI    an earlier build's carbonscope executable (the "before")
#   ROUNDS       rounds of the three (default 9); the medians are printed
#   SCREEN_JSON  an offscreen screen (Qt's offscreen configfile); default: offscreen's own 800x600
# Each run gets a settings folder of its own, so no run restores a layout another saved.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BUILD_DIR:-$root/build}"
other="${1:?usage: coldstart_ab.sh OTHER_GUI [ROUNDS] [SCREEN_JSON]}"
rounds="${2:-9}"
platform=offscreen
[ -n "${3:-}" ] && platform="offscreen:configfile=$3"
gui="$build/app/carbonscope/carbonscope"
cli="$build/app/carbonscope-cli/carbonscope-cli"
[ -x "$cli" ] || cli="$build/app/carbonscope-cli"
data="$root/data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ms NAME CMD...: runs CMD once in a fresh settings folder, appends its wall time (ms) to $work/NAME, and for the
# GUIs its own "start to first plot painted" figure to $work/NAME.inapp. A failed run is reported and not counted.
ms() {
    local name="$1"
    shift
    local config out start end
    config="$(mktemp -d -p "$work")"
    start=$EPOCHREALTIME
    if ! out="$(XDG_CONFIG_HOME="$config" QT_QPA_PLATFORM="$platform" "$@" 2>&1)"; then
        echo "coldstart_ab: $name failed: $(tail -n 2 <<<"$out")" >&2
        return 0
    fi
    end=$EPOCHREALTIME
    echo "$(((${end/./} - ${start/./}) / 1000))" >>"$work/$name"
    sed -n 's/^start to first plot painted: \([0-9.]*\) ms.*/\1/p' <<<"$out" >>"$work/$name.inapp"
}

median() { [ -s "$1" ] && sort -n "$1" | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}' || echo "-"; }

for ((i = 0; i < rounds; i++)); do
    ms this "$gui" --default-scenario --print-start-time
    ms other "$other" --default-scenario --print-start-time
    ms cli "$cli" compare --carbon "$data/carbon_south_west_england_2023-06.csv" \
        --requests "$data/requests_wikipedia_en_2023-06.csv" --pool paper --policy heuristic \
        --policy heuristic:printed --policy heuristic:daily --baseline ResNet50 >/dev/null
done
echo "cold start, $rounds rounds, platform $platform, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  this build:  process median $(median "$work/this") ms, main() to first plot painted $(median "$work/this.inapp") ms"
echo "  other build: process median $(median "$work/other") ms, main() to first plot painted $(median "$work/other.inapp") ms"
echo "  peer carbonscope-cli compare: process median $(median "$work/cli") ms"
