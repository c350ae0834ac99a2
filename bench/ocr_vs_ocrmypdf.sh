#!/usr/bin/env bash
# OCR speed and accuracy: `motiearchief ingest` against OCRmyPDF on the same
# scanned PDFs, in one run, and the memory of a long scanned file.
#
#   bash bench/ocr_vs_ocrmypdf.sh [JOBS] [PAGES] [DPI]
#   SHOW_ERRORS=1 bash bench/ocr_vs_ocrmypdf.sh 2 0   # also print each misread
#
# Part 1: the scanned twins in samples-scanned/ (8 scanned pages, two of
# them turned, one bundle mixing text-layer pages), or the PDFs in $SCANS,
# scanned twins of samples/ with the same names, e.g. every sample page:
#   samples-scanned/make_scanned.py --all --dpi 300 /tmp/scan300
#   SCANS=/tmp/scan300 bash bench/ocr_vs_ocrmypdf.sh 2 0
# through
#   motiearchief ingest --jobs JOBS            (fresh archive)
#   ocrmypdf --skip-text --rotate-pages --rotate-pages-threshold 5 -l nld -j JOBS --sidecar
#   (file by file; the same orientation threshold as ours)
# Wall time of each, and the character error rate of each against the known
# text: the text layer of the original sample page (pdftotext -layout), all
# three normalised alike (NFKC, quotes, bullets, whitespace). CER = edit
# distance / length of the known text, over all scanned pages together.
# Part 2: a PAGES-page scanned PDF (default 500; 0 skips it) through ingest,
# with its wall time and peak resident memory (GNU time; the reader child
# is included).
# Debian packages: ocrmypdf, python3-levenshtein, qpdf, time (or bash's).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-$(nproc)}
pages=${2:-500}
dpi=${3:-300}
tool=$PWD/build/motiearchief
[ -x "$tool" ] || bash scripts/build.sh >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f samples-scanned/nazendingen-gemengd.pdf ] || /usr/bin/python3 samples-scanned/make_scanned.py
scans=${SCANS:-samples-scanned}

now() { date +%s.%N; }

s=$(now)
"$tool" --db "$work/a.db" ingest -q --jobs "$jobs" --ocr-dpi "$dpi" "$scans" >/dev/null || true
ours=$(echo "$(now) - $s" | bc)

