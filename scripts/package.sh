#!/usr/bin/env bash
# Builds the Debian package build/carbonscope_VERSION-1_ARCH.deb: the app, the CLI, their man pages and completion,
# and the LibTorch module where LibTorch is found (cmake/packaging.cmake says what goes where). Then:
#   sudo apt install ./build/carbonscope_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test # the LibTorch module for live mode, dpkg-shlibdeps
if [ ! -f build/CMakeCache.txt ]; then
    cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
targets=(carbonscope carbonscope-cli carbonscope_help)
# The module when this build makes it (it is what live mode loads).
if cmake --build build --target help | grep -q '^carbonscope_torch:'; then
    targets+=(carbonscope_torch)
fi
build() {
    if command -v csbuild >/dev/null; then csbuild "$@"; else cmake --build build --target "$@"; fi
}
build "${targets[@]}"
# cpack runs the build tree's install rules; under the build lock where builds share the tree.
(cd build && flock /tmp/cs-build.lock cpack -G DEB)
ls -1 build/carbonscope_*.deb
