#!/usr/bin/env python3
"""Search latency on an archive, measured as it is used.

    search_bench.py TOOL DB [QUERIES] [CLI_QUERIES]
    search_bench.py --engines TOOL SQLITE_DB POSTGRES_URL [QUERIES]

QUERIES (default 1000) mixed queries, generated with a fixed seed from the
vocabulary of bench/make_motions.py and the municipality list: single
words, two words, phrases, OR and NOT, prefixes, and filters (gemeente,
date range, soort, in verzoeken), alone and combined.

1. Warm, through `TOOL serve` (one server process, queries one after the
   other over HTTP /api/search, limit 20): p50/p95 in ms right after the
   server starts, and again in a fresh server after QUERIES other queries
   (another seed) have filled its page cache; next to the bare FTS5 query
   on the same archive in one warm sqlite3 connection (the expression
   `search --explain` gives, bm25 ranking over every match, limit 20).
2. Cold, a fresh process per query, for CLI_QUERIES (default 200) of them:
   `TOOL search` next to the stock `sqlite3` tool running the bare query.

With --engines: the same archive on SQLite and on PostgreSQL (made by
`motiearchief copy`), the same QUERIES through `TOOL serve` on each, warm,
p50/p95 side by side, and how many queries found results on each.

The bare query does less than the tool (filters, loading the records,
pages and snippets); the ratios show what that costs. Standard library
only; the `sqlite3` command is Debian's sqlite3 package.
"""
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_motions  # noqa: E402

BARE = ("SELECT d.id, bm25(search_fts, 5.0, 1.0, 1.0, 1.0) AS score FROM search_fts "
        "JOIN document d ON d.doc_no = search_fts.rowid WHERE search_fts MATCH ? "
        "ORDER BY score LIMIT 20")


def words():
    out = set()
    for subject, obj in make_motions.SUBJECTS:
        out.add(subject.lower())
        out.update(w for w in obj.split() if len(w) > 4)
    for phrase in make_motions.CONSIDERATIONS + make_motions.REQUESTS:
        out.update(w for w in phrase.split() if len(w) > 5 and "{" not in w)
    out.update(a for a in make_motions.ADJECTIVES)
    return sorted(out)


def queries(n, seed=7):
    rng = random.Random(seed)
    vocab = words()
    names = make_motions.gemeenten()
    out = []
    for i in range(n):
        kind = i % 6
        a, b = rng.choice(vocab), rng.choice(vocab)
        if kind == 0:
            q = {"q": a}
        elif kind == 1:
            q = {"q": "%s %s" % (a, b)}
        elif kind == 2:
            subject, obj = rng.choice(make_motions.SUBJECTS)
            q = {"q": '"%s"' % " ".join(obj.split()[-2:])}
        elif kind == 3:
            q = {"q": "%s OR %s" % (a, b)} if rng.random() < 0.5 else {"q": "%s NOT %s" % (a, b)}
        elif kind == 4:
            q = {"q": a[:5] + "*"}
        else:
            q = {"q": a, "gemeente": rng.choice(names)}
        if rng.random() < 0.25:
            year = rng.randint(2015, 2024)
            q["van"], q["tot"] = "%d-01-01" % year, "%d-12-31" % (year + 1)
        if rng.random() < 0.1:
            q["soort"] = "motie"
        if rng.random() < 0.1:
            q["in"] = "verzoeken"
        out.append(q)
    return out


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int((len(v) - 1) * p / 100 + 0.5))]


