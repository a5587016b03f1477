#!/usr/bin/env bash
# Saves screenshots of every tab of the CarbonScope GUI into docs/screenshots/ (PNG), by starting the app under
# Xvfb on the embedded default scenario, at three screens:
#   <tab>-1366x768.png      a small laptop screen
#   <tab>-1920x1080.png     a full-HD screen
#   <tab>-1366x768@2x.png   1366x768 logical pixels at QT_SCALE_FACTOR=2 (a 2732x1536 picture)
# plus teaching mode at each, and the README's names (timeline.png, compare.png, pool.png, teaching.png, eco.png,
# live.png) as copies of the 1920x1080 pictures.
# Usage: scripts/screenshots.sh [BUILD_DIR]   (default: build)
# Needs: xvfb (xvfb-run) and a built `carbonscope` (scripts/run.sh builds it).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-${BUILD_DIR:-$root/build}}"
app="$build/app/carbonscope/carbonscope"
out="$root/docs/screenshots"
[ -x "$app" ] || { echo "screenshots.sh: $app not built (run scripts/run.sh or cmake --build $build)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: xvfb-run missing (apt-get install -y xvfb)" >&2; exit 2; }
mkdir -p "$out"
# A settings folder of its own, so the user's last project, window layout and currency do not leak into the pictures.
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
export XDG_CONFIG_HOME="$config" XDG_DATA_HOME="$config/data" QT_QPA_PLATFORM=xcb

# shoot NAME SCREEN(WxH logical) SCALE [app args...]: the screen is as large as the window, so the window fills it
# as it would a real screen of that size.
shoot() {
    local name="$1" size="$2" scale="$3"
    shift 3
    local w="${size%x*}" h="${size#*x}"
    local screen="$((w * scale))x$((h * scale))x24"
    QT_SCALE_FACTOR="$scale" timeout 120 xvfb-run -a -s "-screen 0 $screen -dpi 96" "$app" --default-scenario --size "$size" \
        --screenshot "$out/$name.png" "$@" 2>&1 | grep -v -e XDG_RUNTIME_DIR -e propagateSizeHints -e '^saved ' || true
    [ -s "$out/$name.png" ] || { echo "screenshots.sh: no $name.png" >&2; exit 1; }
}

# The tabs this build has (the Eco, Live and Sweep tabs exist only where their libraries were built); a tab's
# file name is the first word of its name in lower case.
mapfile -t tabs < <(QT_QPA_PLATFORM=offscreen "$app" --list-tabs 2>/dev/null | awk '{print tolower($1)}')
[ "${#tabs[@]}" -gt 0 ] || { echo "screenshots.sh: $app --list-tabs printed no tab" >&2; exit 1; }

for screen in "1366x768 1" "1920x1080 1" "1366x768 2"; do
    read -r size scale <<<"$screen"
    suffix="$size"
    [ "$scale" = 1 ] || suffix="$size@${scale}x"
    for tab in "${tabs[@]}"; do
        shoot "$tab-$suffix" "$size" "$scale" --tab "$tab"
    done
    shoot "teaching-$suffix" "$size" "$scale" --tab timeline --teaching
    [ "$size$scale" = 1920x10801 ] && shoot "presentation-$suffix" "$size" "$scale" --presentation
done

# The names the README shows.
for tab in "${tabs[@]}" teaching; do
    cp "$out/$tab-1920x1080.png" "$out/$tab.png"
done
ls -l "$out"/*.png