mkdir -p "$work/ocrmypdf"
s=$(now)
for f in "$scans"/*.pdf; do
  ocrmypdf -q --skip-text --rotate-pages --rotate-pages-threshold 5 -l nld -j "$jobs" --sidecar "$work/ocrmypdf/$(basename "$f" .pdf).txt" \
    "$f" "$work/ocrmypdf/$(basename "$f")" >/dev/null 2>&1
done
theirs=$(echo "$(now) - $s" | bc)

sqlite3 -separator $'\t' "$work/a.db" \
  "SELECT f.name, p.page_no FROM page p JOIN source_file f ON f.id = p.source_file_id WHERE p.method = 'ocr' ORDER BY 1, 2" \
  > "$work/ocr_pages.tsv"
/usr/bin/python3 - "$work" "$scans" <<'PY'
import os, re, sqlite3, subprocess, sys, unicodedata
import Levenshtein
work, scans = sys.argv[1], sys.argv[2]
twin = {"nazendingen-gemengd.pdf": "nazendingen-alv-2023-12-01.pdf"}
def norm(t):
    t = unicodedata.normalize("NFKC", t)
    t = re.sub(r"[“”„\"«»]", '"', t)
    t = re.sub(r"[‘’`']", "'", t)
    t = re.sub(r"^[ \t]*[•▪►➢✓*·o-][ \t]+", "- ", t, flags=re.M)
    return re.sub(r"\s+", " ", t).strip()
def sidecar_pages(path):
    """Page number -> text; OCRmyPDF writes one marker for a run of skipped pages."""
    pages, number = {}, 1
    for segment in open(path).read().split("\f"):
        skipped = re.search(r"\[OCR skipped on page\(s\) (\d+)(?:-(\d+))?\]", segment)
        if skipped:
            number = int(skipped.group(2) or skipped.group(1)) + 1
            segment = segment.replace(skipped.group(0), "")
            if not segment.strip():
                continue
        pages[number] = segment
        number += 1
    return pages
db = sqlite3.connect(os.path.join(work, "a.db"))
errors = {"motiearchief": 0, "ocrmypdf": 0}
length = 0
n = 0
for line in open(os.path.join(work, "ocr_pages.tsv")):
    name, page = line.rstrip("\n").split("\t")
    page = int(page)
    original = os.path.join("samples", twin.get(name, name))
    truth = norm(subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page),
                                 original, "-"], capture_output=True, text=True).stdout)
    ours = db.execute("SELECT p.text FROM page p JOIN source_file f ON f.id = p.source_file_id "
                      "WHERE f.name = ? AND p.page_no = ?", (name, page)).fetchone()[0]
    theirs = sidecar_pages(os.path.join(work, "ocrmypdf", name[:-4] + ".txt")).get(page, "")
    for tool, text in (("motiearchief", norm(ours)), ("ocrmypdf", norm(theirs))):
        errors[tool] += Levenshtein.distance(text, truth)
        if os.environ.get("SHOW_ERRORS"):
            for op, i1, i2, j1, j2 in Levenshtein.opcodes(truth, text):
                if op != "equal":
                    print("  %s %s p%d: %r -> %r" % (tool, name, page, truth[max(0, i1 - 12):i2 + 12],
                                                    text[max(0, j1 - 12):j2 + 12]))
    length += len(truth)
    n += 1
print("scanned pages: %d (%d characters of known text)" % (n, length))
for k in ("motiearchief", "ocrmypdf"):
    print("CER %-13s %.2f%% (%d characters)" % (k, 100.0 * errors[k] / max(1, length), errors[k]))
PY
echo "wall motiearchief ingest: $(printf %.1f "$ours") s   ocrmypdf: $(printf %.1f "$theirs") s   ratio: $(echo "scale=2; $ours / $theirs" | bc)  (jobs $jobs, rendered at $dpi dpi)"

if [ "$pages" -gt 0 ]; then
  # A long scan: the scanned pages repeated to PAGES pages.
  src=(samples-scanned/motie-enschede-herstel-financiele-verhouding.pdf
       samples-scanned/motie-heemstede-goed-beleid-integraal-beleid.pdf
       samples-scanned/preadvies-heemstede-goed-beleid-integraal-beleid.pdf)
  args=()
  count=0
  while [ "$count" -lt "$pages" ]; do
    for f in "${src[@]}"; do
      n=$(qpdf --show-npages "$f")
      args+=("$f" "1-$n")
      count=$((count + n))
    done
  done
  qpdf --empty --pages "${args[@]}" -- "$work/long.pdf"
  qpdf --empty --pages "$work/long.pdf" "1-$pages" -- "$work/long-$pages.pdf"
  s=$(now)
  /usr/bin/time -v "$tool" --db "$work/long.db" ingest -q --jobs "$jobs" --ocr-dpi "$dpi" --timeout 7200 \
    "$work/long-$pages.pdf" > /dev/null 2> "$work/time.txt" || true
  wall=$(echo "$(now) - $s" | bc)
  rss=$(grep "Maximum resident set size" "$work/time.txt" | awk '{print $NF}')
  ocr=$(sqlite3 "$work/long.db" "SELECT count(*) FROM page WHERE method = 'ocr'")
  echo "long scan: $pages pages ($ocr read by OCR) in $(printf %.0f "$wall") s, $(echo "scale=2; $wall / $pages" | bc) s a page; peak RSS $((rss / 1024)) MiB"
fi
