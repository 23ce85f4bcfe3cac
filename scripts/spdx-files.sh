# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by scripts/add-spdx.sh and tests/package/check_spdx.sh: spdx_files ROOT prints,
# NUL-separated and relative to ROOT, Comb's own source files that carry the licence header:
# C++ sources and headers, CMake files, shell and Python scripts, in git (or, outside a
# checkout, found on disk), leaving out build trees and test data.
spdx_files() {
  local root=$1
  local patterns=('*.cpp' '*.h' '*.hpp' '*.cpp.in' '*.cmake' 'CMakeLists.txt' '*.sh' '*.py')
  if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$root" ls-files -z -- "${patterns[@]/#/:(glob)**/}" | grep -zv '^tests/data/\|^tests/golden/'
  else
    (cd "$root" && find . \( -path ./build -o -path './build-*' -o -path ./tests/data -o -path ./tests/golden -o -path ./out \) -prune -o \
      -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' -o -name '*.cpp.in' -o -name '*.cmake' -o -name CMakeLists.txt \
      -o -name '*.sh' -o -name '*.py' \) -printf '%P\0')
  fi
}
