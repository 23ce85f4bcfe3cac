#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package: installs what is missing, builds comb, comb-gui, the manual pages
# and the icons into build/ (or $COMB_BUILD_DIR), then `cpack -G DEB` writes
# build/package/comb_VERSION_ARCH.deb. Install it with `sudo apt-get install ./build/package/comb_*.deb`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build="${COMB_BUILD_DIR:-build}"
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${COMB_BUILD_TYPE:-RelWithDebInfo}" "$@" >/dev/null
cmake --build "$build" -j"${COMB_JOBS:-2}" --target comb comb-gui comb_man_page comb_package_data
(cd "$build" && cpack -G DEB)
ls -1 "$build"/package/comb_*.deb