def explain(tool, q):
    r = subprocess.run([tool, "search", "--explain", "--", q], capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_times(tool, db, qs, warmup=()):
    """Latencies (ms) of `qs` through one `tool serve` on `db`, and how
    many found something; `warmup` queries are sent first, unmeasured."""
    port = free_port()
    server = subprocess.Popen([tool, "--db", db, "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = "http://127.0.0.1:%d" % port
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/api/search?q=woning", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        for q in warmup:
            params = {k: v for k, v in q.items() if k != "fts"}
            params["limit"] = "20"
            try:
                urllib.request.urlopen(base + "/api/search?" + urllib.parse.urlencode(params),
                                       timeout=60).read()
            except urllib.error.HTTPError as e:
                e.read()
        ms, found = [], 0
        for q in qs:
            params = {k: v for k, v in q.items() if k != "fts"}
            params["limit"] = "20"
            url = base + "/api/search?" + urllib.parse.urlencode(params)
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=60) as r:
                    body = r.read()
                found += bool(json.loads(body).get("results"))
            except urllib.error.HTTPError as e:
                e.read()
            ms.append((time.perf_counter() - t0) * 1000)
        return ms, found
    finally:
        server.terminate()
        server.wait()


def engines(tool, sqlite_db, postgres_url, n):
    qs = queries(n)
    print("warm, %d queries through `serve`, one after the other:" % len(qs))
    for name, db in (("SQLite", sqlite_db), ("PostgreSQL", postgres_url)):
        ms, found = serve_times(tool, db, qs)
        print("  %-12s p50 %7.2f ms  p95 %7.2f ms  (%d with results)" %
              (name, pct(ms, 50), pct(ms, 95), found))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--engines":
        if len(sys.argv) < 5:
            sys.exit(__doc__)
        engines(sys.argv[2], sys.argv[3], sys.argv[4],
                int(sys.argv[5]) if len(sys.argv) > 5 else 1000)
        return
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    tool, db = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    n_cli = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    qs = queries(n)
    for q in qs:
        q["fts"] = explain(tool, q["q"])

    # 1. Warm: the server, and a warm connection for the bare query. First
    # right after the server starts (its page cache empty), then after as
    # many other queries (another seed) have filled it, as in a server that
    # has been running a while.
    first_ms, _ = serve_times(tool, db, qs)
    serve_ms, found = serve_times(tool, db, qs, warmup=queries(n, seed=8))
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    con.execute(BARE, ("woning",)).fetchall()
    bare_ms = []
    for q in qs:
        if not q["fts"]:
            continue
        t0 = time.perf_counter()
        con.execute(BARE, (q["fts"],)).fetchall()
        bare_ms.append((time.perf_counter() - t0) * 1000)
    print("warm, %d queries (%d with results), one after the other:" % (len(qs), found))
    print("  %-36s p50 %7.2f ms  p95 %7.2f ms" % ("motiearchief serve, just started",
                                                  pct(first_ms, 50), pct(first_ms, 95)))
    print("  %-36s p50 %7.2f ms  p95 %7.2f ms" % ("motiearchief serve, after %d others" % n,
                                                  pct(serve_ms, 50), pct(serve_ms, 95)))
    print("  %-36s p50 %7.2f ms  p95 %7.2f ms" % ("bare FTS5 query (warm connection)",
                                                  pct(bare_ms, 50), pct(bare_ms, 95)))

    # 2. Cold: a fresh process per query, both sides.
    cli_ms, sql_ms = [], []
    for q in qs[:n_cli]:
        args = [tool, "--db", db, "search", "--limit", "20"]
        for k in ("gemeente", "van", "tot", "soort", "in"):
            if k in q:
                args += ["--" + k, q[k]]
        t0 = time.perf_counter()
        subprocess.run(args + ["--", q["q"]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cli_ms.append((time.perf_counter() - t0) * 1000)
        if q["fts"]:
            sql = BARE.replace("?", "'" + q["fts"].replace("'", "''") + "'")
            t0 = time.perf_counter()
            subprocess.run(["sqlite3", "-readonly", db, sql], stdout=subprocess.DEVNULL)
            sql_ms.append((time.perf_counter() - t0) * 1000)
    print("cold, %d queries, a fresh process each:" % len(cli_ms))
    print("  %-36s p50 %7.2f ms  p95 %7.2f ms" % ("motiearchief search", pct(cli_ms, 50),
                                                  pct(cli_ms, 95)))
    print("  %-36s p50 %7.2f ms  p95 %7.2f ms" % ("sqlite3 bare FTS5 query", pct(sql_ms, 50),
                                                  pct(sql_ms, 95)))
    print("ratio CLI / sqlite3: p50 %.2f, p95 %.2f" % (pct(cli_ms, 50) / pct(sql_ms, 50),
                                                     pct(cli_ms, 95) / pct(sql_ms, 95)))


if __name__ == "__main__":
    main()
