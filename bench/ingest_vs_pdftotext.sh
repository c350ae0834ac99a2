#!/usr/bin/env bash
# Benchmark: time of `motiearchief ingest` on small text-layer motion PDFs
# against `pdftotext` alone on the same files, in one run, as a ratio.
#
#   bash bench/ingest_vs_pdftotext.sh [FILES]
#
# FILES (default 400) one-motion PDFs come from bench/make_motions.py (a
# third with a second page holding only the signature line, which must be
# read from its text layer, not OCR'd). Each side runs ROUNDS times
# (default 5); the median is reported. ingest starts from an empty archive
# each round, so it does all its work: hashing, reading in the reader
# processes (--jobs, default one per core), splitting, extraction, linking
# and one fsync'ed transaction per file. Also timed: ingest --in-process
# (no reader processes), to show what the isolation costs, and
# `pdftotext` run as many at a time as ingest reads (xargs -P), so the
# ratio compares equal use of the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-5}
tool=build/motiearchief
[ -x "$tool" ] || bash scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=${1:-400}
python3 bench/make_motions.py files "$work/in" "$n"
mapfile -t files < <(ls "$work"/in/*.pdf)
jobs=$(nproc)
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

ingest_times=() inprocess_times=() pdftotext_times=() parallel_times=()
for ((i = 0; i < rounds; i++)); do
  rm -f "$work"/a.db*
  t0=$(now); "$tool" --db "$work/a.db" ingest -q "${files[@]}" >/dev/null; t1=$(now)
  ingest_times+=("$(echo "$t1 - $t0" | bc -l)")
  rm -f "$work"/a.db*
  t0=$(now); "$tool" --db "$work/a.db" ingest -q --in-process "${files[@]}" >/dev/null; t1=$(now)
  inprocess_times+=("$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); for f in "${files[@]}"; do pdftotext -layout "$f" "$work/out.txt"; done; t1=$(now)
  pdftotext_times+=("$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); printf '%s\0' "${files[@]}" | xargs -0 -P "$jobs" -n 20 sh -c \
    'for f; do pdftotext -layout "$f" /dev/null; done' _; t1=$(now)
  parallel_times+=("$(echo "$t1 - $t0" | bc -l)")
done
ingest=$(printf '%s\n' "${ingest_times[@]}" | median)
inprocess=$(printf '%s\n' "${inprocess_times[@]}" | median)
pdftotext=$(printf '%s\n' "${pdftotext_times[@]}" | median)
parallel=$(printf '%s\n' "${parallel_times[@]}" | median)
printf 'files: %d, pages: %d, rounds: %d\n' "${#files[@]}" "$pages" "$rounds"
printf 'pdftotext -layout, one file at a time (median): %.3f s\n' "$pdftotext"
printf 'pdftotext -layout, %d at a time (median): %.3f s\n' "$jobs" "$parallel"
printf 'motiearchief ingest (median): %.3f s\n' "$ingest"
printf 'motiearchief ingest --in-process (median): %.3f s\n' "$inprocess"
printf 'ratio ingest / pdftotext: %.2f (--in-process: %.2f)\n' "$(echo "$ingest / $pdftotext" | bc -l)" \
  "$(echo "$inprocess / $pdftotext" | bc -l)"
printf 'ratio ingest / pdftotext %d at a time: %.2f\n' "$jobs" "$(echo "$ingest / $parallel" | bc -l)"
