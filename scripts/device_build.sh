#!/usr/bin/env bash
# Run ON THE DEVICE (the lent GPU machine) from the repository root: configures against the device's PyTorch
# LibTorch (CUDA) and builds the CLI, the GPU benchmark and the LibTorch engine module (libcarbonscope_torch.so,
# which both load at run time) into build-device/. Logs go to $OUT when set.
set -uo pipefail
OUT=${OUT:-/tmp/out}; mkdir -p "$OUT"
LOGS=/tmp/cs-build; mkdir -p "$LOGS"  # logs stay on the device unless a step fails (few files come back)
export NCCL_NVLS_ENABLE=0 TORCH_SYMM_MEM_DISABLE_MULTICAST=1 NVSHMEM_DISABLE_NVLS=1
TORCH_PREFIX=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
python3 -c 'import torch;print("torch", torch.__version__, "cuda", torch.version.cuda, "cxx11abi", torch._C._GLIBCXX_USE_CXX11_ABI, torch.cuda.get_device_name(0))'
nvidia-smi --query-gpu=name,power.limit,power.draw,temperature.gpu,clocks.sm --format=csv
# The device's own runtime libraries where it has them, else the copies scripts/device_prepare.sh carried; date-tz
# always the carried copy (Debian's, built with USE_OS_TZDB). Headers: .device/include.
systemLib() { local found; found=$(ldconfig -p | awk -v n="$1" '$1 == n {print $NF; exit}'); echo "${found:-$PWD/.device/lib/$1}"; }
SQLITE=$(systemLib libsqlite3.so.0); ZLIB=$(systemLib libz.so.1); ZSTD=$(systemLib libzstd.so.1)
DATE_TZ=$PWD/.device/lib/libdate-tz.so.3
echo "sqlite: $SQLITE  zlib: $ZLIB  zstd: $ZSTD  date-tz: $DATE_TZ"
NVCC=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
cmake -S . -B build-device -G Ninja -DCMAKE_BUILD_TYPE=Release -DCARBONSCOPE_GUI=OFF -DBUILD_TESTING=OFF \
    -DCARBONSCOPE_EXTRA_INCLUDE="$PWD/.device/include" -DSQLite3_INCLUDE_DIR="$PWD/.device/include" \
    -DSQLite3_LIBRARY="$SQLITE" -DZLIB_INCLUDE_DIR="$PWD/.device/include" -DZLIB_LIBRARY="$ZLIB" \
    -DCARBONSCOPE_ZSTD_INCLUDE="$PWD/.device/include" -DCARBONSCOPE_ZSTD_LIBRARY="$ZSTD" \
    -DCARBONSCOPE_DATE_INCLUDE="$PWD/.device/include" -DCARBONSCOPE_DATE_TZ_LIBRARY="$DATE_TZ" \
    -DCURL_INCLUDE_DIR="$PWD/.device/include" -DCURL_LIBRARY="$PWD/.device/lib/libcurl.so.4" \
    -DTBB_DIR="$PWD/.device/cmake/TBB" \
    -DCMAKE_PREFIX_PATH="$TORCH_PREFIX" -DTORCH_CUDA_ARCH_LIST=9.0 \
    -DCUDAToolkit_ROOT="$(dirname "$(dirname "$NVCC")")" > "$LOGS/configure.log" 2>&1 \
    || { tail -40 "$LOGS/configure.log"; exit 1; }
grep -i 'torch\|engine\|cuda' "$LOGS/configure.log" | head -20
ninja -C build-device -j16 bench_gpu_energy > "$LOGS/build.log" 2>&1 || { grep -B2 -A12 'error' "$LOGS/build.log" | head -80; exit 1; }
ninja -C build-device -j16 carbonscope-cli >> "$LOGS/build.log" 2>&1 || { grep -B2 -A12 'error' "$LOGS/build.log" | head -60; echo "CLI build failed (bench built)"; }
# The LibTorch engine is the module libcarbonscope_torch.so, built with both (they dlopen it from the build tree).
ls -la build-device/bench/gpu_energy/bench_gpu_energy build-device/app/carbonscope-cli \
    build-device/core/engine/libcarbonscope_torch.so 2>&1
[ -f build-device/core/engine/libcarbonscope_torch.so ] || { echo "LibTorch engine module not built"; exit 1; }
