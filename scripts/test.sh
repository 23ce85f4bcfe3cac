#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs every test (GUI tests under Xvfb, fuzz smoke).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
build="${COMB_BUILD_DIR:-build}"
if [ ! -d ../shared/corpora ]; then
  echo "test.sh: ../shared is absent: tests that need the shared corpus will say so and skip" >&2
fi
(cd "$build" && ctest --output-on-failure -j2 --timeout 900)
if [ -x fuzz/smoke.sh ]; then
  bash fuzz/smoke.sh
fi
