#!/usr/bin/env python3
"""Generates motion PDFs with a text layer, for the benchmarks.

    make_motions.py files DIR N [SEED]    N one-motion PDFs in DIR; about a
                                          third have a second page holding
                                          only the signature line
    make_motions.py bundle FILE N [SEED]  one PDF of N one-page motions

Every motion is different: municipality (from data/gemeenten.csv), date,
subject, title, number and wording of the considerations and requests,
length. The text follows the genre (Motie title, "De Algemene
Ledenvergadering van de VNG, in vergadering bijeen op ...", constaterende
dat / overwegende dat / verzoekt het bestuur, en gaat over tot de orde van
de dag, Namens ...), so the whole pipeline runs: splitting, extraction,
linking and version detection. Deterministic for a seed. Uses only the
Python standard library (the PDFs are written by hand, Helvetica).
"""
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

SUBJECTS = [
    ("bestaanszekerheid", "inwoners met een laag inkomen"), ("jeugdzorg", "de jeugdhulp"),
    ("woningbouw", "starters op de woningmarkt"), ("netcongestie", "het overvolle stroomnet"),
    ("klimaatadaptatie", "wateroverlast in de wijken"), ("asielopvang", "de spreiding van opvang"),
    ("participatiewet", "mensen in de bijstand"), ("Omgevingswet", "de vergunningverlening"),
    ("energietransitie", "de warmtenetten"), ("schuldhulpverlening", "huishoudens met schulden"),
    ("ondermijning", "de lokale weerbaarheid"), ("mobiliteit", "het openbaar vervoer op het platteland"),
    ("gemeentefonds", "de financiele positie van gemeenten"), ("zorgkosten", "de Wmo-uitgaven"),
    ("onderwijshuisvesting", "de schoolgebouwen"), ("digitalisering", "de informatieveiligheid"),
    ("arbeidsmarkt", "de tekorten aan personeel"), ("stikstof", "de vergunningverlening in het buitengebied"),
    ("cultuur", "de bibliotheken"), ("sport", "de sportaccommodaties"),
]
ADJECTIVES = ["structurele", "duurzame", "eerlijke", "toereikende", "voorspelbare", "snelle",
              "gezamenlijke", "integrale", "lokale", "betere"]
ACTIONS = ["financiering van", "aanpak van", "zeggenschap over", "ruimte voor", "afspraken over",
           "uitvoering van", "regie op", "investeringen in"]
CONSIDERATIONS = [
    "gemeenten de kosten voor {o} niet langer kunnen dragen",
    "het kabinet in het coalitieakkoord extra middelen heeft beloofd voor {s}",
    "de uitvoering van {s} onder druk staat door tekorten",
    "inwoners recht hebben op een overheid die doet wat zij belooft",
    "de motie van vorig jaar over {s} nog niet is uitgevoerd",
    "de gemeente {g} al jaren investeert in {o}",
    "er geen structurele oplossing is voor {o}",
    "de VNG-inzet voor de komende kabinetsperiode {s} noemt",
]
REQUESTS = [
    "bij het Rijk aan te dringen op {a} {s}",
    "in overleg met de provincies te komen tot {a} {o}",
    "de leden voor de volgende ALV te informeren over de voortgang",
    "zich in te zetten voor {a} {o} in de gesprekken met het kabinet",
    "een onderzoek te laten doen naar de kosten van {s}",
]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def gemeenten():
    with open(os.path.join(HERE, "..", "data", "gemeenten.csv"), encoding="utf-8") as f:
        return [row["naam"] for row in csv.DictReader(f)]


def latin1(text):
    """PDF string body in WinAnsi: escapes, and characters beyond Latin-1 dropped."""
    raw = text.encode("latin-1", "ignore")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def wrap(text, width=86):
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = (line + " " + w).strip()
    if line:
        lines.append(line)
    return lines


def motion(rng, names):
    """(page lines, signature lines) of one motion."""
    subject, obj = rng.choice(SUBJECTS)
    g = rng.choice(names)
    adjective, action = rng.choice(ADJECTIVES), rng.choice(ACTIONS)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2015, 2025)
    title = "%s %s %s" % (adjective.capitalize(), action, subject)
    fill = dict(s=subject, o=obj, g=g, a=adjective + " " + action)
    lines = ["Motie %s" % title, "", "Indiener: gemeente %s" % g]
    if rng.random() < 0.5:
        lines.append("Mede-indieners: gemeente %s, gemeente %s" % (rng.choice(names), rng.choice(names)))
    lines += ["", "De Algemene Ledenvergadering van de VNG, in vergadering bijeen op %d %s %d," % (
        day, month, year), ""]
    for i, c in enumerate(rng.sample(CONSIDERATIONS, rng.randint(2, 5))):
        opener = "constaterende dat" if i == 0 else "overwegende dat"
        lines += wrap("%s %s;" % (opener, c.format(**fill)))
    lines += ["", "verzoekt het bestuur:"]
    for r in rng.sample(REQUESTS, rng.randint(1, 3)):
        lines += wrap("- %s;" % r.format(**fill))
    lines += ["", "en gaat over tot de orde van de dag."]
    signature = ["Namens het college van burgemeester en wethouders van %s," % g,
                 "%s. %s, burgemeester" % (rng.choice("ABCDEHJKLMPRSTW"),
                                            rng.choice(["de Vries", "Jansen", "Bakker", "Visser",
                                                        "Smit", "Meijer", "van Dijk", "Mulder"]))]
    return lines, signature


def content(lines):
    out = [b"BT /F1 10 Tf 60 790 Td 13 TL"]
    for line in lines:
        out.append(b"(" + latin1(line) + b") Tj T*")
    out.append(b"ET")
    return b"\n".join(out)


def write_pdf(path, pages):
    """pages: content streams, one per page."""
    objects = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
               3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                  b"/Encoding /WinAnsiEncoding >>"}
    kids = []
    for i, data in enumerate(pages):
        page, stream = 4 + 2 * i, 5 + 2 * i
        kids.append(b"%d 0 R" % page)
        objects[page] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                         b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % stream)
        objects[stream] = b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages))
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    start, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num]
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, start)
    with open(path, "wb") as f:
        f.write(out)


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[1] not in ("files", "bundle"):
        sys.exit(__doc__)
    mode, target, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) == 5 else 14)
    names = gemeenten()
    if mode == "files":
        os.makedirs(target, exist_ok=True)
        for i in range(n):
            lines, signature = motion(rng, names)
            if rng.random() < 1 / 3:
                pages = [content(lines), content(signature)]
            else:
                pages = [content(lines + [""] + signature)]
            write_pdf(os.path.join(target, "motie-%05d.pdf" % i), pages)
    else:
        pages = []
        for _ in range(n):
            lines, signature = motion(rng, names)
            pages.append(content(lines + [""] + signature))
        write_pdf(target, pages)


if __name__ == "__main__":
    main()
