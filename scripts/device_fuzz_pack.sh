#!/usr/bin/env bash
# Run HERE: builds the fuzz targets (clang, ASan + UBSan) and packs them for scripts/device_fuzz.sh into
# .device/fuzz.tgz (git-ignored), with the libraries they load and the corpora grown so far.
#   scripts/device_fuzz_pack.sh [STATE.tgz...]    fold the corpora of earlier device runs (their fuzz_state.tgz) in
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${FUZZ_BUILD:-$here/build-fuzz}"
FUZZ_BUILD="$build" "$here/scripts/fuzz.sh" build
pack="$(mktemp -d)"
trap 'rm -rf "$pack"' EXIT
mkdir -p "$pack/bin" "$pack/lib" "$pack/corpus"
cp "$build"/fuzz_* "$pack/bin/" && rm -f "$pack"/bin/*.log
strip --strip-debug "$pack"/bin/fuzz_*   # names stay for stack traces; the pack must travel (64 MiB per call)
# Every library the targets load beyond the C and C++ runtimes (sqlite3, zlib, zstd, date-tz).
ldd "$pack/bin/fuzz_ukci" | awk '/=> \// {print $3}' | grep -vE '/(libc|libm|libstdc\+\+|libgcc_s|ld-linux)[.-]' \
    | while read -r lib; do cp -L "$lib" "$pack/lib/"; done
for needed in libsqlite3 libz.so libzstd libdate-tz; do # the device has no date-tz at all
    ls "$pack/lib" | grep -q "^$needed" || { echo "fuzz pack: $needed not found among the targets' libraries"; exit 1; }
done
for state in "$@"; do
    tmp="$(mktemp -d)"
    tar xzf "$state" -C "$tmp" corpus
    cp -rn "$tmp/corpus/." "$pack/corpus/"
    rm -rf "$tmp"
done
[ -d "$build/corpus" ] && cp -rn "$build/corpus/." "$pack/corpus/"
mkdir -p "$here/.device"
tar czf "$here/.device/fuzz.tgz" -C "$pack" .
echo "packed $(du -h "$here/.device/fuzz.tgz" | cut -f1): $(find "$pack/corpus" -type f | wc -l) corpus inputs"
