#!/usr/bin/env bash
# Sets everything up and runs the main job on the bundled samples: ingest
# samples/ into motiearchief.db, show what was found, and search it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
db=${MOTIEARCHIEF_DB:-motiearchief.db}
tool="build/motiearchief --db $db"
$tool ingest samples/ || [ $? -eq 3 ]
echo
echo "== Documents found (soort, pages, title) =="
$tool export --format jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    b = r["bron"]
    pages = "p.%d-%d" % (b["pagina_van"], b["pagina_tot"])
    print(r["id"], "%-10s" % r["soort"], "%-46s" % b["bestand"][:46], "%-7s" % pages, r["titel"] or "")
'
echo
echo "== Example search with the stock sqlite3 tool: 'sudwest fryslan' =="
sqlite3 -readonly "$db" "SELECT d.id, d.soort, d.titel FROM document_fts JOIN document d ON d.doc_no = document_fts.rowid WHERE document_fts MATCH 'sudwest fryslan' ORDER BY bm25(document_fts);"
echo
echo "== motiearchief search woning (stemmed: finds woningen) =="
$tool search woning --limit 3
echo
echo "== motiearchief search --gemeente 'Den Bosch' =="
$tool search --gemeente "Den Bosch"
echo
echo "== motiearchief check =="
$tool check
echo
echo "Next: $tool show ID, $tool serve (http://127.0.0.1:8080/), $tool report vergadering 2023-12-01"
