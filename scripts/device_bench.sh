#!/usr/bin/env bash
# Run ON THE DEVICE after device_build.sh: the C++ engine against the PyTorch peers, in this one run, on the same
# NVML counter. Usage: device_bench.sh MODELS BATCHES CPP_VARIANTS PEER_IMPLS [SECONDS] [TAG]
set -uo pipefail
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1 PYTHONUNBUFFERED=1
MODELS=${1:-ResNet50}; BATCHES=${2:-1,64,256}; VARIANTS=${3:-cpp-eager,cpp-graph,cpp-fused}
IMPLS=${4:-eager,graph,compile}; SECONDS_=${5:-3}; TAG=${6:-bench}
B=build-device/bench/gpu_energy/bench_gpu_energy
timeout 400 $B --models "$MODELS" --batches "$BATCHES" --variants "$VARIANTS" --seconds "$SECONDS_" \
    > "$OUT/${TAG}_cpp.csv" 2> "$OUT/${TAG}_cpp.log"
cat "$OUT/${TAG}_cpp.csv"; tail -3 "$OUT/${TAG}_cpp.log"
timeout 400 python3 bench/gpu_energy/peers.py --models "$MODELS" --batches "$BATCHES" --impls "$IMPLS" \
    --seconds "$SECONDS_" > "$OUT/${TAG}_peers.csv" 2> "$OUT/${TAG}_peers.log"
cat "$OUT/${TAG}_peers.csv"; grep '^#' "$OUT/${TAG}_peers.log" | tail -5
python3 bench/gpu_energy/compare.py "$OUT/${TAG}_cpp.csv" "$OUT/${TAG}_peers.csv" | tee "$OUT/${TAG}_table.txt"
