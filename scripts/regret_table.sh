#!/usr/bin/env bash
# Regret table of the online policies (issue 17): for each scenario, every policy's regret against the exact split
# optimum at the error it reaches, as "regret % (error %)", in Markdown. ResNet pool.
#   scripts/regret_table.sh [CLI] [SHARED_DATA]
# Scenarios: the default one (South West England, June 2023, Wikipedia requests); GB national 2023 (30 min
# actual with its day-ahead forecast, Wikipedia requests: hourly); the eight Electricity Maps zones for
# 2021-2024 (hourly, life-cycle intensity) with the Wikipedia requests of the same year. The Wikipedia trace
# ends with 2023, so the 2024 rows have one request per interval. The forecast policies need a forecast
# column: only GB national has one ("-" elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
CLI=${1:-build/app/carbonscope-cli}
SHARED=${2:-../shared/data}
WIKI=$SHARED/wikipedia_en_requests_hourly_2020-2023.csv
POLICIES=(heuristic online:window=7d forecast online:price forecast:price)

row() { # name, then optimize's arguments
    local name=$1; shift
    local args=()
    for p in "${POLICIES[@]}"; do
        if [[ $p == forecast* && $name != "GB national 2023" ]]; then continue; fi
        args+=(--policy "$p")
    done
    "$CLI" optimize "$@" --pool resnets "${args[@]}" --json 2>/dev/null |
        python3 -c '
import json, sys
name, policies = sys.argv[1], sys.argv[2:]
got = {r["policy"]: r for r in json.load(sys.stdin)}
def cell(p):
    r = next((got[k] for k in got if k == p or k.startswith(p + ":")), None)
    return "-" if r is None else "%.2f (%.2f)" % (r["regret_vs_split_pct"], r["error_pct"])
print("| " + name + " | " + " | ".join(cell(p) for p in policies) + " |")' "$name" "${POLICIES[@]}"
}

echo "| scenario | heuristic (hindsight) | online:window=7d | forecast | online:price | forecast:price |"
echo "|---|---|---|---|---|---|"
row "default (SW England 2023-06)" --carbon data/carbon_south_west_england_2023-06.csv \
    --requests data/requests_wikipedia_en_2023-06.csv
row "GB national 2023" --carbon "$SHARED/gb_national_carbon_intensity_2023.csv" --requests "$WIKI"
for zone in GB DE-LU US-CAL-CISO US-TEX-ERCO US-NY-NYIS CA-ON AU-NSW ZA; do
    for year in 2021 2022 2023 2024; do
        requests=(--requests "$WIKI")
        [[ $year == 2024 ]] && requests=()
        row "$zone $year" --carbon "$SHARED/electricitymaps_zones_2021-2024/${zone}_${year}_hourly.csv" "${requests[@]}"
    done
done
