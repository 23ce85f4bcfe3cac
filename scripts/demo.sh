#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and runs the main job on the bundled MECC example:
# builds the example project, prints the theme table, writes the reports, and opens the
# project in comb-gui when a display is available.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
exec bash scripts/run-example.sh "${COMB_BUILD_DIR:-build}"
