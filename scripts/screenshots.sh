#!/usr/bin/env bash
# Writes docs/screenshots/main-window.png: the MECC example project (examples/mecc/analyse.sh)
# open in comb-gui under Xvfb, a coded transcript in view.
#
#   scripts/screenshots.sh [BUILD_DIR]     (default: build; comb and comb-gui are built there)
#
# Needs xvfb-run and ImageMagick's `import`. Uses a throw-away HOME, so your settings stay.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" -G Ninja >/dev/null
cmake --build "$build" -j2 --target comb comb-gui >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$root/examples/mecc/analyse.sh" "$build/src/cli/comb" "$work" --date 2025-03-12 >/dev/null

# Reopen "where the user left off": document 9 at a densely coded stretch.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config
mkdir -p "$HOME"
cat >"$HOME/.comb" <<CONF
[Session]
LastProject=$work/mecc.comb
LastDocument=${COMB_SHOT_DOCUMENT:-9}
LastPosition=${COMB_SHOT_POSITION:-6600}
LastCode=${COMB_SHOT_CODE:-31}
CONF

out=$root/docs/screenshots
mkdir -p "$out"
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  "$1" "$2" & pid=$!
  sleep "${COMB_SHOT_WAIT:-6}"
  import -window root "$3"
  kill $pid' _ "$build/src/gui/comb-gui" "$work/mecc.comb" "$out/main-window.png"
echo "wrote $out/main-window.png"
