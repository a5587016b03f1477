#!/usr/bin/env bash
# Run ON THE DEVICE after device_build.sh: profiles the pool (Table 1 on this GPU) into a pool JSON and a project
# file, then runs a live session driven by the South West England trace, sped up, recorded into the project.
# Usage: device_profile_live.sh [PROFILE_SECONDS] [LIVE_SECONDS] [SPEEDUP] [RATE]
set -uo pipefail
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
CLI=build-device/app/carbonscope-cli
DB=$OUT/live_h100.csdb
rm -f "$DB"
timeout 300 build-device/bench/gpu_energy/bench_gpu_energy --check AlexNet,VGG16,VGG19,ResNet18,ResNet34,ResNet50,ResNet101,ResNet152 \
    > "$OUT/check.csv" 2>> "$OUT/logs.txt"; cat "$OUT/check.csv"
timeout 300 $CLI profile --models all --batch 1,64 --dtype fp32,fp16 --seconds "${1:-2}" --json \
    --out "$OUT/pool_h100.json" --db "$DB" --pool-name "H100 profiled (fp16, batch 64)" --pool-dtype fp16 \
    > "$OUT/profile.json" 2>> "$OUT/logs.txt"
tail -5 "$OUT/logs.txt"
python3 -c "
import json; j=json.load(open('$OUT/profile.json'))
print(j['device'], '|', j['meter'], '| idle W', j['idle_watts'])
for r in j['rows']: print(f\"{r['model']:10} {r['dtype']} b{r['batch']:<4} {r['mj_per_image']:9.2f} mJ  p50 {r['p50_ms']:8.3f} ms  p99 {r['p99_ms']:8.3f} ms  {r['images_per_s']:9.0f} img/s  {r['mean_watts']:6.0f} W\")
"
POOL=$OUT/pool_h100.json; [ -s "$POOL" ] || POOL=paper
timeout 400 $CLI live --db "$DB" --carbon replay data/carbon_south_west_england_2023-06.csv \
    --requests data/requests_wikipedia_en_2023-06.csv --speedup "${3:-3600}" --policy heuristic --pool "$POOL" \
    --dtype fp16 --duration "${2:-120}" --rate "${4:-3000}" --max-batch 64 --label "H100 live, South West England June 2023" \
    > "$OUT/live.txt" 2>> "$OUT/logs.txt"
tail -4 "$OUT/logs.txt"; head -3 "$OUT/live.txt"; tail -6 "$OUT/live.txt"
ls -la "$OUT"
