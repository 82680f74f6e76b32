#!/usr/bin/env python3
"""Records what a claimledger build's HTML extractor gives for each page of
Tests/LedgerCaptureTests/Fixtures/extractor/tagsoup-wide.jsonl, as tagsoup-wide.expected: one line per page,
"sha256 HEX" (the entry's text_sha256), "error: MESSAGE" (why the extractor refused it) or "skip: MESSAGE" (the
text was refused after extraction, so no hash was recorded); and in huge-text.expected the hash for one page
holding a text run over libxml2's 10 MB text-node limit.

Run it once, with a build of the DOM extractor (main at 93081fc, extractor html v1), never with a changed one:
    python3 tools/record_extractor_hashes.py /path/to/claimledger
"""
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIR = ROOT / "Tests" / "LedgerCaptureTests" / "Fixtures" / "extractor"


def main():
    binary = sys.argv[1]
    pages = [json.loads(line) for line in (DIR / "tagsoup-wide.jsonl").read_text(encoding="utf-8").splitlines()]
    out = []
    with tempfile.TemporaryDirectory() as work:
        env = {"CLAIMLEDGER_DIR": f"{work}/led", "PATH": "/usr/bin:/bin"}
        subprocess.run([binary, "init", f"{work}/led", "--origin", "goldens.example/x"], check=True, capture_output=True)
        for page in pages:
            path = f"{work}/page.html"
            pathlib.Path(path).write_bytes(page.encode("utf-8"))
            r = subprocess.run([binary, "source", "add", path, "--outlet", "X", "--lang", "en", "--json"], env=env,
                               capture_output=True, text=True)
            if r.returncode == 0:
                out.append(("id", json.loads(r.stdout)["id"]))
            else:
                err = json.loads(r.stderr.strip().splitlines()[-1])["error"]
                prefix, suffix = f"{path}: ", "; nothing was recorded"
                if err.startswith(prefix) and err.endswith(suffix):
                    out.append(("error", err[len(prefix):-len(suffix)]))
                else:  # refused after extraction (a text of white space only): no hash to record
                    out.append(("skip", err))
        # One text run over libxml2's 10,000,000-byte text-node limit (LargePageGoldenTests.hugeTextRun).
        huge = f"{work}/huge.html"
        pathlib.Path(huge).write_bytes(b"<article><p>" + b"word " * 2_200_000 + b"</p><p>after</p></article>")
        r = subprocess.run([binary, "source", "add", huge, "--outlet", "X", "--lang", "en", "--json"], env=env,
                           capture_output=True, text=True, check=True)
        huge_id = json.loads(r.stdout)["id"]
        log = subprocess.run([binary, "log", "--json"], env=env, check=True, capture_output=True, text=True).stdout
        hashes = {}
        for line in log.splitlines():
            entry = json.loads(line)
            if entry.get("kind") == "source":
                hashes[entry["body"]["id"]] = entry["body"]["text_sha256"]
    lines = [f"sha256 {hashes[v]}" if k == "id" else f"{k}: {v}" for k, v in out]
    (DIR / "tagsoup-wide.expected").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (DIR / "huge-text.expected").write_text(f"sha256 {hashes[huge_id]}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
