#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command on the current display, or on a fresh Xvfb screen when there is none (CI).
if [ -z "$DISPLAY" ]; then
  exec xvfb-run -a -s '-screen 0 1400x900x24' "$@"
fi
exec "$@"
