#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the example MECC project with `comb` commands (examples/mecc/analyse.sh) into
# out/mecc/, prints the theme table, and opens the project in comb-gui when a display is
# available; without one it says where the summary was written.
#
#   scripts/run-example.sh [BUILD_DIR]      (default: build)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
case $build in /*) ;; *) build=$PWD/$build ;; esac
comb=$build/src/cli/comb
gui=$build/src/gui/comb-gui
if [ ! -x "$comb" ]; then
  echo "run-example: no comb binary at $comb (build first: cmake --build $build --target comb)" >&2
  exit 1
fi

out=$root/out/mecc
mkdir -p "$out"
echo "run-example: building the example project in $out ..." >&2
bash "$root/examples/mecc/analyse.sh" "$comb" "$out"

if [ -n "${DISPLAY:-}" ] && [ -x "$gui" ]; then
  echo "run-example: opening $out/mecc.comb in comb-gui" >&2
  exec "$gui" "$out/mecc.comb"
fi
echo
echo "Summary for programme leads: $out/summary.html"
echo "Theme table: $out/theme-table.{docx,xlsx,csv,md,tex,html}; codebook: $out/codebook.{docx,csv}"
echo "Project: $out/mecc.comb (try: $comb matrix $out/mecc.comb --rows comb --cols level)"
