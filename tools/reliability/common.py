"""Shared helpers for the reliability suites in tools/: the built binary, fresh ledgers, generated claims."""
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "Tests" / "Corpus"
SOURCES = [("000_488dd66cb813fd74.txt", "en"), ("001_eb67628ebe55fb7f.txt", "fr"), ("002_07d81c0bf9048001.txt", "en"),
           ("003_935b31bd8621e06a.txt", "en"), ("004_8e23d9a72ab15599.txt", "fr")]


def binary(release=False):
    """Builds (if needed) and returns the claimledger executable; $CLAIMLEDGER_BIN, when set, names one to use as it is
    (a copy of a build, so that a long run is not disturbed by rebuilding)."""
    if os.environ.get("CLAIMLEDGER_BIN"):
        return os.environ["CLAIMLEDGER_BIN"]
    config = ["-c", "release"] if release else []
    subprocess.run(["swift", "build", *config, "--product", "claimledger"], cwd=ROOT, check=True, capture_output=True)
    out = subprocess.run(["swift", "build", *config, "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return str(Path(out.strip()) / "claimledger")


def run(bin_, *args, check=True, timeout=120, stdin=None):
    p = subprocess.run([bin_, *map(str, args)], capture_output=True, text=True, timeout=timeout, input=stdin)
    if check and p.returncode != 0:
        sys.exit(f"{Path(sys.argv[0]).name}: claimledger {' '.join(map(str, args[:3]))} failed: {p.stderr.strip()}")
    return p


def unique_quotes(text, rng, count):
    """Passages of 30–120 characters that occur exactly once in text."""
    quotes, tries = [], 0
    while len(quotes) < count and tries < count * 50:
        tries += 1
        start = rng.randrange(0, len(text) - 130)
        q = text[start:start + rng.randrange(30, 120)].strip()
        if len(q) >= 20 and "\n" not in q and text.count(q) == 1:
            quotes.append(q)
    return quotes


def new_ledger(bin_, path, origin="reliability.example/log"):
    """A ledger with the five corpus sources and one predicate; returns the source ids and quote pools."""
    run(bin_, "init", path, "--origin", origin)
    ids, pools, rng = [], {}, random.Random(7)
    for name, lang in SOURCES:
        sid = run(bin_, "source", "add", CORPUS / name, "--outlet", f"Outlet {name[:3]}", "--lang", lang, "--ledger", path).stdout.strip()
        ids.append(sid)
        pools[sid] = (lang, unique_quotes((CORPUS / name).read_text(encoding="utf-8"), rng, 60))
    run(bin_, "predicate", "add", "attendance", "--type", "quantity", "--unit", "people", "--ledger", path)
    return ids, pools


def claim_line(ids, pools, rng, i, tag="gen"):
    sid = rng.choice(ids)
    lang, quotes = pools[sid]
    return json.dumps({"source": sid, "excerpt": rng.choice(quotes), "speaker": f"Speaker {rng.randrange(50)}",
                       "outlet": f"Outlet {rng.randrange(20)}", "text": f"{tag} claim {i}", "subject": f"account:@a{rng.randrange(100)}",
                       "predicate": "attendance", "value": f"more than {rng.randrange(100, 300) * 1000:,}", "lang": lang},
                      ensure_ascii=False)


def state(bin_, ledger):
    """(exit code, parsed verify --json)."""
    p = run(bin_, "verify", "--json", "--ledger", ledger, check=False)
    try:
        return p.returncode, json.loads(p.stdout)
    except json.JSONDecodeError:
        return p.returncode, None


def fingerprint(ledger):
    """(entry count, last seq, last leaf hash, tree hash count) read straight from the store: cheap, and any append or
    rewrite changes it (each entry's bytes carry the previous leaf hash, so the last leaf hash commits to the chain)."""
    db = sqlite3.connect(f"file:{Path(ledger) / 'ledger.sqlite'}?mode=ro", uri=True)
    try:
        count, last = db.execute("SELECT count(*), max(seq) FROM entries").fetchone()
        leaf = db.execute("SELECT leaf_hash FROM entries WHERE seq = ?", (last,)).fetchone()
        hashes = db.execute("SELECT count(*) FROM tree_hashes").fetchone()[0]
        return count, last, leaf[0].hex() if leaf else None, hashes
    finally:
        db.close()
