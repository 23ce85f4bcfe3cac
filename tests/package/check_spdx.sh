#!/usr/bin/env bash
# Fails when one of Comb's source files lacks the licence header
# "SPDX-License-Identifier: GPL-3.0-or-later" in its first three lines. scripts/add-spdx.sh adds
# it; both use the same list of files (scripts/spdx-files.sh).
#
#   tests/package/check_spdx.sh SOURCE_DIR
set -euo pipefail
root=$(cd "$1" && pwd)
# shellcheck source=../../scripts/spdx-files.sh
source "$root/scripts/spdx-files.sh"
missing=0
total=0
while IFS= read -r -d '' f; do
  total=$((total + 1))
  if ! head -n 3 "$root/$f" | grep -q "SPDX-License-Identifier: GPL-3.0-or-later"; then
    echo "no SPDX licence header: $f" >&2
    missing=$((missing + 1))
  fi
done < <(spdx_files "$root")
echo "check_spdx: $total files, $missing without the header"
[ "$missing" -eq 0 ] || { echo "run: bash scripts/add-spdx.sh" >&2; exit 1; }
