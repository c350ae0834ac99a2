#!/usr/bin/env python3
"""No signature-block or closing text leaks into the clauses: over the exports of samples/ and
the dev set's text PDFs, every verzoek and overweging (`verzoeken[].tekst`,
`overwegingen[].tekst`) is checked against the table CHECKS below and against the names of the
record's own ondertekenaars. Prints every offending clause and fails on any.
--self-test instead runs hand-written bad and good clauses, and the dev set's gold clauses
(clean by definition), through the checks."""
import json
import os
import re

import common

# Pieces of a person's name as a signature block writes it.
PART = r"(?:van|de|der|den|het|ten|ter|te|in|'t|von|du|la|le)"       # tussenvoegsels
WORD = r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)*"                          # Jansen, Frijters-Klijnen
NAME = rf"(?:(?:[A-Z]\.\s?)+|{WORD}\s+)(?:{PART}\s+)*{WORD}"      # A.C. Nienhuis, Jan de Vries
ROLE = r"(?:[Bb]urgemeester|[Ww]ethouder|[Gg]emeentesecretaris|[Gg]riffier|[Rr]aadslid|[Ss]tatenlid|[Dd]ijkgraaf|[Ll]oco-burgemeester)"
PARTY = (r"(?:VVD|CDA|D66|PvdA|SP|GL|GroenLinks|PVV|ChristenUnie|CU|SGP|PvdD|Partij voor de Dieren"
         r"|50PLUS|DENK|JA21|FvD|Volt|BBB|Leefbaar \w+|Lokaal \w+|Gouda Positief|AWP)")

# name -> regex, with a comment on what it catches. Case matters unless re.I is given: a
# signature line starts with a capital where running text would not.
CHECKS = {
    # 'en gaat over tot de orde van de dag' closes a motion; it is no part of any clause
    "closing formula": re.compile(
        r"\bgaa[nt]\s+over\s+tot\s+de\s+orde\s+van\s+de\s+(?:dag|vergadering)", re.I),
    # heading of the list of supporting municipalities or members ('Ondersteunende gemeenten:')
    "supporters heading": re.compile(r"\bondersteunende\s+gemeenten\b", re.I),
    # 'Ondersteund door' as a heading: capitalised, or followed by a colon
    "supported-by heading": re.compile(r"\bOndersteund\s+door\b|\bondersteund\s+door\s*:"),
    # 'Namens de gemeente Eindhoven,', 'Namens burgemeester en wethouders', 'Namens de PVV fractie'
    "namens line": re.compile(
        r"\bNamens\s+(?:de\s+|het\s+)?(?:gemeente|college|burgemeester|raad|\S+\s+fractie|fractie)"),
    # Amsterdam-style signature heading: 'Het lid van de gemeenteraad,' / 'De leden van ...'
    "lid van de raad": re.compile(
        r"\b(?:Het lid|De leden) van (?:de gemeenteraad|de raad|Provinciale Staten|het algemeen bestuur)"),
    # 'Fractie Partij voor de Dieren, Frank-Juriën Dam' / 'Gemeenteraadsfractie X, Name'
    "fractie, name": re.compile(
        rf"\b(?:Gemeenteraads|Staten|Raads)?[Ff]ractie\s+[^,;\n]{{1,40}},\s*{NAME}"),
    # 'Christine Teunissen, Gemeenteraadsfractie Partij voor de Dieren'
    "name, fractie": re.compile(rf"{NAME},\s*(?:Gemeenteraads|Staten|Raads)?[Ff]ractie\b"),
    # 'Burgemeester Enschede', 'wethouder J. Jansen': a role, then a capitalised name (not after
    # an article: 'de burgemeester Halsema' is a sentence, not a signature)
    "role name": re.compile(rf"(?<![Dd]e )(?<![Hh]et )\b{ROLE},?\s+(?:{NAME}|{WORD})"),
    # 'A.C. Nienhuis, burgemeester'
    "name, role": re.compile(rf"{NAME},\s*{ROLE}\b"),
    # signature columns side by side: 'burgemeester   gemeentesecretaris', 'Burgemeester Wethouder'
    "role role": re.compile(rf"\b{ROLE}\s+{ROLE}\b"),
    # two or more names in a row, as the signature block lists them: 'Hiltje Keller Andrea Poppe',
    # 'J.A. de Vries, E.K. Strijker'
    "run of names": re.compile(rf"\b{NAME}(?:[ \t]*[,;]?\s+{NAME})+"),
    # two or more party names set side by side (a block signed by fracties): 'D66 GroenLinks'
    "run of parties": re.compile(rf"\b{PARTY}(?:[ \t]+|\s*\n\s*){PARTY}\b"),
}


def leaks(text, signers=()):
    """The names of the checks that fire on one clause; signers: the record's ondertekenaars.
    Parenthesised asides are left out for the regexes: a cited source '(Welzijn van dieren,
    H. Hopster, M. van Dierendonck, 2009)' is text, and 'Jan Jansen (PvdA) Piet Smit (VVD)'
    still shows as a run of names."""
    bare = re.sub(r"\([^()]*\)", " ", text)
    hits = [name for name, rx in CHECKS.items() if rx.search(bare)]
    for naam in signers:
        # the signer's name as written (case as written), as whole words; not inside a compound
        # such as 'de motie-Gesthuizen/Vos', which cites an earlier motion
        if naam and len(naam) >= 4 and re.search(rf"(?<![\w/-]){re.escape(naam)}(?![\w/-])", text):
            hits.append(f"ondertekenaar '{naam}'")
    return hits


