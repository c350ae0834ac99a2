#!/usr/bin/env bash
# Search latency on a large archive: `motiearchief search` next to the bare
# FTS5 query in the stock sqlite3 tool, on the same file, in one run.
#
#   bash bench/search_100k.sh [DOCUMENTS] [REPEATS]
#
# Builds an archive from samples/ (real ingest), then multiplies its
# documents inside SQLite until there are at least DOCUMENTS (default
# 100000): each copy gets its own id, doc_no, gemeenten and search row, so
# the FTS index and the filters work on the full number. Then times each
# query REPEATS times (default 5) both ways, each a fresh process, and
# reports p50/p95 per tool and their ratio, and the archive size per
# document. The bare query is the FTS5 expression `search --explain` gives,
# with the same bm25 ranking and limit; the tool does more (filters,
# loading the records, page and snippet), which the ratio shows.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-100000}
repeats=${2:-5}
tool=build/motiearchief
[ -x "$tool" ] || bash scripts/build.sh >/dev/null
work=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "keeping $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
db=$work/bench.db

"$tool" --db "$db" ingest -q samples/ >/dev/null
base=$(sqlite3 "$db" "SELECT count(*) FROM document")
copies=$(( (target + base - 1) / base ))
echo "samples: $base documents; making $copies copies of each" >&2
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE copy_no(n INTEGER PRIMARY KEY);
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $copies - 1)
INSERT INTO copy_no SELECT n FROM c;
CREATE TEMP TABLE original AS SELECT * FROM document;
INSERT INTO document(id, source_file_id, seq, soort, titel, datum_indiening, vergadering,
                     page_from, page_to, ocr, record, tekst)
SELECT o.id || printf('%06d', c.n), o.source_file_id, o.seq + 1000 * c.n, o.soort, o.titel,
       o.datum_indiening, o.vergadering, o.page_from, o.page_to, o.ocr,
       json_set(o.record, '$.id', o.id || printf('%06d', c.n)), o.tekst
FROM original o, copy_no c;
INSERT INTO document_search(doc_no, titel, tekst, overwegingen, verzoeken)
SELECT d.doc_no, s.titel, s.tekst, s.overwegingen, s.verzoeken
FROM document d JOIN original o ON d.id = o.id || substr(d.id, -6)
JOIN document_search s ON s.doc_no = o.doc_no
WHERE length(d.id) = length(o.id) + 6;
INSERT INTO document_gemeente(document_id, rol, seq, gemeente, bekend)
SELECT d.id, g.rol, g.seq, g.gemeente, g.bekend
FROM document d JOIN original o ON d.id = o.id || substr(d.id, -6)
JOIN document_gemeente g ON g.document_id = o.id
WHERE length(d.id) = length(o.id) + 6;
COMMIT;
SQL
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE); VACUUM;" >/dev/null
docs=$(sqlite3 "$db" "SELECT count(*) FROM document")
bytes=$(stat -c %s "$db")
"$tool" --db "$db" check >/dev/null

queries=(woning kabinet "sudwest fryslan" bestaanszekerheid "financiële verhouding"
         "gemeentefonds OR opschalingskorting" "integraal beleid" "klimaat*" "rijk NOT kabinet"
         "bestaanszekerheid medewerkers basis")
now() { date +%s%N; }
pct() {  # pct P values... -> the P-th percentile, in ms
  local p=$1; shift
  printf '%s\n' "$@" | sort -n | awk -v p="$p" '{v[NR]=$1} END {i=int((NR-1)*p/100)+1; printf "%.1f", v[i]/1000}'
}
declare -a t_tool t_sql per_query
for q in "${queries[@]}"; do
  fts=$("$tool" search --explain -- "$q")
  sql="SELECT d.id, bm25(search_fts, 5.0, 1.0, 1.0, 1.0) AS score FROM search_fts JOIN document d ON d.doc_no = search_fts.rowid WHERE search_fts MATCH '${fts//\'/\'\'}' ORDER BY score LIMIT 20"
  q_tool=() q_sql=()
  for _ in $(seq "$repeats"); do
    s=$(now); "$tool" --db "$db" search --limit 20 -- "$q" >/dev/null || true; e=$(now)
    q_tool+=($(( (e - s) / 1000 )))
    s=$(now); sqlite3 -readonly "$db" "$sql" >/dev/null; e=$(now)
    q_sql+=($(( (e - s) / 1000 )))
  done
  t_tool+=("${q_tool[@]}") t_sql+=("${q_sql[@]}")
  per_query+=("$(printf "  %-40s %8s %8s" "$q" "$(pct 50 "${q_tool[@]}")" "$(pct 50 "${q_sql[@]}")")")
done
tp50=$(pct 50 "${t_tool[@]}"); tp95=$(pct 95 "${t_tool[@]}")
sp50=$(pct 50 "${t_sql[@]}"); sp95=$(pct 95 "${t_sql[@]}")
echo "archive: $docs documents, $(( bytes / 1024 / 1024 )) MiB, $(( bytes / docs )) bytes per document"
echo "queries: ${#queries[@]} x $repeats, each a fresh process, limit 20"
printf "%-28s %8s %8s\n" "" "p50 ms" "p95 ms"
printf "%-28s %8s %8s\n" "motiearchief search" "$tp50" "$tp95"
printf "%-28s %8s %8s\n" "sqlite3 bare FTS5 query" "$sp50" "$sp95"
echo "per query, p50 ms (search, sqlite3):"
printf '%s\n' "${per_query[@]}"
echo "ratio (p50): $(echo "scale=2; $tp50 / $sp50" | bc)  ratio (p95): $(echo "scale=2; $tp95 / $sp95" | bc)"
