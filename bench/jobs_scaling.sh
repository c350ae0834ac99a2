#!/usr/bin/env bash
# Benchmark: how ingest's --jobs spreads work over the cores, on small
# scanned PDFs (OCR, the heaviest work per file).
#
#   bash bench/jobs_scaling.sh [FILES] [JOBS...]
#
# FILES (default 13) one-page scans are cut from the scanned twins of the
# samples (samples-scanned/make_scanned.py --all, 150 dpi). Each is ingested
# into a fresh archive with --jobs 1 and with each JOBS (default: 2 and the
# number of cores), in turn, ROUNDS times (default 3); medians, and the
# speed-up over --jobs 1.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-13}
shift || true
jobs_list=("$@")
[ ${#jobs_list[@]} -gt 0 ] || jobs_list=(2 "$(nproc)")
# Each JOBS once (on 2 cores the default named 2 twice, and each round ran it twice).
mapfile -t jobs_list < <(printf '%s\n' "${jobs_list[@]}" | awk '!seen[$0]++')
rounds=${ROUNDS:-3}
tool=build/motiearchief
[ -x "$tool" ] || bash scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 samples-scanned/make_scanned.py --all "$work/scans" >/dev/null
mkdir "$work/in"
n=0
for pdf in "$work"/scans/*.pdf; do
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  for ((p = 1; p <= pages && n < files; p++)); do
    n=$((n + 1))
    qpdf --empty --pages "$pdf" "$p" -- "$(printf '%s/in/scan-%02d.pdf' "$work" "$n")"
  done
done

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() {
  rm -f "$work"/a.db*
  local t0 t1
  t0=$(now); "$tool" --db "$work/a.db" ingest -q --jobs "$1" "$work/in" >/dev/null || true; t1=$(now)
  echo "$t1 - $t0" | bc -l
}
declare -A times
for ((i = 0; i < rounds; i++)); do
  for j in 1 "${jobs_list[@]}"; do times[$j]+="$(run "$j") "; done
done
base=$(printf '%s\n' ${times[1]} | median)
printf '%d one-page scans, %d cores, median of %d rounds\n' "$n" "$(nproc)" "$rounds"
printf -- '--jobs 1: %.2f s\n' "$base"
for j in "${jobs_list[@]}"; do
  t=$(printf '%s\n' ${times[$j]} | median)
  printf -- '--jobs %d: %.2f s, speed-up %.2fx\n' "$j" "$t" "$(echo "$base / $t" | bc -l)"
done
