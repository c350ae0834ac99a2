"""Shared helpers for the quality tests: arguments, the shared corpus, ingest + export.

Each test runs the real `motiearchief` binary: it ingests one or more folders of PDFs into a
fresh archive in a temporary folder, exports it as JSON lines and looks at the records.
"""
import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile


def fail(msg):
    """Stop the test with a clear message (exit 1)."""
    print(f"FAIL: {msg}", flush=True)
    sys.exit(1)


def parse_args(description, extra=None):
    """--binary and --source-dir (given by CTest), --shared (default SOURCE/../shared).
    `extra(parser)` may add options of its own."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--binary", help="the motiearchief binary (default SOURCE/build/motiearchief)")
    ap.add_argument("--source-dir", default=os.path.join(os.path.dirname(__file__), "..", ".."),
                    help="the project root")
    ap.add_argument("--shared", help="the shared folder (default SOURCE/../shared)")
    if extra:
        extra(ap)
    a = ap.parse_args()
    a.source_dir = os.path.abspath(a.source_dir)
    a.binary = a.binary or os.path.join(a.source_dir, "build", "motiearchief")
    a.shared = os.path.abspath(a.shared or os.path.join(a.source_dir, "..", "shared"))
    need(a.shared, "shared folder")
    return a


def need(path, what):
    """The path must exist; a missing shared folder fails, it is never skipped."""
    if not os.path.exists(path):
        fail(f"{what} not found: {path} (the shared folder must sit beside the checkout, "
             f"as ../shared)")
    return path


def dev_dir(args, sub=""):
    """A folder of the dev corpus in ../shared/corpus/dev (pdf, scan, gold)."""
    return need(os.path.join(args.shared, "corpus", "dev", sub), "dev corpus folder")


def run_tool(binary, db, *argv, ok=(0,), stdout=None):
    """Runs `motiearchief --db DB ARGV...`; fails the test on any other exit code."""
    cmd = [binary, "--db", db, *argv]
    p = subprocess.run(cmd, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode not in ok:
        out = p.stdout if isinstance(p.stdout, str) else ""
        fail(f"{' '.join(cmd)} exited with {p.returncode}\n{out}{p.stderr}")
    return p


@contextlib.contextmanager
def exported(binary, *pdf_dirs):
    """Ingests the folders into one fresh archive and yields the path of its JSONL export.
    The temporary folder (archive and export) is removed afterwards."""
    need(binary, "motiearchief binary")
    for d in pdf_dirs:
        need(d, "PDF folder")
    with tempfile.TemporaryDirectory(prefix="ma-quality-") as tmp:
        db = os.path.join(tmp, "archive.db")
        out = os.path.join(tmp, "export.jsonl")
        # 0 = all well, 3 = stored with warnings; both count as success
        run_tool(binary, db, "ingest", *pdf_dirs, ok=(0, 3))
        with open(out, "w", encoding="utf-8") as f:
            run_tool(binary, db, "export", "--format", "jsonl", stdout=f)
        yield out


def load_records(path):
    """The records of a JSONL export, one dict per non-empty line."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def export_records(binary, *pdf_dirs):
    """Ingest + export + parse in one call: the list of exported records."""
    with exported(binary, *pdf_dirs) as path:
        return load_records(path)


def source_name(rec):
    """The PDF file name a record came from (bron.bestand without folders)."""
    return os.path.basename((rec.get("bron") or {}).get("bestand") or "?")
