#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the import and REFI-QDA fuzz targets with clang (libFuzzer + AddressSanitizer) in their own build
# directory and runs each for a short time. Exit status 1 if any target found a crash.
#   FUZZ_SECONDS   seconds per target (default 20)
#   FUZZ_BUILD_DIR build directory (default <repo>/build-fuzz)
#   FUZZ_TARGETS   readers to run (default: all)
# Seeds come from the minimised corpora kept in fuzz/corpus/<reader> (bench/fuzz_campaign.sh
# grows them), tests/data/import (tests/data/refi for qdpx and qdc) and, when present,
# ../shared/corpora/transcripts; the
# growing corpus stays in $FUZZ_BUILD_DIR/corpus/<reader>. A crash leaves its input in
# $FUZZ_BUILD_DIR/crashes/<reader>/: copy it to tests/data/import/regressions/ and add a test.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-20}
TARGETS=${FUZZ_TARGETS:-"txt docx odt html rtf pdf vtt srt qdpx qdc csv xlsx"}
SHARED=$ROOT/../shared/corpora/transcripts

CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCOMB_FUZZ=ON -DCOMB_BUILD_TESTS=OFF -DCOMB_BUILD_GUI=OFF -DCOMB_BUILD_BENCH=OFF >"$BUILD.configure.log" 2>&1 ||
  { cat "$BUILD.configure.log"; exit 2; }
cmake --build "$BUILD" -j 2 --target $(for t in $TARGETS; do printf 'fuzz_%s ' "$t"; done)

seed() {  # seed READER: the kept corpus (fuzz/corpus/READER) and the sample files of that format
  for f in "$ROOT"/fuzz/corpus/"$1"/* "$ROOT"/tests/data/import/*."$1" "$ROOT"/tests/data/import/regressions/*."$1" \
      "$SHARED"/*."$1" "$ROOT"/../shared/corpora/attributes/*."$1"; do
    [ -f "$f" ] && cp "$f" "$BUILD/corpus/$1/" || true
  done
  if [ "$1" = qdpx ] || [ "$1" = qdc ]; then
    for f in "$ROOT"/tests/data/refi/*."$1" "$ROOT"/tests/data/refi/regressions/*."$1"; do
      [ -f "$f" ] && cp "$f" "$BUILD/corpus/$1/" || true
    done
  fi
  if [ "$1" = qdpx ]; then  # a project as parts (fuzz/fuzz_refi.cpp): project.qde, then NUL "NAME\n" text
    for d in "$ROOT"/tests/data/refi/*/; do
      [ -f "$d/project.qde" ] || continue
      { cat "$d/project.qde"
        for src in "$d"sources/*; do printf '\000sources/%s\n' "$(basename "$src")"; cat "$src"; done
      } >"$BUILD/corpus/qdpx/$(basename "$d").parts"
    done
  fi
  if [ "$1" = txt ]; then
    for f in "$ROOT"/tests/data/import/*.html "$ROOT"/tests/data/import/*.srt; do cp "$f" "$BUILD/corpus/txt/$(basename "$f").txt"; done
  fi
}

status=0
for t in $TARGETS; do
  mkdir -p "$BUILD/corpus/$t" "$BUILD/crashes/$t"
  seed "$t"
  log=$BUILD/fuzz_$t.log
  if "$BUILD/fuzz/fuzz_$t" "$BUILD/corpus/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$BUILD/crashes/$t/" -print_final_stats=1 >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz_$t: ok, $runs runs in ${SECONDS_EACH}s"
  else
    status=1
    echo "fuzz_$t: CRASH, see $log and $BUILD/crashes/$t/"
    grep -m3 -E "ERROR: AddressSanitizer|deadly signal|uncaught exception|SUMMARY" "$log" || true
  fi
done
exit $status
