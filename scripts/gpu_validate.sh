#!/usr/bin/env bash
# Run ON THE LENT GPU MACHINE (after scripts/gpu_validate_prepare.sh here): issue #16's validation, one stage a call
# so that each fits the 10-minute limit; results go to $OUT as they come.
#   gpu_validate.sh build      configure against the device's LibTorch, build the engine module, live_validation
#                              and bench_gpu_energy
#   gpu_validate.sh profile    load curves of the ResNets (fp16) -> $OUT/pool_curves.json, profile.csv
#   gpu_validate.sh sessions   live sessions at 1..90 % of capacity, predicted against measured -> sessions.csv
#   gpu_validate.sh peers      the C++ engine against the PyTorch peers at their best (pipelined, both compile
#                              modes) -> peers_table.txt
set -uo pipefail
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1 PYTHONUNBUFFERED=1
D=$PWD/.device
B=build-device
stage=${1:-build}
case $stage in
build)
    nvidia-smi --query-gpu=name,power.limit,power.draw,temperature.gpu --format=csv | tee "$OUT/gpu.txt"
    TORCH_PREFIX=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
    SQLITE=$(ldconfig -p | awk '/libsqlite3\.so\.0 /{print $NF; exit}'); [ -n "$SQLITE" ] || SQLITE=$D/lib/libsqlite3.so.0
    NVCC=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
    cmake -S . -B $B -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARBONSCOPE_GUI=OFF -DBUILD_TESTING=OFF \
        -DCARBONSCOPE_EXTRA_INCLUDE="$D/include" -DSQLite3_INCLUDE_DIR="$D/include" -DSQLite3_LIBRARY="$SQLITE" \
        -DZLIB_INCLUDE_DIR="$D/include" -DZLIB_LIBRARY="$D/lib/libz.so.1" \
        -DCARBONSCOPE_ZSTD_INCLUDE="$D/include" -DCARBONSCOPE_ZSTD_LIBRARY="$D/lib/libzstd.so.1" \
        -DCARBONSCOPE_DATE_INCLUDE="$D/include" -DCARBONSCOPE_DATE_TZ_LIBRARY="$D/lib/libdate-tz.so.3" \
        -DCURL_INCLUDE_DIR="$D/include" -DCURL_LIBRARY="$D/lib/libcurl.so.4" -DTBB_DIR="$D/cmake/TBB" \
        -DCMAKE_PREFIX_PATH="$TORCH_PREFIX" -DTORCH_CUDA_ARCH_LIST=9.0 \
        -DCUDAToolkit_ROOT="$(dirname "$(dirname "$NVCC")")" > "$OUT/configure.log" 2>&1 \
        || { tail -40 "$OUT/configure.log"; exit 1; }
    ninja -C $B -j16 carbonscope_torch live_validation bench_gpu_energy > "$OUT/build.log" 2>&1 \
        || { grep -B2 -A12 'error' "$OUT/build.log" | head -80; exit 1; }
    ls -la $B/core/engine/libcarbonscope_torch.so $B/bench/live_validation/live_validation
    ;;
profile)
    $B/bench/live_validation/live_validation profile --out "$OUT" --dtype fp16 --seconds "${2:-4}" 2>&1 \
        | tee "$OUT/profile.log"
    ;;
sessions)
    # The default scenario as a feed: the half-hourly South West England intensity with the hourly Wikipedia
    # request counts relative to their mean; a day from noon of 2023-06-05 (dirty evening, clean night).
    python3 - "$OUT/feed.csv" <<'PY'
import csv, sys
carbon = list(csv.reader(open("data/carbon_south_west_england_2023-06.csv")))[1:]
req = {r[0][:13]: float(r[1]) for r in list(csv.reader(open("data/requests_wikipedia_en_2023-06.csv")))[1:]}
mean = sum(req.values()) / len(req)
with open(sys.argv[1], "w") as f:
    for t, v in carbon:
        f.write(f"{t}Z,{v},{req.get(t[:13].replace('T', ' '), mean) / mean:.6f}\n")
PY
    $B/bench/live_validation/live_validation sessions --out "$OUT" --pool "${POOL:-$OUT/pool_curves.json}" \
        --feed "$OUT/feed.csv" --skip 216 --intervals "${2:-24}" --interval-wall 0.5 --dtype fp16 \
        --rates "${RATES:-1,3,10,30,90}" 2>&1 | tee "$OUT/sessions.log"
    ;;
peers)
    timeout 280 $B/bench/gpu_energy/bench_gpu_energy --models ResNet50 --batches 1,64,256 \
        --variants cpp-eager,cpp-graph,cpp-fused --seconds 3 > "$OUT/peers_cpp.csv" 2> "$OUT/peers_cpp.log"
    timeout 300 python3 bench/gpu_energy/peers.py --models ResNet50 --batches 1,64,256 \
        --impls graph,compile,compile-ro --sync-every 20 --seconds 3 > "$OUT/peers_torch.csv" 2> "$OUT/peers_torch.log"
    python3 bench/gpu_energy/compare.py "$OUT/peers_cpp.csv" "$OUT/peers_torch.csv" | tee "$OUT/peers_table.txt"
    ;;
esac
