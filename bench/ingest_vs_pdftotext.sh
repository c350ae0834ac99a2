#!/usr/bin/env bash
# Benchmark: time of `motiearchief ingest` on the text-layer sample PDFs
# against `pdftotext` alone on the same files, in one run, as a ratio.
# Each side runs ROUNDS times (default 5); the median is reported.
# ingest starts from an empty archive each round, so it does all its work:
# hashing, a reader process per file, splitting, extraction, linking and
# one fsync'ed transaction per file. Also timed: ingest --in-process (no
# reader process per file), to show what the isolation costs.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-5}
tool=build/motiearchief
[ -x "$tool" ] || bash scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t files < <(ls samples/*.pdf)
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

ingest_times=() inprocess_times=() pdftotext_times=()
for ((i = 0; i < rounds; i++)); do
  rm -f "$work"/a.db*
  t0=$(now); "$tool" --db "$work/a.db" ingest -q "${files[@]}" >/dev/null; t1=$(now)
  ingest_times+=("$(echo "$t1 - $t0" | bc -l)")
  rm -f "$work"/a.db*
  t0=$(now); "$tool" --db "$work/a.db" ingest -q --in-process "${files[@]}" >/dev/null; t1=$(now)
  inprocess_times+=("$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); for f in "${files[@]}"; do pdftotext -layout "$f" "$work/out.txt"; done; t1=$(now)
  pdftotext_times+=("$(echo "$t1 - $t0" | bc -l)")
done
ingest=$(printf '%s\n' "${ingest_times[@]}" | median)
inprocess=$(printf '%s\n' "${inprocess_times[@]}" | median)
pdftotext=$(printf '%s\n' "${pdftotext_times[@]}" | median)
printf 'files: %d, pages: %d, rounds: %d\n' "${#files[@]}" "$pages" "$rounds"
printf 'pdftotext -layout (median): %.3f s\n' "$pdftotext"
printf 'motiearchief ingest (median): %.3f s\n' "$ingest"
printf 'motiearchief ingest --in-process (median): %.3f s\n' "$inprocess"
printf 'ratio ingest / pdftotext: %.2f (--in-process: %.2f)\n' "$(echo "$ingest / $pdftotext" | bc -l)" \
  "$(echo "$inprocess / $pdftotext" | bc -l)"
