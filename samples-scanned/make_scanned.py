#!/usr/bin/env python3
"""Makes scanned twins of sample PDFs: what a printed, signed and scanned
motion looks like. Each page is rasterised (pdftoppm, greyscale), tilted a
little, given noise and JPEG artefacts (ImageMagick), and wrapped as an
image-only PDF (img2pdf). Some pages are turned by 90 or 180 degrees, as a
scanner's feeder does. One bundle mixes text-layer and scanned pages.

    python3 samples-scanned/make_scanned.py [OUT_DIR]
    python3 samples-scanned/make_scanned.py --all [--dpi N] OUT_DIR

--all scans every page of every sample (for the OCR benchmark; every 7th
page turned by 180 degrees, every 11th by 90) at N dpi (default 150, as the
twins in samples-scanned/).

Debian packages: poppler-utils, imagemagick, img2pdf, qpdf. Deterministic:
ImageMagick's noise is seeded, so the same input gives the same files.
"""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "samples")

# name -> {page number: degrees turned clockwise}
SCANS = {
    "motie-enschede-herstel-financiele-verhouding.pdf": {},
    "motie-heemstede-goed-beleid-integraal-beleid.pdf": {2: 180},
    "preadvies-heemstede-goed-beleid-integraal-beleid.pdf": {1: 90},
}
# The mixed bundle: these pages of the nazendingen bundle scanned, the
# others kept with their text layer.
MIXED_SOURCE = "nazendingen-alv-2023-12-01.pdf"
MIXED_SCANNED_PAGES = [5, 6, 7]


def run(*args):
    subprocess.run(args, check=True)


def scan(src, out, turned, tmp, pages=None, dpi=150):
    """Rasterises `src` (only `pages` if given) into an image-only `out`."""
    prefix = os.path.join(tmp, "p")
    for f in os.listdir(tmp):
        os.remove(os.path.join(tmp, f))
    args = ["pdftoppm", "-r", str(dpi), "-gray"]
    if pages:
        args += ["-f", str(min(pages)), "-l", str(max(pages))]
    run(*args, src, prefix)
    images = []
    for name in sorted(os.listdir(tmp)):
        number = int(name.rsplit("-", 1)[1].split(".")[0])
        jpg = os.path.join(tmp, "s-%03d.jpg" % number)
        tilt = 0.6 if number % 2 else -0.4
        run("convert", os.path.join(tmp, name), "-background", "white", "-rotate", str(tilt),
            "+repage", "-seed", str(number), "-attenuate", "0.25", "+noise", "Gaussian",
            "-rotate", str(turned.get(number, 0)), "-quality", "60", jpg)
        images.append(jpg)
    run("img2pdf", "--pagesize", "A4", *images, "-o", out)


def scan_all(out_dir, dpi, tmp):
    """Every sample, every page; returns the number of pages."""
    total = 0
    for name in sorted(os.listdir(SAMPLES)):
        if not name.endswith(".pdf"):
            continue
        src = os.path.join(SAMPLES, name)
        pages = int(subprocess.run(["qpdf", "--show-npages", src], check=True,
                                   capture_output=True, text=True).stdout)
        turned = {}
        for number in range(1, pages + 1):
            total += 1
            if total % 7 == 0:
                turned[number] = 180
            elif total % 11 == 0:
                turned[number] = 90
        scan(src, os.path.join(out_dir, name), turned, tmp, dpi=dpi)
    return total


def main():
    args = sys.argv[1:]
    every = "--all" in args
    dpi = 150
    if "--dpi" in args:
        dpi = int(args[args.index("--dpi") + 1])
        del args[args.index("--dpi"):args.index("--dpi") + 2]
    args = [a for a in args if a != "--all"]
    out_dir = args[0] if args else HERE
    os.makedirs(out_dir, exist_ok=True)
    for tool in ("pdftoppm", "convert", "img2pdf", "qpdf"):
        if not shutil.which(tool):
            sys.exit("make_scanned: %s is needed (scripts/install-deps.sh)" % tool)
    with tempfile.TemporaryDirectory() as tmp:
        if every:
            n = scan_all(out_dir, dpi, tmp)
            print("make_scanned: scanned %d pages at %d dpi into %s" % (n, dpi, out_dir))
            return
        for name, turned in SCANS.items():
            scan(os.path.join(SAMPLES, name), os.path.join(out_dir, name), turned, tmp)
        # Mixed: text pages around scanned ones, joined by qpdf.
        src = os.path.join(SAMPLES, MIXED_SOURCE)
        scanned = os.path.join(out_dir, "_scanned_pages.pdf")
        scan(src, scanned, {}, tmp, MIXED_SCANNED_PAGES)
        first, last = min(MIXED_SCANNED_PAGES), max(MIXED_SCANNED_PAGES)
        total = int(subprocess.run(["qpdf", "--show-npages", src], check=True,
                                   capture_output=True, text=True).stdout)
        run("qpdf", "--empty", "--pages", src, "1-%d" % (first - 1), scanned, "1-z", src,
            "%d-%d" % (last + 1, total), "--", os.path.join(out_dir, "nazendingen-gemengd.pdf"))
        os.remove(scanned)
    print("make_scanned: wrote %d scanned PDFs to %s" % (len(SCANS) + 1, out_dir))


if __name__ == "__main__":
    main()
