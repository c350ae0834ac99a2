#!/usr/bin/env bash
# Search latency on a large archive of distinct motions, as it is used.
#
#   bash bench/search_100k.sh [DOCUMENTS] [QUERIES] [CLI_QUERIES]
#
# Builds the archive by real ingest: the samples, plus DOCUMENTS (default
# 100000) distinct motions from bench/make_motions.py in bundles of 5,000
# (each motion its own municipality, date, subject, wording and length).
# Reports the ingest time and the archive's bytes per document, then runs
# bench/search_bench.py: QUERIES (default 1000) mixed queries warm through
# `serve` next to the bare FTS5 query in a warm connection, and CLI_QUERIES
# (default 200) cold, a fresh process each, next to the stock sqlite3 tool.
# KEEP=1 keeps the archive (its path is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-100000}
n_queries=${2:-1000}
n_cli=${3:-200}
tool=$PWD/build/motiearchief
[ -x "$tool" ] || bash scripts/build.sh >/dev/null
work=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "keeping $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
db=$work/bench.db
mkdir "$work/in"
per=5000
bundles=$(( (target + per - 1) / per ))
for ((i = 0; i < bundles; i++)); do
  n=$(( i == bundles - 1 ? target - per * i : per ))
  python3 bench/make_motions.py bundle "$(printf '%s/in/bundle-%03d.pdf' "$work" "$i")" "$n" "$((1000 + i))"
done
t0=$(date +%s.%N)
"$tool" --db "$db" ingest -q samples/ "$work/in" >/dev/null
t1=$(date +%s.%N)
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
docs=$(sqlite3 "$db" "SELECT count(*) FROM document")
bytes=$(stat -c %s "$db")
printf 'archive: %d documents by ingest in %.0f s; %d MiB, %d bytes per document\n' \
  "$docs" "$(echo "$t1 - $t0" | bc -l)" "$((bytes >> 20))" "$((bytes / docs))"
sqlite3 "$db" "SELECT '  ' || name || ': ' || (sum(pgsize) >> 20) || ' MiB' FROM dbstat GROUP BY name ORDER BY sum(pgsize) DESC LIMIT 8" 2>/dev/null || true
python3 bench/search_bench.py "$tool" "$db" "$n_queries" "$n_cli"
