#!/usr/bin/env bash
# Adds "SPDX-License-Identifier: GPL-3.0-or-later" as the first line (after a #! line) of each
# of Comb's source files that lacks it (scripts/spdx-files.sh lists them): `// ...` in C++,
# `# ...` in CMake, shell and Python. Idempotent; tests/package/check_spdx.sh checks the result.
#
#   bash scripts/add-spdx.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/spdx-files.sh"
added=0
while IFS= read -r -d '' f; do
  path=$root/$f
  head -n 3 "$path" | grep -q "SPDX-License-Identifier:" && continue
  case $f in
    *.cpp | *.h | *.hpp | *.cpp.in) line="// SPDX-License-Identifier: GPL-3.0-or-later" ;;
    *) line="# SPDX-License-Identifier: GPL-3.0-or-later" ;;
  esac
  tmp=$(mktemp)
  if head -n 1 "$path" | grep -q '^#!'; then
    { head -n 1 "$path"; echo "$line"; tail -n +2 "$path"; } >"$tmp"
  else
    { echo "$line"; cat "$path"; } >"$tmp"
  fi
  chmod --reference="$path" "$tmp"
  mv "$tmp" "$path"
  added=$((added + 1))
done < <(spdx_files "$root")
echo "add-spdx: added the header to $added files"
