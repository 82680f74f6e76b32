#!/usr/bin/env python3
"""An independent tlog-witness client (C2SP tlog-witness, written from the spec with the standard library only):
submits a signed checkpoint to a witness's add-checkpoint and prints the cosignature lines it returns.

    witness_client.py URL CHECKPOINT_FILE [--old N --proof FILE]

The request body is "old N", the consistency proof (one base64 hash per line), a blank line, then the note.
Prints the response's signature lines on stdout and exits 0 on 200; otherwise prints "HTTP STATUS: BODY" on
stderr and exits with 10 + the status's first digit (14 for 4xx), so callers can tell a refusal from a crash.
"""
import sys
import urllib.error
import urllib.request


def main(argv):
    if len(argv) not in (2, 6):
        print(__doc__, file=sys.stderr)
        return 1
    url, note_file = argv[0], argv[1]
    old, proof = 0, []
    if len(argv) == 6:
        old = int(argv[argv.index("--old") + 1])
        proof = [l for l in open(argv[argv.index("--proof") + 1], encoding="utf-8").read().split("\n") if l]
    note = open(note_file, encoding="utf-8", newline="").read()
    body = f"old {old}\n" + "".join(p + "\n" for p in proof) + "\n" + note
    request = urllib.request.Request(url.rstrip("/") + "/add-checkpoint", data=body.encode(), method="POST",
                                     headers={"Content-Type": "text/plain; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            sys.stdout.write(response.read().decode())
            return 0
    except urllib.error.HTTPError as e:
        print(f"HTTP {e.code}: {e.read().decode(errors='replace').strip()}", file=sys.stderr)
        return 10 + e.code // 100


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