# (clause, signers, the check that must fire or None for a clean clause)
SELF_TEST = [
    ("de motie uit te voeren en gaat over tot de orde van de dag.", [], "closing formula"),
    ("dit te regelen. En gaan over tot de orde van de vergadering", [], "closing formula"),
    ("het beleid te herzien. Ondersteunende gemeenten: Weert, Apeldoorn", [], "supporters heading"),
    ("het beleid te herzien. Ondersteund door: D66, CDA", [], "supported-by heading"),
    ("de raad te informeren. Namens de gemeente Eindhoven,", [], "namens line"),
    ("de raad te informeren. Namens burgemeester en wethouders van Heemstede,", [], "namens line"),
    ("de raad te informeren. Namens de PVV fractie", [], "namens line"),
    ("de raad voor 1 juli te informeren. Het lid van de gemeenteraad, Van Lammeren", [], "lid van de raad"),
    ("de plannen te schrappen. Fractie Partij voor de Dieren, Frank-Juriën Dam", [], "fractie, name"),
    ("een nota te presenteren. Christine Teunissen, Gemeenteraadsfractie Partij voor de Dieren", [], "name, fractie"),
    ("het gemeentefonds te herstellen. Burgemeester Enschede Wethouder Financiën Enschede", [], "role name"),
    ("het beleid te toetsen. A.C. Nienhuis, burgemeester", [], "name, role"),
    ("dit te steunen. burgemeester gemeentesecretaris", [], "role role"),
    ("te inventariseren welke gemeenten meedoen Hiltje Keller Andrea Poppe David Oude Wesselink", [], "run of names"),
    ("de middelen te benutten. J.A. de Vries E.K. Strijker", [], "run of names"),
    ("een themavlag zichtbaar te maken. D66 GroenLinks Partij voor de Dieren", [], "run of parties"),
    ("een Rapport Dierenwelzijn op te stellen Robert Barker", ["Robert Barker"], "ondertekenaar 'Robert Barker'"),
    # clean clauses, close to the bad ones: none of the checks may fire
    ("het mandaat dat de burgemeester aan de stadsdeelvoorzitters heeft gegeven in te trekken", [], None),
    ("het college van burgemeester en wethouders te vragen de raad te informeren", [], None),
    ("een visie op dierenwelzijn te ontwikkelen met Den Haag, Rotterdam en Amsterdam", [], None),
    ("de motie 'Vreemd aan de orde van de dag' uit te voeren", [], None),
    ("de uitspraak van de Minister voor Armoede, Participatie en Pensioenen te benutten", [], None),
    ("regels op te nemen in de Gedragscode bestuurlijke integriteit Commissaris van de Koning en gedeputeerden", [], None),
    ("initiatieven die door de provincie worden ondersteund door subsidie te verlengen", [], None),
    ("de fracties van VVD, CDA en D66 te betrekken bij het overleg", [], None),
    ("Gedeputeerde Staten te verzoeken de regels aan te passen", [], None),
    ("onderzoek (Welzijn van dieren in circussen, H. Hopster, M. van Dierendonck en K. van Reenen, 2009)", [], None),
    ("de Europese Unie te vragen haar coördinerende taak op te pakken", [], None),
    ("het rapport in het voorjaar van 2017 aan de gemeenteraad te sturen", ["Peter Bos"], None),
    ("te melden hoe de motie-Gesthuizen/Vos een rol speelt", ["Gesthuizen"], None),
]


def self_test(gold_dir):
    """Each bad clause fires its check, no good clause fires any; and as the hand-made gold
    clauses of the dev set are clean by definition, no check may fire on them either."""
    failed = 0
    for text, signers, want in SELF_TEST:
        got = leaks(text, signers)
        ok = (want in got) if want else not got
        print(f"{'ok  ' if ok else 'FAIL'} want {want or 'nothing'!s:30s} got {got}  <- {text!r}")
        failed += not ok
    untested = set(CHECKS) - {want for _, _, want in SELF_TEST}
    if untested:
        print(f"FAIL no bad clause for: {', '.join(sorted(untested))}")
        failed += 1
    n = 0
    for f in sorted(x for x in os.listdir(gold_dir) if x.endswith(".json")):
        with open(os.path.join(gold_dir, f), encoding="utf-8") as fh:
            gold = json.load(fh)
        signers = [o["naam"] for o in gold.get("ondertekenaars", [])]
        for field in ("overwegingen", "verzoeken"):
            for text in gold.get(field, []):
                n += 1
                got = leaks(text, signers)
                if got:
                    print(f"FAIL gold {f} {field}: false alarm {got}  <- {text!r}")
                    failed += 1
    print(f"{n} gold clauses checked for false alarms")
    if failed:
        common.fail(f"{failed} self-test cases wrong")
    print(f"PASS: {len(SELF_TEST)} hand-written cases and {n} gold clauses")


def main():
    args = common.parse_args(__doc__, lambda ap: ap.add_argument(
        "--self-test", action="store_true", help="check the checks on hand-written clauses"))
    if args.self_test:
        return self_test(common.dev_dir(args, "gold"))
    records = common.export_records(args.binary, os.path.join(args.source_dir, "samples"),
                                    common.dev_dir(args, "pdf"))
    found = 0
    for rec in records:
        signers = [o.get("naam", "") for o in rec.get("ondertekenaars") or []]
        for field in ("overwegingen", "verzoeken"):
            for i, clause in enumerate(rec.get(field) or []):
                hits = leaks(clause.get("tekst", ""), signers)
                if hits:
                    found += 1
                    print(f"{common.source_name(rec)} id={rec.get('id')} {field}[{i}]: "
                          f"{', '.join(hits)}\n    {clause.get('tekst', '')!r}")
    print(f"{len(records)} records checked, {found} clauses with leaks")
    if found:
        common.fail(f"{found} clauses hold closing, supporter or signature text")
    print("PASS: no leaks in verzoeken or overwegingen")


if __name__ == "__main__":
    main()
