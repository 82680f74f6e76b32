#!/usr/bin/env python3
"""Reads a stored web-archive snapshot (one WARC record, as `export` writes it to sources/ID) with warcio, an
implementation claimledger did not write, and prints what warcio finds as one JSON object: how many records the
file holds, the record's type, WARC-Record-ID, WARC-Target-URI and WARC-Date, whether warcio's own payload and
block digest checks pass, and the SHA-256 of the payload as warcio decodes it (chunking and content-encoding removed).
Run: python3 tools/check_warc_snapshot.py SNAPSHOT   (needs `pip install warcio`)
"""
import hashlib
import io
import json
import sys

from warcio.archiveiterator import ArchiveIterator


def main(path):
    data = open(path, "rb").read()
    # A stored snapshot is the record without the CRLF CRLF that follows it in an archive.
    records = []
    for record in ArchiveIterator(io.BytesIO(data + b"\r\n\r\n"), check_digests=True):
        payload = record.content_stream().read()
        records.append({
            "type": record.rec_type,
            "record_id": record.rec_headers.get_header("WARC-Record-ID"),
            "target_uri": record.rec_headers.get_header("WARC-Target-URI"),
            "date": record.rec_headers.get_header("WARC-Date"),
            "digests_ok": record.digest_checker.passed is not False,
            "problems": record.digest_checker.problems,
            "payload_sha256": hashlib.sha256(payload).hexdigest(),
        })
    print(json.dumps({"records": len(records), **(records[0] if records else {})}, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
