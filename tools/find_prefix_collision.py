#!/usr/bin/env python3
"""Find two short texts whose SHA-256 ids share their first 8 hex digits (a 32-bit birthday search).

The CLI tests use them to check that an ambiguous source-id prefix is refused. Writes
Tests/LedgerCLITests/Fixtures/prefix-a.txt and prefix-b.txt.
"""
import hashlib
from pathlib import Path

seen = {}
n = 0
while True:
    text = f"Source text for the ambiguous-prefix test, number {n}.\n".encode()
    prefix = hashlib.sha256(text).hexdigest()[:8]
    if prefix in seen:
        out = Path(__file__).resolve().parent.parent / "Tests/LedgerCLITests/Fixtures"
        (out / "prefix-a.txt").write_bytes(seen[prefix])
        (out / "prefix-b.txt").write_bytes(text)
        print(f"shared prefix {prefix} after {n + 1} texts")
        break
    seen[prefix] = text
    n += 1
