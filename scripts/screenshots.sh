#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes screenshots of the main views of comb-gui on the MECC example (examples/mecc/analyse.sh)
# to BUILD_DIR/screenshots/ under Xvfb, and copies the whole window to
# docs/screenshots/main-window.png for the README. The shots are taken by the GUI test
# "[screenshots]" (tests/gui/test_screenshots.cpp), which drives the real main window.
#
#   scripts/screenshots.sh [BUILD_DIR]     (default: build)
#
# Needs xvfb-run when there is no display.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
[ -f "$build/CMakeCache.txt" ] || cmake -S "$root" -B "$build" -G Ninja >/dev/null
# A throw-away HOME, so the test's window never reads or writes your settings.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
HOME=$work XDG_CONFIG_HOME=$work/.config cmake --build "$build" -j2 --target screenshots >/dev/null
mkdir -p "$root/docs/screenshots"
cp "$build/screenshots/main-window.png" "$root/docs/screenshots/main-window.png"
echo "wrote $build/screenshots/*.png and docs/screenshots/main-window.png"
