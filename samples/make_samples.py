#!/usr/bin/env python3
"""Make the sample PDFs in samples/ from the corpus texts in ../shared/corpus/.

The corpus holds text that a PDF-to-text tool extracted from real VNG PDFs.
This script lays that text out again as real PDFs with a text layer
(embedded DejaVu Sans, one line of the corpus per line of the page, columns
kept where the corpus shows them as runs of spaces), page by page where the
corpus shows page starts. The PDFs are committed; run this script only to
regenerate them (python3-reportlab and fonts-dejavu-core are needed).

Usage: samples/make_samples.py [CORPUS_DIR] [OUT_DIR]
"""
import os
import re
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "shared", "corpus")
OUT = sys.argv[2] if len(sys.argv) > 2 else HERE

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_SIZE = 9
LEADING = 12.5
MARGIN_X = 42
MARGIN_TOP = 50
MARGIN_BOTTOM = 50
# Width of one character column of the corpus text, used to place columns
# (segments separated by 3+ spaces) where the corpus puts them.
COLUMN_WIDTH = 5.0
LINES_PER_PAGE = int((A4[1] - MARGIN_TOP - MARGIN_BOTTOM) // LEADING)

BUNDLE = "nazendingen-alv-2023-12-01.txt"
# Page starts (1-based line numbers of the corpus file) with the text each
# such line must contain, so that a changed corpus fails loudly.
BUNDLE_PAGES = [
    (1, "Geachte leden"), (80, "Agendapunt 8a"), (153, "Vereniging van"),
    (247, "2/2"), (327, "Indiener:"), (433, "Samenvatting en preadvies"),
    (499, "AAN: Bestuur"), (573, "Deze werkwijze"),
    (617, "Samenvatting en preadvies"), (685, "Amendement van"),
    (781, "Eindhoven betreft"), (801, "Samenvatting en preadvies"),
    (845, "Aan: Bestuur"), (936, "Verzoekt het VNG"),
    (1000, "Samenvatting en preadvies"),
]

# name -> (corpus file, first line, last line or None, page starts or None)
SAMPLES = {
    "nazendingen-alv-2023-12-01": (BUNDLE, 1, None, BUNDLE_PAGES),
    "ledenbrief-eerste-nazending-2023-11-22": (BUNDLE, 1, 152, BUNDLE_PAGES),
    "motie-enschede-herstel-financiele-verhouding": (BUNDLE, 327, 432, BUNDLE_PAGES),
    "motie-heemstede-goed-beleid-integraal-beleid": (BUNDLE, 499, 616, BUNDLE_PAGES),
    "preadvies-heemstede-goed-beleid-integraal-beleid": (BUNDLE, 617, 684, BUNDLE_PAGES),
    "amendement-eindhoven-normering-en-regulering": (BUNDLE, 685, 800, BUNDLE_PAGES),
    "motie-sudwest-fryslan-losser-met-ondersteuners": (
        "motie-sudwest-fryslan-losser-met-ondersteuners.txt", 1, None,
        [(1, "Aan: Bestuur"), (59, "Verzoekt"), (99, "Algemene Ledenvergadering")]),
    "brief-vng-aan-tweede-kamer-2024-10-15": (
        "brief-vng-aan-tweede-kamer-2024-10-15.txt", 1, None,
        [(1, "Vereniging van"), (90, "2. Ontwikkeling"), (181, "Vanwege de druk")]),
    "essay-bestaanszekerheid-als-belofte": ("essay-bestaanszekerheid-als-belofte.txt", 1, None, None),
    "kadernota-inkomen-ontwikkeling-werk-2025-2028": (
        "kadernota-inkomen-ontwikkeling-werk-2025-2028.txt", 1, None, None),
}


def undo_double_spacing(lines):
    """The corpus often has an empty line after every line; the PDF had not."""
    nonblank = [i for i, l in enumerate(lines) if l.strip()]
    if not nonblank:
        return lines
    followed = sum(1 for i in nonblank if i + 1 < len(lines) and lines[i + 1] == "")
    if followed / len(nonblank) < 0.6:
        return lines
    out = []
    for line in lines:
        if line == "":
            continue
        out.append("" if not line.strip() else line)
    return out


def squeeze_blank_runs(lines):
    out, blanks = [], 0
    for line in lines:
        blanks = blanks + 1 if not line.strip() else 0
        if blanks <= 2:
            out.append(line)
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return out


def paginate(lines, first, last, starts):
    """Cut corpus lines [first, last] into pages at the given page starts."""
    last = last or len(lines)
    cuts = [first]
    for number, must_contain in starts or []:
        if must_contain not in lines[number - 1]:
            raise SystemExit(f"corpus changed: line {number} lacks {must_contain!r}")
        if first < number <= last:
            cuts.append(number)
    cuts.append(last + 1)
    pages = []
    for a, b in zip(cuts, cuts[1:]):
        page = squeeze_blank_runs(undo_double_spacing(lines[a - 1:b - 1]))
        # A corpus page longer than a PDF page flows on to the next one.
        while len(page) > LINES_PER_PAGE:
            pages.append(page[:LINES_PER_PAGE])
            page = squeeze_blank_runs(page[LINES_PER_PAGE:])
        if page:
            pages.append(page)
    return pages


def draw_line(pdf, y, line):
    # Keep columns: each segment after a run of 3+ spaces starts at the
    # x position of its character column in the corpus line.
    for match in re.finditer(r"\S(?:.*?\S)?(?=\s{3,}|\s*$)", line):
        x = MARGIN_X + match.start() * COLUMN_WIDTH if match.start() > 0 else MARGIN_X
        pdf.drawString(x, y, match.group(0))


def write_pdf(path, pages, title):
    pdf = canvas.Canvas(path, pagesize=A4, invariant=1)
    pdf.setTitle(title)
    pdf.setAuthor("Motiearchief samples (from VNG documents)")
    for page in pages:
        pdf.setFont("DejaVuSans", FONT_SIZE)
        y = A4[1] - MARGIN_TOP
        for line in page:
            if line.strip():
                draw_line(pdf, y, line.rstrip())
            y -= LEADING
        pdf.showPage()
    pdf.save()


def main():
    pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    os.makedirs(OUT, exist_ok=True)
    for name, (source, first, last, starts) in SAMPLES.items():
        with open(os.path.join(CORPUS, source), encoding="utf-8") as f:
            lines = f.read().split("\n")
        pages = paginate(lines, first, last, starts)
        path = os.path.join(OUT, name + ".pdf")
        write_pdf(path, pages, name)
        print(f"{path}: {len(pages)} pages")


if __name__ == "__main__":
    main()
