#!/usr/bin/env bash
# Whole-process export figures for BENCHMARKS.md: `throughline export` (release build) on the 1,500-card
# blueprint of the export benchmark, on that blueprint with a future state of it drawn under it
# (--beside-current), and on a workspace of 50 such journeys. For each run it prints the
# wall time, the peak resident memory and the CPU used per second of wall time (above 100 % means more
# than one core was busy). Needs /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/time ]; then
  echo "bench-export: /usr/bin/time is missing; install it with: sudo apt-get install time" >&2
  exit 1
fi
cargo build --release --locked -q -p throughline-cli
bin=target/release/throughline
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" generate "$work/one.throughline" --journeys 1 --export-benchmark >/dev/null
"$bin" generate "$work/fifty.throughline" --journeys 50 --export-benchmark >/dev/null
"$bin" generate "$work/pair.throughline" --journeys 1 --export-benchmark --future-states >/dev/null
runs=${RUNS:-3}

measure() {
  local what=$1
  shift
  for _ in $(seq "$runs"); do
    rm -rf "$work/out"
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$bin" export "$@" --out "$work/out" --force >/dev/null 2>&1
    read -r wall kb user sys <"$work/time"
    awk -v w="$what" -v wall="$wall" -v kb="$kb" -v u="$user" -v s="$sys" \
      'BEGIN { printf "%-44s %7.2f s %7.0f MiB %5.0f %% CPU\n", w, wall, kb / 1024, (u + s) / (wall > 0 ? wall : 1) * 100 }'
  done
}

journey="Export benchmark 1"
measure "SVG, 1,500 cards" "$work/one.throughline" --journey "$journey" --format svg
measure "PDF, 1,500 cards" "$work/one.throughline" --journey "$journey" --format pdf
measure "PNG 2x, 1,500 cards" "$work/one.throughline" --journey "$journey" --format png --scale 2
measure "PNG 20,000 px wide, 1,500 cards" "$work/one.throughline" --journey "$journey" --format png --width 20000
measure "--all, 50 journeys, PNG + SVG + PDF" "$work/fifty.throughline" --all --format png,svg,pdf

# The future state beside its current state: 1,500 cards over 1,500 (5 % of the future's deleted, 10 %
# rewritten, 5 % added), twice the height of the single blueprint. PNG at 1× on both for a like-for-like
# ratio: the pair at 2× would be taller than the 20,000 px limit.
future="Export benchmark 1 (future state)"
measure "PNG 1x, 1,500 cards" "$work/one.throughline" --journey "$journey" --format png --scale 1
measure "SVG, pair beside current" "$work/pair.throughline" --journey "$future" --beside-current --format svg
measure "PDF, pair beside current" "$work/pair.throughline" --journey "$future" --beside-current --format pdf
measure "PNG 1x, pair beside current" "$work/pair.throughline" --journey "$future" --beside-current --format png --scale 1
