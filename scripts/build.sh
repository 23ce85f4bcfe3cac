#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures and builds Comb into build/ (or $COMB_BUILD_DIR) with Ninja, -j2 and ccache.
# Extra arguments go to CMake, e.g. scripts/build.sh -DCOMB_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${COMB_BUILD_DIR:-build}"
# Paths relative to the checkout in ccache's keys, so a fresh clone (as CI makes) reuses the cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${COMB_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build "$build" -j"${COMB_JOBS:-2}"
