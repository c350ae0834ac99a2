#!/usr/bin/env python3
"""Writes a hostile corpus: files a nightly batch may meet and must survive.

    python3 scripts/make_hostile_corpus.py OUT_DIR [SAMPLES_DIR]

OUT_DIR gets over 200 files named <kind>-<n>.pdf, plus the real samples
copied as good-<name>.pdf, so one ingest run mixes hostile and good files.
Every file is made the same way each time (fixed seeds). Standard library
only, plus qpdf (Debian package qpdf) for the encrypted files.

Kinds: truncated files, random byte flips of real samples, broken xref
tables, encrypted with a user or an owner password, page counts that lie,
loops in the page tree, deep nesting, decompression bombs, a huge image,
self-referencing forms, too many pages, bad stream lengths, and files that
are not PDFs at all.
"""

import os
import random
import shutil
import subprocess
import sys
import zlib


def pdf(objects, root=1, trailer_extra=b"", xref=True):
    """A PDF from {number: body bytes}; correct xref unless told otherwise."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    start = len(out)
    size = max(objects) + 1
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % size
        for num in range(1, size):
            out += b"%010d 00000 n \n" % offsets.get(num, 0)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        size, root, trailer_extra, start)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Motie Hostile: de gemeente dient deze motie in) Tj ET"


def one_page(content=TEXT, page_extra=b"", pages_extra=b""):
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 %s>>" % pages_extra,
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
           b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R %s>>" % page_extra,
        4: stream(content),
        5: FONT,
    }


def structural():
    """Crafted structures, each aimed at one way a parser can go wrong."""
    files = {}
    # Page counts that lie.
    for n, count in enumerate([b"1000000", b"-5", b"0", b"2147483647", b"1.5e300"]):
        objs = one_page()
        objs[2] = b"<< /Type /Pages /Kids [3 0 R] /Count %s >>" % count
        files["page-count-lies-%d" % n] = pdf(objs)
    # Loops in the page tree.
    objs = one_page()
    objs[2] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    files["page-tree-loop-0"] = pdf(objs)
    objs = one_page()
    objs[2] = b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>"
    objs[6] = b"<< /Type /Pages /Parent 2 0 R /Kids [7 0 R] /Count 1 >>"
    objs[7] = b"<< /Type /Pages /Parent 6 0 R /Kids [6 0 R] /Count 1 >>"
    files["page-tree-loop-1"] = pdf(objs)
    objs = one_page(page_extra=b"/Parent 3 0 R")
    files["page-tree-loop-2"] = pdf(objs)
    # Deep nesting, in an object and in a content stream.
    for n, depth in enumerate([1000, 100000]):
        objs = one_page()
        objs[6] = b"[" * depth + b"]" * depth
        objs[2] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Deep 6 0 R >>"
        files["deep-array-%d" % n] = pdf(objs)
        objs = one_page()
        objs[6] = b"<< /A " * depth + b">>" * depth
        objs[2] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Deep 6 0 R >>"
        files["deep-dict-%d" % n] = pdf(objs)
        files["deep-content-%d" % n] = pdf(one_page(b"q " * depth + TEXT + b" Q" * depth))
    # Decompression bombs: small files that inflate to hundreds of MiB.
    bomb = zlib.compress(b" " * (256 << 20), 9)
    objs = one_page()
    objs[4] = stream(bomb, b"/Filter /FlateDecode ")
    files["bomb-content-0"] = pdf(objs)
    objs = one_page()
    objs[4] = stream(zlib.compress(zlib.compress(b"0" * (64 << 20), 9), 9),
                     b"/Filter [/FlateDecode /FlateDecode] ")
    files["bomb-content-1"] = pdf(objs)
    # A huge image (and a form that draws itself).
    image = stream(zlib.compress(b"\x00" * (8 << 20), 9),
                   b"/Type /XObject /Subtype /Image /Width 100000 /Height 100000 "
                   b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode ")
    objs = one_page(b"q 595 0 0 842 0 0 cm /Im1 Do Q " + TEXT,
                    page_extra=b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >>")
    objs[3] = objs[3].replace(b"/Resources << /Font << /F1 5 0 R >> >> ", b"")
    objs[6] = image
    files["huge-image-0"] = pdf(objs)
    objs = one_page(b"/Fm1 Do " + TEXT,
                    page_extra=b"/Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >>")
    objs[3] = objs[3].replace(b"/Resources << /Font << /F1 5 0 R >> >> ", b"")
    objs[6] = stream(b"/Fm1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] "
                     b"/Resources << /XObject << /Fm1 6 0 R >> >> ")
    files["form-recursion-0"] = pdf(objs)
    # Too many pages for the page limit (5000).
    n_pages = 6000
    kids = b" ".join(b"%d 0 R" % (10 + i) for i in range(n_pages))
    objs = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n_pages),
            4: stream(b""), 5: FONT}
    for i in range(n_pages):
        objs[10 + i] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
    files["too-many-pages-0"] = pdf(objs)
    # Stream lengths that lie, a missing endstream, no xref at all.
    objs = one_page()
    objs[4] = b"<< /Length 999999999 >>\nstream\n" + TEXT + b"\nendstream"
    files["bad-length-0"] = pdf(objs)
    objs = one_page()
    objs[4] = b"<< /Length -20 >>\nstream\n" + TEXT + b"\nendstream"
    files["bad-length-1"] = pdf(objs)
    objs = one_page()
    objs[4] = b"<< /Length 10 >>\nstream\n" + TEXT
    files["bad-length-2"] = pdf(objs)
    files["no-xref-0"] = pdf(one_page(), xref=False)
    objs = one_page()
    objs[5] = b"<< /Type /Font /Subtype /TrueType /BaseFont /Bad /FontDescriptor 6 0 R >>"
    objs[6] = b"<< /Type /FontDescriptor /FontName /Bad /FontFile2 7 0 R >>"
    objs[7] = stream(bytes(random.Random(7).getrandbits(8) for _ in range(4096)))
    files["bad-font-0"] = pdf(objs)
    objs = one_page()
    objs[1] = b"<< /Type /Catalog /Pages 1 0 R >>"
    files["catalog-loop-0"] = pdf(objs)
    return files


def not_pdfs():
    png = b"\x89PNG\r\n\x1a\n" + bytes(200)
    return {
        "not-pdf-empty": b"",
        "not-pdf-one-byte": b"%",
        "not-pdf-text": "Motie van de gemeente Losser, als tekst.\n".encode() * 20,
        "not-pdf-html": b"<!doctype html><html><body><h1>Motie</h1></body></html>",
        "not-pdf-png": png,
        "not-pdf-zip": b"PK\x03\x04" + bytes(300),
        "not-pdf-elf": b"\x7fELF\x02\x01\x01" + bytes(500),
        "not-pdf-header-only": b"%PDF-1.7\n",
        "not-pdf-header-garbage": b"%PDF-1.4\n" + bytes(random.Random(3).getrandbits(8)
                                                        for _ in range(20000)),
        "not-pdf-utf16": "%PDF-1.4 motie".encode("utf-16"),
        "not-pdf-eof-only": b"%%EOF\n",
    }


def from_samples(samples):
    files = {}
    for i, (name, data) in enumerate(samples):
        base = os.path.splitext(name)[0]
        for frac in (0.05, 0.3, 0.5, 0.8, 0.97):
            files["truncated-%s-%02d" % (base, int(frac * 100))] = data[: int(len(data) * frac)]
        rng = random.Random(1000 + i)
        for n in range(8):
            flipped = bytearray(data)
            for _ in range(rng.choice([1, 10, 100, 1000])):
                pos = rng.randrange(len(flipped))
                flipped[pos] ^= 1 << rng.randrange(8)
            files["flipped-%s-%d" % (base, n)] = bytes(flipped)
        # Broken cross-reference: startxref pointing nowhere, and the xref
        # offsets shifted so every object is looked up in the wrong place.
        tail = data.rfind(b"startxref")
        if tail > 0:
            files["broken-xref-%s-0" % base] = data[:tail] + b"startxref\n999999999\n%%EOF\n"
        xref = data.rfind(b"\nxref")
        if xref > 0:
            broken = bytearray(data)
            for k in range(xref + 6, min(len(broken), xref + 4000)):
                if 0x30 <= broken[k] <= 0x39 and k % 7 == 0:
                    broken[k] = 0x30 + (broken[k] - 0x30 + 3) % 10
            files["broken-xref-%s-1" % base] = bytes(broken)
    return files


def encrypted(samples, out_dir):
    """User password (unreadable) and owner password only (readable)."""
    qpdf = shutil.which("qpdf")
    if not qpdf:
        sys.exit("make_hostile_corpus: qpdf is needed (scripts/install-deps.sh installs it)")
    count = 0
    for name, path in samples:
        base = os.path.splitext(name)[0]
        for kind, user in (("user", "geheim"), ("owner", "")):
            target = os.path.join(out_dir, "encrypted-%s-%s.pdf" % (kind, base))
            subprocess.run([qpdf, "--encrypt", user, "eigenaar", "256", "--", path, target],
                           check=True)
            count += 1
    return count


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    samples_dir = sys.argv[2] if len(sys.argv) == 3 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "samples")
    os.makedirs(out_dir, exist_ok=True)
    sample_names = sorted(f for f in os.listdir(samples_dir) if f.endswith(".pdf"))
    samples = []
    for name in sample_names:
        with open(os.path.join(samples_dir, name), "rb") as f:
            samples.append((name, f.read()))
    files = {}
    files.update(structural())
    files.update(not_pdfs())
    files.update(from_samples(samples))
    for name, data in files.items():
        with open(os.path.join(out_dir, name + ".pdf"), "wb") as f:
            f.write(data)
    n_encrypted = encrypted([(n, os.path.join(samples_dir, n)) for n in sample_names], out_dir)
    for name in sample_names:
        shutil.copyfile(os.path.join(samples_dir, name), os.path.join(out_dir, "good-" + name))
    print("make_hostile_corpus: %d hostile files and %d good files in %s"
          % (len(files) + n_encrypted, len(sample_names), out_dir))


if __name__ == "__main__":
    main()
