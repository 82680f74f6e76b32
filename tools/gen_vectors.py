#!/usr/bin/env python3
"""Generate RFC 6962 Merkle test vectors for the Swift tests, independently of the Swift code.

Written straight from RFC 6962 section 2.1 (MTH, PATH, PROOF/SUBPROOF) with hashlib only.
Leaf i's data is the UTF-8 text "leaf-<i>". For every tree size 1..64 it records the root, the audit
path of every leaf, and the consistency proof from every smaller size.

    tools/gen_vectors.py            write Tests/LedgerCoreTests/Vectors/merkle.json
    tools/gen_vectors.py --check    exit 1 if the committed file differs from what this generates
"""
import hashlib
import json
import sys
from functools import lru_cache
from pathlib import Path

MAX_SIZE = 64
OUT = Path(__file__).resolve().parent.parent / "Tests/LedgerCoreTests/Vectors/merkle.json"


def leaf_data(i):
    return f"leaf-{i}".encode()


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n):
    """The largest power of two smaller than n (n > 1)."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


@lru_cache(maxsize=None)
def mth(lo, hi):
    """MTH(D[lo:hi])."""
    n = hi - lo
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaf_hash(leaf_data(lo))
    k = split(n)
    return node_hash(mth(lo, lo + k), mth(lo + k, hi))


def path(m, lo, hi):
    """PATH(m, D[lo:hi]) with m relative to lo."""
    n = hi - lo
    if n == 1:
        return []
    k = split(n)
    if m < k:
        return path(m, lo, lo + k) + [mth(lo + k, hi)]
    return path(m - k, lo + k, hi) + [mth(lo, lo + k)]


def subproof(m, lo, hi, b):
    """SUBPROOF(m, D[lo:hi], b)."""
    n = hi - lo
    if m == n:
        return [] if b else [mth(lo, hi)]
    k = split(n)
    if m <= k:
        return subproof(m, lo, lo + k, b) + [mth(lo + k, hi)]
    return subproof(m - k, lo + k, hi, False) + [mth(lo, lo + k)]


def generate():
    trees = []
    for n in range(1, MAX_SIZE + 1):
        trees.append({
            "size": n,
            "root": mth(0, n).hex(),
            "inclusion": ["".join(h.hex() for h in path(i, 0, n)) for i in range(n)],
            "consistency": ["".join(h.hex() for h in subproof(m, 0, n, True)) for m in range(1, n)],
        })
    doc = {
        "about": "RFC 6962 vectors from tools/gen_vectors.py; leaf i's data is UTF-8 'leaf-<i>'; "
                 "proofs are concatenated hex hashes; inclusion[i] is leaf i's audit path; "
                 "consistency[m-1] proves size m to size n",
        "empty_root": hashlib.sha256(b"").hexdigest(),
        "trees": trees,
    }
    return json.dumps(doc, indent=1, sort_keys=True) + "\n"


def main():
    text = generate()
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"gen_vectors: {OUT} is out of date; run tools/gen_vectors.py", file=sys.stderr)
            return 1
        print("gen_vectors: committed Merkle vectors are up to date")
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text)
    print(f"gen_vectors: wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
