#!/usr/bin/env bash
# Saves a screenshot of each tab of the CarbonScope GUI into docs/screenshots/ (PNG), by starting the app under
# Xvfb on the embedded default scenario. Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build)
# Needs: xvfb (xvfb-run) and a built `carbonscope` (scripts/run.sh builds it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-${BUILD_DIR:-$root/build}}"
app="$build/app/carbonscope/carbonscope"
out="$root/docs/screenshots"
[ -x "$app" ] || { echo "screenshots.sh: $app not built (run scripts/run.sh or cmake --build $build)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run missing (apt-get install -y xvfb)" >&2; exit 2; }
mkdir -p "$out"
# A settings folder of its own, so the user's last project and window layout do not leak into the pictures.
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
export XDG_CONFIG_HOME="$config" QT_QPA_PLATFORM=xcb

shoot() { # name tab [extra args...]
    local name="$1" tab="$2"
    shift 2
    xvfb-run -a -s '-screen 0 1600x1000x24' "$app" --default-scenario --size 1500x950 --tab "$tab" \
        --screenshot "$out/$name.png" "$@" 2>&1 | grep -v -e XDG_RUNTIME_DIR -e propagateSizeHints || true
    [ -s "$out/$name.png" ] || { echo "screenshots.sh: no $name.png" >&2; exit 1; }
}

shoot timeline timeline
shoot compare compare
shoot pool pool
shoot teaching timeline --teaching
# The subsystem tabs exist only where their libraries were built.
for tab in eco live; do
    if QT_QPA_PLATFORM=offscreen "$app" --list-tabs 2>/dev/null | grep -qi "^$tab"; then
        shoot "$tab" "$tab"
    fi
done
ls -l "$out"/*.png
