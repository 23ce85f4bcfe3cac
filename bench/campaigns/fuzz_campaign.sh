#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The long fuzz campaign (issue 18), outside the default test run: every reader's libFuzzer
# target (fuzz/smoke.sh builds them) for FUZZ_SECONDS each, then each grown corpus is
# minimised (-merge=1) into fuzz/corpus/<reader>, which the CI smoke starts from. Appends the
# executions per target and the crashes to bench/campaigns/RESULTS.md with date and machine.
#   FUZZ_SECONDS  seconds per target (default 300)
#   FUZZ_TARGETS  readers (default: all of fuzz/smoke.sh's)
# Run it under `nice -n 19` on a shared machine. A crash input stays in
# $FUZZ_BUILD_DIR/crashes/<reader>/: copy it to tests/data/import/regressions/ and add a test.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
export FUZZ_BUILD_DIR=$BUILD
SECONDS_EACH=${FUZZ_SECONDS:-300}
export FUZZ_SECONDS=$SECONDS_EACH
TARGETS=${FUZZ_TARGETS:-"txt docx odt html rtf pdf vtt srt qdpx qdc csv xlsx"}
export FUZZ_TARGETS=$TARGETS
RESULTS=$ROOT/bench/campaigns/RESULTS.md
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)

sh "$ROOT/fuzz/smoke.sh" >"$BUILD.campaign.log" 2>&1
status=$?
total=0
rows=""
for t in $TARGETS; do
  log=$BUILD/fuzz_$t.log
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  runs=${runs:-0}
  total=$((total + runs))
  crashes=$(find "$BUILD/crashes/$t" -type f 2>/dev/null | wc -l)
  # Minimise: only the inputs that add coverage are kept in the repository.
  mkdir -p "$ROOT/fuzz/corpus/$t"
  tmp=$(mktemp -d)
  "$BUILD/fuzz/fuzz_$t" -merge=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 "$tmp" "$ROOT/fuzz/corpus/$t" \
    "$BUILD/corpus/$t" >"$BUILD/merge_$t.log" 2>&1 || true
  if [ -n "$(ls -A "$tmp")" ]; then rm -f "$ROOT/fuzz/corpus/$t"/*; cp "$tmp"/* "$ROOT/fuzz/corpus/$t/"; fi
  rm -rf "$tmp"
  kept=$(ls "$ROOT/fuzz/corpus/$t" | wc -l)
  rows="$rows| fuzz_$t | $runs | $SECONDS_EACH | $crashes | $kept |
"
done
{
  echo
  echo "## Fuzz campaign, $started to $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Machine: $(uname -srm), $(nproc) cores ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)), shared with other builds; nice -n 19."
  echo
  echo "| target | executions | seconds | crash inputs | corpus kept (minimised) |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s' "$rows"
  echo "| **total** | **$total** | | | |"
  echo
  echo "smoke.sh exit status: $status (0: no crash)."
} >>"$RESULTS"
echo "fuzz campaign: $total executions; results in $RESULTS"
exit $status
