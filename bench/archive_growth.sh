#!/usr/bin/env bash
# Benchmark: does ingest cost grow with the archive?
#
#   bash bench/archive_growth.sh [MOTIONS] [NEW] [ROUNDS]
#
# 1. One PDF of MOTIONS (default 5000) one-page motions
#    (bench/make_motions.py bundle) into an empty archive: splitting,
#    extraction, version detection and linking of every motion against
#    every other, the case that was quadratic.
# 2. NEW (default 13) new one-motion files into that archive, next to the
#    same files into an empty archive, ROUNDS times (default 5) in turn;
#    medians and their ratio. Linking looks up documents by key
#    (link_key), so the ratio stays near 1 whatever the archive's size.
set -euo pipefail
cd "$(dirname "$0")/.."
motions=${1:-5000}
new=${2:-13}
rounds=${3:-5}
tool=build/motiearchief
[ -x "$tool" ] || bash scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make_motions.py bundle "$work/bundle.pdf" "$motions"
python3 bench/make_motions.py files "$work/new" "$new" 99

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

t0=$(now)
"$tool" --db "$work/big.db" ingest -q "$work/bundle.pdf" >/dev/null
t1=$(now)
bundle=$(echo "$t1 - $t0" | bc -l)
sqlite3 "$work/big.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
versions=$(sqlite3 "$work/big.db" "SELECT count(*) FROM motie_versie WHERE document_id <> eerste_versie_id")

empty_times=() big_times=()
for ((i = 0; i < rounds; i++)); do
  rm -f "$work"/empty.db* "$work"/copy.db*
  cp "$work/big.db" "$work/copy.db"
  # A fresh copy's pages wait in the page cache to be written; flush them
  # now, or ingest's first fsync pays for writing the whole copy.
  sync "$work/copy.db"
  t0=$(now); "$tool" --db "$work/empty.db" ingest -q "$work/new" >/dev/null; t1=$(now)
  empty_times+=("$(echo "$t1 - $t0" | bc -l)")
  t0=$(now); "$tool" --db "$work/copy.db" ingest -q "$work/new" >/dev/null; t1=$(now)
  big_times+=("$(echo "$t1 - $t0" | bc -l)")
done
empty=$(printf '%s\n' "${empty_times[@]}" | median)
big=$(printf '%s\n' "${big_times[@]}" | median)
printf 'one PDF of %d motions into an empty archive: %.2f s (%d found to be later versions)\n' \
  "$motions" "$bundle" "$versions"
printf '%d new files into an empty archive (median of %d): %.3f s\n' "$new" "$rounds" "$empty"
printf '%d new files into the %d-motion archive (median of %d): %.3f s\n' "$new" "$motions" \
  "$rounds" "$big"
printf 'ratio: %.2f\n' "$(echo "$big / $empty" | bc -l)"
