#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a Catch2 test name holds a ';'. catch_discover_tests registers each test case with
# ctest through a CMake list, which splits the name at ';': ctest then runs a filter that matches
# no test case, and Catch2 v2 exits 0, so the test "passes" without running.
set -euo pipefail
root=${1:?usage: check_test_names.sh SOURCE_DIR}
bad=$(grep -rnE 'TEST_CASE\("[^"]*;' "$root/tests" --include='*.cpp' || true)
if [ -n "$bad" ]; then
  echo "test names with ';' (ctest would run none of them):"
  echo "$bad"
  exit 1
fi
echo "test names: none holds ';'"
