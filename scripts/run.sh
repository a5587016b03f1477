#!/usr/bin/env bash
# Builds CarbonScope and starts the app on the embedded default scenario (South West England, June 2023).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh gui
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target carbonscope carbonscope-cli
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found: starting under a virtual X server (xvfb-run); set DISPLAY to see the window." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" build/app/carbonscope/carbonscope "$@"
fi
exec build/app/carbonscope/carbonscope "$@"
