#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The example analysis: codes the MECC transcripts the way the reference study did (inductive
# codes, then COM-B, level and barrier/facilitator tags, then three superordinate themes by
# level) with nothing but `comb` commands, then writes the theme table and the summary.
#
#   examples/mecc/analyse.sh COMB OUT_DIR [--date YYYY-MM-DD]
#
# COMB is the built `comb` binary; OUT_DIR receives mecc.comb, theme-table.{docx,xlsx,csv,md,
# tex,html}, summary.html and codebook.{csv,docx}. The theme table is also printed (Markdown) on
# stdout. An existing OUT_DIR/mecc.comb is replaced. Same --date, same bytes (CSV, MD, TeX, HTML).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 COMB OUT_DIR [--date YYYY-MM-DD]" >&2
  exit 1
fi
comb=$1
out=$2
shift 2
date_args=()
if [ $# -ge 2 ] && [ "$1" = "--date" ]; then date_args=(--date "$2"); fi

# The example's coder, credited in every report (COMB_CODER as set by the caller wins).
export COMB_CODER=${COMB_CODER:-Comb example analyst}
title=(--title "MECC stakeholder interviews (fictional)")

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$out"
project=$out/mecc.comb
rm -f "$project" "$project-wal" "$project-shm"
rm -rf "$project-index"

# Reads a TSV file without its header line, tabs turned into US (0x1F): `read` would merge
# adjacent tabs (an empty cell) because a tab is whitespace to IFS, and US is not.
rows() { tail -n +2 "$1" | tr '\t' '\037'; }

# 1. Import: each transcript's case defaults to its one non-interviewer speaker ("P4").
"$comb" new "$project" >/dev/null
"$comb" import "$project" "$here"/P0*.txt >/dev/null

# 2. Case attributes from the sheet (first column = case name).
if "$comb" attributes --help >/dev/null 2>&1; then
  "$comb" attributes "$project" "$here/attributes.csv" >/dev/null
else
  # Until `comb attributes` exists: re-import is refused, so set them through --case/--attr on
  # a fresh project instead.
  rm -f "$project"
  "$comb" new "$project" >/dev/null
  header=$(head -n 1 "$here/attributes.csv")
  IFS=, read -r -a keys <<<"$header"
  while IFS=, read -r -a cells; do
    case_name=${cells[0]}
    n=${case_name#P}
    attrs=()
    for i in "${!keys[@]}"; do
      [ "$i" -eq 0 ] && continue
      attrs+=(--attr "${keys[$i]}=${cells[$i]}")
    done
    "$comb" import "$project" "$here"/P0"$n"-*.txt --case "$case_name" "${attrs[@]}" >/dev/null
  done < <(tail -n +2 "$here/attributes.csv")
fi

# 3. Inductive coding: every row of codings.tsv is one quote coded with one code. An optional
# fourth column "pinned" (yes/no) pins the coding, so reports quote it first.
while IFS=$'\037' read -r doc code quote pinned; do
  said=$("$comb" code "$project" "$doc" "$code" --text "$quote" --occurrence 1)
  if [ "${pinned:-}" = "yes" ]; then
    id=${said##*(coding }
    "$comb" pin "$project" "${id%)}"
  fi
done < <(rows "$here/codings.tsv")

# 4. Deductive pass: COM-B sub-components, level (+ actor) and valence of every code.
while IFS=$'\037' read -r code combs level valence; do
  args=()
  IFS=, read -r -a cs <<<"$combs"
  for c in "${cs[@]}"; do args+=(--comb "$c"); done
  [ -n "$level" ] && args+=(--level "$level")
  [ -n "$valence" ] && args+=(--valence "$valence")
  "$comb" tag "$project" "$code" "${args[@]}" >/dev/null
done < <(rows "$here/tags.tsv")

# 5. Themes and subthemes with their member codes (parents come first in themes.tsv).
while IFS=$'\037' read -r theme parent description codes; do
  args=(--description "$description")
  [ -n "$parent" ] && args+=(--parent "$parent")
  IFS='|' read -r -a cs <<<"$codes"
  for c in "${cs[@]}"; do [ -n "$c" ] && args+=(--add "$c"); done
  "$comb" theme "$project" "$theme" "${args[@]}" >/dev/null
done < <(rows "$here/themes.tsv")

# 6. Reports.
for ext in docx xlsx csv md tex html; do
  "$comb" export "$project" theme-table -o "$out/theme-table.$ext" "${title[@]}" "${date_args[@]}"
done
"$comb" export "$project" summary -o "$out/summary.html" "${title[@]}" "${date_args[@]}"
for ext in csv docx; do
  "$comb" export "$project" codebook -o "$out/codebook.$ext" "${title[@]}" "${date_args[@]}"
done
cat "$out/theme-table.md"
