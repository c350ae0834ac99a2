#!/usr/bin/env bash
# Benchmark: a night of odd PDFs in one ingest run.
#
#   bash bench/hostile_batch.sh [GENERATED]
#
# The hostile corpus (scripts/make_hostile_corpus.py: 216 truncated,
# bit-flipped, encrypted, bomb, loop and non-PDF files and the good
# samples), plus GENERATED (default 480) motion PDFs from
# bench/make_motions.py, of which a third have a page holding only the
# signature line, and a quarter are then truncated or bit-flipped. One
# `ingest` over all of them: wall time, files per status, and the pages
# read by OCR although their text layer held text (should be none).
set -euo pipefail
cd "$(dirname "$0")/.."
generated=${1:-480}
tool=build/motiearchief
[ -x "$tool" ] || bash scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/make_hostile_corpus.py "$work/in" samples >/dev/null
python3 bench/make_motions.py files "$work/gen" "$generated" 5
python3 - "$work/gen" <<'PY'
import os, random, sys
d = sys.argv[1]
rng = random.Random(3)
for i, name in enumerate(sorted(os.listdir(d))):
    if i % 4:
        continue
    path = os.path.join(d, name)
    data = bytearray(open(path, "rb").read())
    if i % 8 == 0:
        data = data[: len(data) * rng.randint(10, 90) // 100]
    else:
        for _ in range(rng.choice([1, 10, 100])):
            pos = rng.randrange(len(data))
            data[pos] ^= 1 << rng.randrange(8)
    open(path, "wb").write(bytes(data))
PY
mv "$work"/gen/*.pdf "$work/in/"
files=$(ls "$work/in" | wc -l)
t0=$(date +%s.%N)
code=0
"$tool" --db "$work/a.db" ingest -q --timeout 60 --summary-json "$work/summary.json" "$work/in" \
  >/dev/null 2>&1 || code=$?
t1=$(date +%s.%N)
printf '%d files in %.0f s (exit %d), %.2f s a file\n' "$files" "$(echo "$t1 - $t0" | bc -l)" \
  "$code" "$(echo "($t1 - $t0) / $files" | bc -l)"
python3 - "$work/summary.json" <<'PY'
import collections, json, sys
s = json.load(open(sys.argv[1]))
print("files with a status:", len(s["outcomes"]))
print("by status:", dict(collections.Counter(o["status"] for o in s["outcomes"])))
PY
sqlite3 "$work/a.db" "SELECT 'pages read by OCR: ' || count(*) FROM page WHERE method = 'ocr'"
sqlite3 "$work/a.db" "SELECT 'of them in files made with a text layer (motie-*): ' || count(*) FROM page p JOIN source_file f ON f.id = p.source_file_id WHERE p.method = 'ocr' AND f.name LIKE 'motie-%'"
"$tool" --db "$work/a.db" check >/dev/null && echo "check: clean"
