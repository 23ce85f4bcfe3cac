#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes screenshots of the main views of comb-gui on the MECC example (examples/mecc/analyse.sh)
# to BUILD_DIR/screenshots/ under Xvfb, and copies the whole window to
# docs/screenshots/main-window.png for the README. The shots are taken by the GUI test
# "[screenshots]" (tests/gui/test_screenshots.cpp), which drives the real main window.
#
#   scripts/screenshots.sh [BUILD_DIR]     (default: build)
#
# Then renders the example's reports as a reader sees them, when the tools are installed
# (they are not CI dependencies): the theme table DOCX in both layouts through LibreOffice
# (libreoffice-writer-nogui) and pdftoppm (poppler-utils) to PNG, the theme table XLSX in both
# layouts through LibreOffice Calc (libreoffice-calc-nogui) as it prints, and the summary HTML
# through headless Chromium (chromium), all into BUILD_DIR/screenshots/reports/.
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

reports=$build/screenshots/reports
mkdir -p "$reports"
comb=$build/src/cli/comb
bash "$root/examples/mecc/analyse.sh" "$comb" "$work/mecc" --date 2025-03-12 >/dev/null
"$comb" export "$work/mecc/mecc.comb" theme-table -o "$work/mecc/theme-table-bf.docx" --date 2025-03-12 \
  --layout barriers-facilitators >/dev/null
"$comb" export "$work/mecc/mecc.comb" theme-table -o "$work/mecc/theme-table-bf.xlsx" --date 2025-03-12 \
  --layout barriers-facilitators >/dev/null
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
  for docx in theme-table theme-table-bf; do
    HOME=$work soffice --headless --convert-to pdf --outdir "$work/pdf" "$work/mecc/$docx.docx" >/dev/null 2>&1
    pdftoppm -png -r 80 "$work/pdf/$docx.pdf" "$reports/$docx"
  done
  echo "wrote $reports/theme-table*.png (LibreOffice)"
  # Calc is a package of its own: without it the conversion writes nothing.
  for xlsx in theme-table theme-table-bf; do
    HOME=$work soffice --headless --convert-to pdf --outdir "$work/xlsx" "$work/mecc/$xlsx.xlsx" >/dev/null 2>&1 || true
    [ -f "$work/xlsx/$xlsx.pdf" ] && pdftoppm -png -r 80 "$work/xlsx/$xlsx.pdf" "$reports/$xlsx-xlsx"
  done
  if [ -f "$work/xlsx/theme-table.pdf" ]; then
    echo "wrote $reports/theme-table*-xlsx-*.png (LibreOffice Calc)"
  else
    echo "skipped the XLSX renderings: install libreoffice-calc-nogui" >&2
  fi
else
  echo "skipped the DOCX renderings: install libreoffice-writer-nogui and poppler-utils" >&2
fi
if command -v chromium >/dev/null; then
  HOME=$work chromium --headless --no-sandbox --disable-gpu --window-size=1280,2400 \
    --screenshot="$reports/summary.png" "file://$work/mecc/summary.html" >/dev/null 2>&1
  echo "wrote $reports/summary.png (Chromium)"
else
  echo "skipped the summary rendering: install chromium" >&2
fi
