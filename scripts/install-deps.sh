#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Comb needs to build, test and run.
# Idempotent: installs only what is missing; safe to run again.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost-dev libcli11-dev nlohmann-json3-dev
  libsqlite3-dev sqlite3
  libpq-dev postgresql openssl
  libxapian-dev
  libpugixml-dev libzip-dev
  libpoppler-cpp-dev
  libxlsxwriter-dev
  libuchardet-dev libicu-dev
  libwxgtk3.2-dev
  libfontconfig-dev
  catch2
  clang libclang-rt-14-dev
  xvfb xauth imagemagick
  libxml2-utils
  dpkg-dev file lintian desktop-file-utils appstream shared-mime-info man-db librsvg2-bin
  # QualCoder's own REFI-QDA importer, run headless by tests/refi/test_qualcoder.cpp
  python3-pyqt6 python3-pyqt6.qtmultimedia python3-qtawesome python3-pil python3-charset-normalizer python3-fitz
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
